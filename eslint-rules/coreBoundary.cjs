// Keeps src/core pure: it may import only files inside src/core (relative or `@/core/...`)
// and nothing else in src/ may reach past the core's public entry, `@/core`.
const path = require('node:path')

const CORE_DIR = path.join('src', 'core')

/** @param {string} file @param {string} root */
function isInsideCore(file, root) {
  const rel = path.relative(path.join(root, CORE_DIR), file)
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'src/core imports nothing outside src/core; src/ imports the core only through @/core',
    },
    schema: [],
    messages: {
      outside:
        "src/core must stay pure TypeScript: '{{source}}' is outside src/core (no React, Garden, axios, msw or app code)",
      deep: "Import the core through '@/core' only, not '{{source}}'",
    },
  },
  create(context) {
    const root = context.cwd
    const file = context.filename
    const inCore = isInsideCore(file, root)
    const inSrc = !path.relative(path.join(root, 'src'), file).startsWith('..')

    /** @param {import('eslint').Rule.Node & { source?: any }} node */
    function check(node) {
      const source = node.source && node.source.value
      if (typeof source !== 'string') return
      if (inCore) {
        let target
        if (source.startsWith('.')) target = path.resolve(path.dirname(file), source)
        else if (source.startsWith('@/')) target = path.join(root, 'src', source.slice(2))
        if (!target || !(isInsideCore(target, root) || target === path.join(root, CORE_DIR))) {
          context.report({ node, messageId: 'outside', data: { source } })
        }
        return
      }
      if (inSrc && source.startsWith('@/core/')) {
        context.report({ node, messageId: 'deep', data: { source } })
      }
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}
