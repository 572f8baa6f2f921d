import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { unzipSync } from 'fflate'

import type { PackageFiles } from './types'

/** Every file under `dir` (dotfiles included, so a stray `.env` is caught), symlinks flagged. */
export function readPackageDir(dir: string): PackageFiles {
  const files: PackageFiles = new Map()
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel))) {
      const relPath = rel === '' ? entry : `${rel}/${entry}`
      const full = path.join(dir, relPath)
      const stat = lstatSync(full)
      if (stat.isSymbolicLink()) files.set(relPath, { data: new Uint8Array(), isSymlink: true })
      else if (stat.isDirectory()) walk(relPath)
      else files.set(relPath, { data: readFileSync(full) })
    }
  }
  walk('')
  return files
}

/** The files of a zip archive, as Zendesk would unpack it. */
export function readPackageZip(zip: Uint8Array): PackageFiles {
  const files: PackageFiles = new Map()
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (!name.endsWith('/')) files.set(name, { data })
  }
  return files
}
