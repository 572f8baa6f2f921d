import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createSettingsStore, mergeSettings, settingsOverrides } from '@sim/workspace/settings'

const parameters = [
  { name: 'kpiRoles', type: 'text', default: 'admin, Team lead' },
  { name: 'weightValue', type: 'number', default: 30 },
  { name: 'scoreFieldId', type: 'text', default: '' },
  { name: 'noDefault', type: 'text' },
]

describe('mergeSettings', () => {
  it('fills defaults, keeps overrides, drops unknown names and resets null', () => {
    expect(mergeSettings(parameters, { weightValue: 50, kpiRoles: null, bogus: 1 })).toEqual({
      kpiRoles: 'admin, Team lead',
      weightValue: 50,
      scoreFieldId: '',
      noDefault: '',
    })
  })
})

describe('settingsOverrides', () => {
  it('keeps only values that differ from the defaults', () => {
    expect(
      settingsOverrides(parameters, { kpiRoles: 'admin, Team lead', weightValue: 40 }),
    ).toEqual({
      weightValue: 40,
    })
  })
})

describe('createSettingsStore', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workspace-settings-'))
  const manifestFile = path.join(dir, 'manifest.json')
  writeFileSync(manifestFile, JSON.stringify({ parameters }))

  it('reads defaults without a file and writes only the changes', () => {
    const file = path.join(dir, 'preview.settings.json')
    const store = createSettingsStore({ manifestFile, file })
    expect(store.read().kpiRoles).toBe('admin, Team lead')
    store.write({ kpiRoles: 'agent', weightValue: 30 })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ kpiRoles: 'agent' })
    expect(store.read()).toMatchObject({ kpiRoles: 'agent', weightValue: 30 })
  })

  it('names the file when it is not a JSON object', () => {
    const file = path.join(dir, 'bad.json')
    writeFileSync(file, '[1]')
    expect(() => createSettingsStore({ manifestFile, file }).read()).toThrow(
      'bad.json: expected a JSON object of setting names to values',
    )
  })
})
