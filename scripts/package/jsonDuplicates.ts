/**
 * Finds keys that appear twice in the same JSON object (Zendesk rejects such manifests, while
 * `JSON.parse` silently keeps the last one). Returns the paths of the repeated keys, e.g.
 * `location.support.nav_bar`. Assumes the text already parsed as JSON.
 */
export function findDuplicateKeys(text: string): string[] {
  const duplicates: string[] = []
  // A stack of open containers: objects remember their keys, arrays their next index.
  const stack: {
    keys: Set<string> | null
    path: string
    index: number
    pendingKey: string | null
  }[] = []
  const here = () => stack[stack.length - 1]
  const childPath = () => {
    const top = here()
    if (top === undefined) return ''
    const part = top.keys === null ? `[${top.index}]` : (top.pendingKey ?? '')
    return top.keys === null ? `${top.path}${part}` : top.path === '' ? part : `${top.path}.${part}`
  }
  let i = 0
  let expectKey = false
  while (i < text.length) {
    const ch = text[i]
    if (ch === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      const str = JSON.parse(text.slice(i, j + 1)) as string
      const top = here()
      if (expectKey && top?.keys) {
        if (top.keys.has(str)) duplicates.push(top.path === '' ? str : `${top.path}.${str}`)
        top.keys.add(str)
        top.pendingKey = str
        expectKey = false
      }
      i = j + 1
      continue
    }
    if (ch === '{' || ch === '[') {
      stack.push({
        keys: ch === '{' ? new Set() : null,
        path: childPath(),
        index: 0,
        pendingKey: null,
      })
      expectKey = ch === '{'
    } else if (ch === '}' || ch === ']') {
      stack.pop()
    } else if (ch === ',') {
      const top = here()
      if (top?.keys === null) top.index += 1
      expectKey = top?.keys !== null
    }
    i += 1
  }
  return duplicates
}
