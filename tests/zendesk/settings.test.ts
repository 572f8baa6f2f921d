import manifest from '../../manifest.json'

import { DEFAULT_SETTINGS, parseSettings } from '@/zendesk/settings'

describe('parseSettings', () => {
  it('reads every manifest parameter, and nothing else', () => {
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual(
      manifest.parameters.map((p) => p.name).sort(),
    )
  })

  it('gives every setting its manifest default when none is set', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      valueField: 'lifetime_value',
      valueCurrency: 'USD',
      tierMode: 'percentile',
      tierPlatinumMin: 50000,
      tierGoldMin: 10000,
      tierSilverMin: 2000,
      churnTag: 'churn_risk',
      weightValue: 30,
      weightChurn: 20,
      weightUrgency: 20,
      weightPriority: 10,
      weightRepeat: 10,
      weightChannel: 5,
      weightEffort: 5,
      scoreFieldId: null,
      writeScoreField: true,
      addTierTag: false,
      kpiRoles: ['admin', 'Team lead'],
      apiBudgetShare: 10,
      slaWarningMinutes: 30,
      timeZone: 'UTC',
      syncEnabled: true,
    })
  })

  it('parses the strings Zendesk sends', () => {
    const { settings, problems } = parseSettings({
      tierGoldMin: '25000',
      valueCurrency: 'eur',
      tierMode: 'Threshold',
      scoreFieldId: '360001234',
      kpiRoles: ' admin ,Supervisor,, ',
      syncEnabled: 'false',
      timeZone: 'Europe/Madrid',
    })
    expect(problems).toEqual([])
    expect(settings).toMatchObject({
      tierGoldMin: 25000,
      valueCurrency: 'EUR',
      tierMode: 'threshold',
      scoreFieldId: 360001234,
      kpiRoles: ['admin', 'Supervisor'],
      syncEnabled: false,
      timeZone: 'Europe/Madrid',
    })
  })

  it.each([
    ['apiBudgetShare', '90', 'settings.outOfRange', 10],
    ['weightValue', 'lots', 'settings.notANumber', 30],
    ['tierMode', 'ranking', 'settings.unknownOption', 'percentile'],
    ['timeZone', 'Mars/Olympus', 'settings.badTimeZone', 'UTC'],
    ['valueCurrency', 'dollars', 'settings.badCurrency', 'USD'],
    ['scoreFieldId', 'priority', 'settings.notANumber', null],
  ] as const)(
    'reports a bad %s (%p) and keeps the default',
    (setting, raw, messageKey, fallback) => {
      const { settings, problems } = parseSettings({ [setting]: raw })
      expect(settings[setting]).toEqual(fallback)
      expect(problems).toEqual([expect.objectContaining({ setting, messageKey })])
    },
  )
})
