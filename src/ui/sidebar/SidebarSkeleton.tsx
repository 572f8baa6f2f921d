import { Skeleton } from '@zendeskgarden/react-loaders'
import styled from 'styled-components'

import { useI18n } from '@/i18n/I18nProvider'

const Box = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
`

/** The sidebar's shape while the customer loads, so nothing jumps when the data arrives. */
export function SidebarSkeleton() {
  const { t } = useI18n()
  return (
    <Box role="status" aria-label={t('sidebar.loading')} data-testid="sidebar-skeleton">
      <Skeleton height="40px" width="50%" />
      <Skeleton width="90%" />
      <Skeleton width="80%" />
      <Skeleton height="24px" width="40%" />
      <Skeleton width="70%" />
      <Skeleton width="85%" />
    </Box>
  )
}
