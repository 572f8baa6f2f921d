import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { PREVIEW_INSTALLATION_ID, stageApp } from '@sim/workspace/zcli'

describe('stageApp', () => {
  it('stages the built app with a complete zcli config, leaving dist/ untouched', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'workspace-zcli-'))
    const dist = path.join(root, 'dist')
    mkdirSync(path.join(dist, 'assets'), { recursive: true })
    mkdirSync(path.join(dist, 'translations'))
    writeFileSync(path.join(dist, 'manifest.json'), '{"name":"App"}')
    writeFileSync(path.join(dist, 'assets', 'page.html'), '<p></p>')
    const stage = stageApp({
      distDir: dist,
      stageDir: path.join(root, 'stage'),
      settings: { kpiRoles: 'admin', weightValue: 30 },
    })
    expect(readFileSync(path.join(stage, 'manifest.json'), 'utf8')).toBe('{"name":"App"}')
    expect(realpathSync(path.join(stage, 'assets'))).toBe(realpathSync(path.join(dist, 'assets')))
    expect(existsSync(path.join(stage, 'assets', 'page.html'))).toBe(true)
    expect(JSON.parse(readFileSync(path.join(stage, 'zcli.apps.config.json'), 'utf8'))).toEqual({
      installation_id: PREVIEW_INSTALLATION_ID,
      parameters: { kpiRoles: 'admin', weightValue: 30 },
    })
    expect(existsSync(path.join(dist, 'zcli.apps.config.json'))).toBe(false)
  })
})
