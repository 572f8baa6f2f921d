import { useI18n } from '@/i18n/I18nProvider'
import type { SettingProblem } from '@/zendesk/settings'

import { Notice } from './Notice'

/** Lists installation settings that had bad values, each with the default used instead. */
export function SettingsProblems({ problems }: { problems: SettingProblem[] }) {
  const { t } = useI18n()
  if (problems.length === 0) return null
  return (
    <Notice type="warning" title={t('common.settingsProblemsTitle')}>
      {problems.map((p) => (
        <span key={p.setting} style={{ display: 'block' }}>
          {t('common.settingProblem', { setting: p.setting, problem: t(p.messageKey, p.params) })}
        </span>
      ))}
    </Notice>
  )
}
