import { readFileSync } from 'node:fs'
import path from 'node:path'

import manifest from '../manifest.json'

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8')

describe('README', () => {
  it.each(manifest.parameters.map((p) => [p.name]))('documents the %s setting', (name) => {
    expect(readme).toMatch(new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm'))
  })
})
