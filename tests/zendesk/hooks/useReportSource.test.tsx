import { render, screen, waitFor } from '@testing-library/react'
import { useEffect, useState } from 'react'

import { ReportSourceProvider, useReportSource } from '@/zendesk/hooks/useReportSource'
import type { ReportSource, ReportSourceStatus } from '@/zendesk/report'

import { renderInZendesk } from '../../support/render'

const status: ReportSourceStatus = {
  tickets: 42,
  complete: false,
  updatedAt: null,
  source: null,
  slaAvailable: false,
}

function StatusLine() {
  const source = useReportSource()
  const [text, setText] = useState('…')
  useEffect(() => {
    source.status().then(
      (s) => setText(`${s.tickets} tickets`),
      (err: unknown) => setText(err instanceof Error ? err.message : 'error'),
    )
  }, [source])
  return <p>{text}</p>
}

describe('ReportSourceProvider', () => {
  it('hands the injected source to the views', async () => {
    const fake = { status: () => Promise.resolve(status) } as unknown as ReportSource
    render(
      <ReportSourceProvider source={fake}>
        <StatusLine />
      </ReportSourceProvider>,
    )
    expect(await screen.findByText('42 tickets')).toBeInTheDocument()
  })

  it('defaults to the background instance, and says when there is none', async () => {
    await renderInZendesk(
      <ReportSourceProvider>
        <StatusLine />
      </ReportSourceProvider>,
      { values: { instances: { 'guid-1': { location: 'nav_bar' } } } },
    )
    await waitFor(() =>
      expect(screen.getByText(/The background is not running/)).toBeInTheDocument(),
    )
  })

  it('throws a clear error outside a provider', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(() => render(<StatusLine />)).toThrow(
      'useReportSource() must be used within a ReportSourceProvider',
    )
  })
})
