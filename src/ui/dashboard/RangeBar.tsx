import { Button } from '@zendeskgarden/react-buttons'
import { useState } from 'react'
import styled from 'styled-components'

import type { ReportRange } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'
import type { DashboardPrefs } from '@/zendesk/hooks/useDashboardPrefs'

import { customRange } from './model/customRange'
import type { CustomRangeError } from './model/customRange'
import { lastDayOf } from './model/lastDayOf'
import { RANGE_PRESETS } from './model/presetRange'

import { COLORS } from './colors'

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: ${(p) => p.theme.space.xs};
`

const Field = styled.label`
  display: flex;
  flex-direction: column;
  font-size: ${(p) => p.theme.fontSizes.sm};
  input {
    font: inherit;
    padding: 4px 6px;
    border: 1px solid ${COLORS.grey400};
    border-radius: ${(p) => p.theme.borderRadii.md};
  }
`

const ErrorText = styled.p`
  color: ${COLORS.red700};
  font-size: ${(p) => p.theme.fontSizes.sm};
  margin: 0;
  width: 100%;
`

export interface RangeBarProps {
  value: DashboardPrefs['range']
  /** The range on screen (fills the custom fields). */
  range: ReportRange
  timeZone: string
  onChange: (range: DashboardPrefs['range']) => void
}

/** Last 7, 30 or 90 days, or a custom pair of dates (checked before it is applied). */
export function RangeBar({ value, range, timeZone, onChange }: RangeBarProps) {
  const { t } = useI18n()
  const [editing, setEditing] = useState('custom' in value)
  const [from, setFrom] = useState(range.from)
  const [to, setTo] = useState(lastDayOf(range))
  const [error, setError] = useState<CustomRangeError | null>(null)

  const apply = () => {
    const result = customRange(from, to, timeZone)
    if ('error' in result) {
      setError(result.error)
      return
    }
    setError(null)
    onChange({ custom: { from: result.range.from, to: result.range.to } })
  }

  return (
    <Bar role="group" aria-label={t('dashboard.range.label')}>
      {RANGE_PRESETS.map((preset) => (
        <Button
          key={preset}
          size="small"
          isPrimary={'preset' in value && value.preset === preset}
          aria-pressed={'preset' in value && value.preset === preset}
          onClick={() => {
            setEditing(false)
            onChange({ preset })
          }}
        >
          {t(`dashboard.range.preset${preset}`)}
        </Button>
      ))}
      <Button
        size="small"
        isPrimary={'custom' in value}
        aria-pressed={'custom' in value}
        aria-expanded={editing}
        onClick={() => {
          // the fields start from the range on screen each time they open (it may have moved)
          if (!editing) {
            setFrom(range.from)
            setTo(lastDayOf(range))
            setError(null)
          }
          setEditing(!editing)
        }}
      >
        {t('dashboard.range.custom')}
      </Button>
      {editing && (
        <>
          <Field>
            {t('dashboard.range.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field>
            {t('dashboard.range.to')}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Button size="small" onClick={apply}>
            {t('dashboard.range.apply')}
          </Button>
          {error !== null && (
            <ErrorText role="alert">{t(`dashboard.range.errors.${error}`)}</ErrorText>
          )}
        </>
      )}
    </Bar>
  )
}
