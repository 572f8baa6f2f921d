import path from 'node:path'

import { RuleTester } from 'eslint'
import type { Rule } from 'eslint'
import tseslint from 'typescript-eslint'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule is a CommonJS ESLint plugin module
const rule = require('../../eslint-rules/coreBoundary.cjs') as Rule.RuleModule

const ROOT = path.join(__dirname, '..', '..')
const core = (rel: string) => path.join(ROOT, 'src', 'core', rel)
const app = (rel: string) => path.join(ROOT, 'src', rel)

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
})

describe('core-boundary', () => {
  tester.run('core-boundary', rule, {
    valid: [
      { filename: core('kpi/firstReply.ts'), code: "import { median } from '../_lib/median'" },
      {
        filename: core('kpi/firstReply.ts'),
        code: "import type { TicketRecord } from '@/core/types'",
      },
      { filename: core('index.ts'), code: "export * from './kpi/firstReply'" },
      { filename: app('locations/nav_bar/Dashboard.tsx'), code: "import { report } from '@/core'" },
      { filename: app('locations/nav_bar/Dashboard.tsx'), code: "import React from 'react'" },
    ],
    invalid: [
      ['react', "import { useState } from 'react'"],
      ['Garden', "import { Button } from '@zendeskgarden/react-buttons'"],
      ['axios', "import axios from 'axios'"],
      ['msw', "import { http } from 'msw'"],
      ['app code by alias', "import { useClient } from '@/zendesk/zaf/ClientProvider'"],
      ['app code by relative path', "import { parseSettings } from '../../zendesk/settings'"],
      ['a node builtin', "import { readFileSync } from 'node:fs'"],
      ['a dynamic import', "const m = import('axios')"],
      ['a re-export', "export * from '../../ui/Notice'"],
    ].map(([, code]) => ({
      filename: core('kpi/firstReply.ts'),
      code: code ?? '',
      errors: [{ messageId: 'outside' }],
    })),
  })

  tester.run('core-boundary (entry point)', rule, {
    valid: [],
    invalid: [
      {
        filename: app('locations/nav_bar/Dashboard.tsx'),
        code: "import { firstReply } from '@/core/kpi/firstReply'",
        errors: [{ messageId: 'deep' }],
      },
    ],
  })
})
