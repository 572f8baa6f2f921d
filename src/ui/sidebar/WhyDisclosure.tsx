import { Button } from '@zendeskgarden/react-buttons'
import { MD, SM } from '@zendeskgarden/react-typography'
import { useId, useState } from 'react'
import styled from 'styled-components'

import type { ScoreFactorView } from '@/core'
import { useI18n } from '@/i18n/I18nProvider'

import { shadeOf } from './palette'
import { reasonText } from './text'

const Factors = styled.ul`
  list-style: none;
  margin: ${(p) => p.theme.space.xs} 0 0;
  padding: 0;

  li {
    padding: ${(p) => p.theme.space.xxs} 0;
    border-top: 1px solid ${(p) => shadeOf(p.theme, 'grey', 300, '#d8dcde')};
  }
`

const Head = styled.div`
  display: flex;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.xs};
`

/** "Why?": every factor of the score with its points, its weight from the settings and its reason. */
export function WhyDisclosure({ factors }: { factors: ScoreFactorView[] }) {
  const i18n = useI18n()
  const { t, format } = i18n
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <section>
      <Button
        size="small"
        isBasic
        aria-expanded={open}
        data-testid="why-toggle"
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('sidebar.why.hide') : t('sidebar.why.show')}
      </Button>
      <Factors id={id} hidden={!open} data-testid="why-factors">
        {factors.map((f) => (
          <li key={f.key}>
            <Head>
              <MD isBold>{t(`sidebar.why.factors.${f.key}`)}</MD>
              <MD>
                {t('sidebar.why.points', {
                  points: format.number(f.contribution, 1),
                  weight: format.number(f.weight, 1),
                })}
              </MD>
            </Head>
            <SM>{reasonText(i18n, f)}</SM>
            {f.missing && <SM>{t('sidebar.why.missing')}</SM>}
          </li>
        ))}
      </Factors>
    </section>
  )
}
