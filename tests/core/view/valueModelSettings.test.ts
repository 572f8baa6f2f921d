import { accountBaseline } from '@/core/customer/accountBaseline'
import { DEFAULT_CHURN_TAGS } from '@/core/customer/churnRisk'
import { scoreRequesterTicket } from '@/core/view/scoreRequesterTicket'
import { VALUE_MODEL_SETTING_NAMES, valueModelSettings } from '@/core/view/valueModelSettings'
import type { ValueModelSettingsSource } from '@/core/view/valueModelSettings'
import { DEFAULT_SETTINGS, parseSettings } from '@/zendesk/settings'
import manifest from '../../../manifest.json'
import { buildItem, buildProfile, daysAgo, NOW } from '../customer/customerFixtures'

/** Manifest parameters that do not change how the model values, tiers or scores. */
const NOT_MODEL: Record<string, string> = {
  scoreFieldId: 'where the sidebar writes the score, not how it is computed',
  kpiRoles: 'who may open the dashboard',
  apiBudgetShare: 'how fast the background syncs',
  slaWarningMinutes: 'when the background warns agents',
  timeZone: 'days and hours of the team reports',
  syncEnabled: 'whether the background syncs',
  writeScoreField: 'whether the sidebar writes the score into the ticket',
  addTierTag: 'whether the sidebar tags the ticket with the tier',
}

/** A value different from the default for each text parameter (numbers get default + 7). */
const TEXT_VARIANTS: Record<string, string> = {
  valueField: 'mrr',
  valueCurrency: 'EUR',
  tierMode: 'threshold',
  churnTag: 'leaving_soon',
}

const parameters = manifest.parameters as { name: string; type: string; default?: unknown }[]

describe('valueModelSettings', () => {
  it('takes the app settings as they are parsed', () => {
    const source: ValueModelSettingsSource = DEFAULT_SETTINGS
    expect(valueModelSettings(source).value?.currency).toBe('USD')
  })

  it('knows every manifest parameter: mapped to the model or known not to concern it', () => {
    for (const { name } of parameters) {
      const mapped = (VALUE_MODEL_SETTING_NAMES as readonly string[]).includes(name)
      expect({ name, known: mapped || name in NOT_MODEL }).toEqual({ name, known: true })
    }
    for (const name of VALUE_MODEL_SETTING_NAMES) {
      expect(parameters.map((p) => p.name)).toContain(name)
    }
  })

  it.each(parameters.filter((p) => !(p.name in NOT_MODEL)).map((p) => [p.name, p] as const))(
    'passes %s on to the model',
    (name, parameter) => {
      const variant =
        parameter.type === 'number' ? Number(parameter.default) + 7 : TEXT_VARIANTS[name]
      expect(variant).toBeDefined()
      const parsed = parseSettings({ [name]: variant })
      expect(parsed.problems).toEqual([])
      expect(valueModelSettings(parsed.settings)).not.toEqual(valueModelSettings(DEFAULT_SETTINGS))
    },
  )

  it('maps the defaults', () => {
    const s = valueModelSettings(DEFAULT_SETTINGS)
    expect(s.value?.valueFields).toEqual([
      { scope: 'user', key: 'lifetime_value' },
      { scope: 'organization', key: 'lifetime_value' },
    ])
    expect(s.tierThresholds).toBeNull()
    expect(s.tierFallbackThresholds).toEqual({ silver: 2000, gold: 10000, platinum: 50000 })
    expect(s.churn?.churnTags).toEqual([...DEFAULT_CHURN_TAGS])
    expect(s.priority?.weights).toEqual({
      value: 30,
      churnRisk: 20,
      waiting: 10,
      slaBreach: 10,
      ticketPriority: 10,
      repeatContact: 10,
      channelLoyalty: 5,
      effort: 5,
    })
  })

  it('reads a scoped value field, keeps the multiplier of a known key, and empty means estimate', () => {
    const of = (valueField: string) =>
      valueModelSettings({ ...DEFAULT_SETTINGS, valueField }).value?.valueFields
    expect(of('organization.arr')).toEqual([{ scope: 'organization', key: 'arr' }])
    expect(of('user.mrr')).toEqual([{ scope: 'user', key: 'mrr', multiplier: 12 }])
    expect(of(' ')).toEqual([])
  })

  describe('through the model', () => {
    const profile = buildProfile({ fields: { lifetime_value: 12000 }, tags: ['leaving_soon'] })
    const ticket = buildItem({ id: 7, created: daysAgo(1), status: 'open' })
    const score = (settings: ValueModelSettingsSource, baseline = accountBaseline([], [], NOW)) =>
      scoreRequesterTicket({
        ticket,
        history: [ticket],
        profile,
        baseline,
        now: NOW,
        settings: valueModelSettings(settings),
      })

    it('tiers by the threshold settings in percentile mode without a baseline, and says so', () => {
      const s = score(DEFAULT_SETTINGS)
      expect(s.tier).toMatchObject({ tier: 'gold', source: 'threshold', fallback: true })
      expect(s.tier.nextTier).toEqual({ tier: 'platinum', at: 50000, gap: 38000 })
    })

    it('tiers by the percentiles in percentile mode when the account has them', () => {
      const baseline = {
        ...accountBaseline([], [], NOW),
        valueThresholds: { silver: 1000, gold: 5000, platinum: 11000 },
      }
      expect(score(DEFAULT_SETTINGS, baseline).tier).toMatchObject({
        tier: 'platinum',
        source: 'percentile',
        fallback: false,
      })
    })

    it('reads the churn tag and the currency', () => {
      const base = score({ ...DEFAULT_SETTINGS, churnTag: 'other' })
      const tagged = score({ ...DEFAULT_SETTINGS, churnTag: 'leaving_soon', valueCurrency: 'EUR' })
      expect(tagged.churn.score).toBeGreaterThan(base.churn.score)
      expect(tagged.value.currency).toBe('EUR')
    })

    it('weights the factors as set', () => {
      const noValue = score({ ...DEFAULT_SETTINGS, weightValue: 0 })
      expect(noValue.factors.find((f) => f.key === 'value')?.weight).toBe(0)
    })
  })
})
