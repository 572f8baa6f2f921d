import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { runValidate } from '../../../scripts/package/validateCommand'
import { zipPackage } from '../../../scripts/package/zip'
import type { PackageFiles } from '../../../scripts/package/types'

import { minimalPackage } from './packageFixture'

let dir: string

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'validate-test-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function writeFolder(name: string, files: PackageFiles): string {
  const root = path.join(dir, name)
  for (const [rel, file] of files) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    writeFileSync(path.join(root, rel), file.data)
  }
  return root
}

function run(args: string[]): { code: number; out: string; err: string } {
  let out = ''
  let err = ''
  const code = runValidate(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) })
  return { code, out, err }
}

describe('npm run validate', () => {
  it('passes a package Zendesk accepts, printing our Marketplace rules as warnings', () => {
    const folder = writeFolder('ok', minimalPackage())
    const { code, out } = run([folder])
    expect(code).toBe(0)
    expect(out).toMatch(/^warning assets\/logo\.png: is missing .*\[marketplace:logos\]$/m)
    expect(out).toContain('is a valid Zendesk app package at the Zendesk level')
  })

  it('fails the same package at the Marketplace level, and reads zips', () => {
    const zip = path.join(dir, 'app.zip')
    writeFileSync(zip, zipPackage(minimalPackage()))
    const { code, out } = run(['--marketplace', zip])
    expect(code).toBe(1)
    expect(out).toMatch(/^error {3}assets\/logo\.png: is missing .*\[marketplace:logos\]$/m)
    expect(out).toMatch(/has \d+ error\(s\) and \d+ warning\(s\) at the Marketplace level/)
  })

  it('fails a package Zendesk rejects, one line per problem', () => {
    const folder = writeFolder(
      'bad',
      minimalPackage({ frameworkVersion: '1.0', singleInstall: 'yes' }),
    )
    const { code, out } = run([folder])
    expect(code).toBe(1)
    expect(out).toContain(
      'error   manifest.json › singleInstall: must be true or false, got "yes" [manifest.rb:unacceptable_boolean]',
    )
    expect(out).toContain('[manifest.rb:invalid_version]')
  })

  it('explains a missing target, a file that is not a zip, and unknown flags', () => {
    expect(run([path.join(dir, 'nothing')])).toEqual(
      expect.objectContaining({
        code: 1,
        err: expect.stringContaining('does not exist') as string,
      }),
    )
    const notZip = path.join(dir, 'notes.txt')
    writeFileSync(notZip, 'hello')
    expect(run([notZip])).toEqual(
      expect.objectContaining({
        code: 1,
        err: expect.stringContaining('neither a folder nor a zip') as string,
      }),
    )
    expect(run(['--strict'])).toEqual(
      expect.objectContaining({
        code: 2,
        err: expect.stringContaining('usage: npm run validate') as string,
      }),
    )
  })
})
