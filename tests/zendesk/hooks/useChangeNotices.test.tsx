import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'

import { closeNoticeSenders, publishChange, simpleNotice, ticketsNotice } from '@/zendesk/notices'
import {
  dashboardNoticeKeys,
  dashboardStatusKeys,
  invalidationsFor,
  sidebarNoticeKeys,
} from '@/zendesk/hooks/noticeKeys'
import { queryKeys } from '@/zendesk/hooks/queryKeys'
import { useChangeNotices } from '@/zendesk/hooks/useChangeNotices'
import type { ChangeNoticeOptions } from '@/zendesk/hooks/useChangeNotices'
import type { NoticeKeyMap } from '@/zendesk/hooks/noticeKeys'
import { ClientProvider } from '@/zendesk/zaf/ClientProvider'

import { createFakeZafClient } from '../../support/fakeZafClient'

afterEach(() => closeNoticeSenders())

/** Counts fetches per key so a test can see which queries a notice refreshed. */
function Counter({
  name,
  queryKey,
  meta,
}: {
  name: string
  queryKey: readonly unknown[]
  meta?: Record<string, unknown>
}) {
  const q = useQuery({
    queryKey,
    queryFn: () => Promise.resolve(Date.now() + Math.random()),
    staleTime: Infinity,
    ...(meta ? { meta } : {}),
  })
  return <p data-testid={name}>{q.dataUpdatedAt}</p>
}

function Listener({ map, options }: { map: NoticeKeyMap; options: ChangeNoticeOptions }) {
  useChangeNotices(map, options)
  return null
}

async function renderWith(
  map: NoticeKeyMap,
  children: ReactNode,
  subdomain = 'acme',
  options: ChangeNoticeOptions = {},
) {
  const client = createFakeZafClient({ context: { account: { subdomain } } })
  const queryClient = new QueryClient()
  const fetches: string[] = []
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'fetch') {
      fetches.push(JSON.stringify(event.query.queryKey))
    }
  })
  render(
    <QueryClientProvider client={queryClient}>
      <ClientProvider init={() => ({ kind: 'client', client })} renderUnavailable={() => null}>
        <Listener map={map} options={options} />
        {children}
      </ClientProvider>
    </QueryClientProvider>,
  )
  await act(async () => {
    client.register()
    await Promise.resolve()
  })
  return { fetches, queryClient }
}

const pause = () => new Promise((r) => setTimeout(r, 30))

describe('useChangeNotices', () => {
  it('refreshes only the queries the notice concerns', async () => {
    const { fetches } = await renderWith(
      sidebarNoticeKeys,
      <>
        <Counter name="h9" queryKey={queryKeys.requesterHistory.one(9)} />
        <Counter name="h10" queryKey={queryKeys.requesterHistory.one(10)} />
        <Counter
          name="a1"
          queryKey={queryKeys.customerAssessment.one(1)}
          meta={{ requesterId: 9 }}
        />
        <Counter
          name="a2"
          queryKey={queryKeys.customerAssessment.one(2)}
          meta={{ requesterId: 10 }}
        />
        <Counter name="s" queryKey={queryKeys.syncStatus.all} />
      </>,
    )
    await waitFor(() => expect(fetches).toHaveLength(5))
    fetches.length = 0
    await act(async () => {
      await publishChange('acme', ticketsNotice([{ id: 77, requesterId: 9 }], 1))
      await pause()
    })
    await waitFor(() =>
      expect(fetches.sort()).toEqual(['["customerAssessment",1]', '["requesterHistory",9]']),
    )
    expect(screen.getByTestId('s')).toBeInTheDocument()
  })

  it('ignores notices of another account and kinds the map does not name', async () => {
    const { fetches } = await renderWith(
      { syncStatus: [queryKeys.syncStatus.all] },
      <Counter name="s" queryKey={queryKeys.syncStatus.all} />,
    )
    await waitFor(() => expect(fetches).toHaveLength(1))
    fetches.length = 0
    await act(async () => {
      await publishChange('globex', simpleNotice('syncStatus', 1))
      await publishChange('acme', simpleNotice('people', 1))
      await pause()
    })
    expect(fetches).toEqual([])
    await act(async () => {
      await publishChange('acme', simpleNotice('syncStatus', 2))
      await pause()
    })
    await waitFor(() => expect(fetches).toEqual(['["syncStatus"]']))
  })
})

describe('useChangeNotices with a minimum interval', () => {
  it('refreshes at once, then merges a burst of notices into one refresh at the interval end', async () => {
    const { fetches } = await renderWith(
      { syncStatus: [queryKeys.syncStatus.all] },
      <Counter name="s" queryKey={queryKeys.syncStatus.all} />,
      'acme',
      { minIntervalMs: 300 },
    )
    await waitFor(() => expect(fetches).toHaveLength(1))
    fetches.length = 0
    await act(async () => {
      await publishChange('acme', simpleNotice('syncStatus', 1))
      await pause()
    })
    await waitFor(() => expect(fetches).toEqual(['["syncStatus"]']))
    await act(async () => {
      for (let i = 2; i < 7; i++) await publishChange('acme', simpleNotice('syncStatus', i))
      await pause()
    })
    // five notices inside the interval: nothing yet, then one refresh when it ends
    expect(fetches).toHaveLength(1)
    await waitFor(() => expect(fetches).toHaveLength(2), { timeout: 2_000 })
    await act(async () => {
      await new Promise((r) => setTimeout(r, 400))
    })
    expect(fetches).toHaveLength(2)
  })
})

describe('useChangeNotices with restart', () => {
  // What the account holds; a status read answers what it held when it was asked.
  let held = 0
  let reads = 0
  function Status() {
    const q = useQuery({
      queryKey: queryKeys.syncStatus.all,
      queryFn: () => {
        const asked = held
        // the first read after the mount is slow, as an answer from a busy background is
        reads += 1
        return new Promise<number>((r) => setTimeout(() => r(asked), reads === 2 ? 200 : 0))
      },
      staleTime: Infinity,
    })
    return <p data-testid="held">{q.data}</p>
  }

  it.each([
    [true, '2'],
    [false, '1'],
  ])(
    'restart %s: a notice during a slow read shows what the account holds after it (%s)',
    async (restart, shown) => {
      held = 0
      reads = 0
      await renderWith(dashboardStatusKeys, <Status />, 'acme', { restart })
      await waitFor(() => expect(screen.getByTestId('held')).toHaveTextContent('0'))
      await act(async () => {
        held = 1
        await publishChange('acme', simpleNotice('syncStatus', 1))
        await pause()
        // a page commits while that read is under way
        held = 2
        await publishChange('acme', ticketsNotice([{ id: 7, requesterId: 9 }], 2))
        await new Promise((r) => setTimeout(r, 400))
      })
      expect(screen.getByTestId('held')).toHaveTextContent(shown)
    },
  )
})

describe('notice key maps', () => {
  it('sends the dashboard a sync status notice and a ticket page to its status line', () => {
    for (const notice of [
      simpleNotice('syncStatus', 1),
      ticketsNotice([{ id: 7, requesterId: null }], 1),
    ]) {
      expect(invalidationsFor(dashboardStatusKeys, notice)).toEqual([{ queryKey: ['syncStatus'] }])
    }
    // the figures' map (refreshed at an interval) leaves the status line out
    expect(invalidationsFor(dashboardNoticeKeys, simpleNotice('syncStatus', 1))).toEqual([])
  })

  it('gives nothing for a kind the map does not name', () => {
    expect(invalidationsFor(dashboardNoticeKeys, simpleNotice('baseline', 1))).toEqual([])
  })
})
