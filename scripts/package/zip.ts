import { zipSync } from 'fflate'

import type { PackageFiles } from './types'

// A fixed timestamp makes the same dist/ always give a byte-identical zip.
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z')

/** Zips package files with their paths at the zip root, as Zendesk expects. */
export function zipPackage(files: PackageFiles): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {}
  for (const path of [...files.keys()].sort()) {
    const file = files.get(path)
    if (file !== undefined) entries[path] = [file.data, { mtime: FIXED_MTIME }]
  }
  return zipSync(entries, { level: 9 })
}
