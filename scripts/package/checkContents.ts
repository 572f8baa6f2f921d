import type { Findings } from './context'
import { BANNED_EXTENSIONS, FORBIDDEN_FILES, SECRET_PATTERNS, TEXT_EXTENSIONS } from './rules'

const TOP_LEVEL = ['manifest.json', 'requirements.json', 'translations/', 'assets/']

function extension(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
}

/** What must never be in a package: credentials, local config, archives, symlinks, secrets. */
export function checkContents(f: Findings): void {
  for (const [path, file] of f.files) {
    if (file.isSymlink === true)
      f.error(path, undefined, 'is a symbolic link; Zendesk rejects packages with links')
    if (FORBIDDEN_FILES.some((re) => re.test(path))) {
      f.error(
        path,
        undefined,
        'holds local configuration or credentials and must not be in the package',
      )
      continue
    }
    if (path !== 'manifest.json' && path.endsWith('/manifest.json')) {
      f.error(
        path,
        undefined,
        'a manifest.json outside the package root (the package must be the app folder itself)',
      )
    }
    if (!TOP_LEVEL.some((top) => path === top || path.startsWith(top))) {
      f.warn(
        path,
        undefined,
        'is not part of a Zendesk app (manifest.json, requirements.json, translations/, assets/)',
      )
    }
    const ext = extension(path)
    if (BANNED_EXTENSIONS.includes(ext))
      f.error(path, undefined, `.${ext} files are not allowed in an app package`)
    if (!TEXT_EXTENSIONS.includes(ext)) continue
    const text = f.text(path) ?? ''
    for (const { name, pattern } of SECRET_PATTERNS) {
      if (pattern.test(text))
        f.error(
          path,
          undefined,
          `contains what looks like ${name}; credentials belong in secure settings`,
        )
    }
    if (
      (ext === 'js' || ext === 'html') &&
      /http:\/\/(?!www\.w3\.org\/|json-schema\.org\/|localhost|127\.0\.0\.1)[\w.-]+/.test(text)
    ) {
      f.warn(path, undefined, 'contains an insecure http:// URL')
    }
  }
  if (f.has('requirements.json')) {
    const requirements = f.json('requirements.json')
    if (
      requirements !== undefined &&
      (typeof requirements !== 'object' || requirements === null || Array.isArray(requirements))
    ) {
      f.error('requirements.json', undefined, 'must be a JSON object')
    }
  }
}
