import { ZendeskApiError, endpointOf, errorFromStatus, secondsHeaderMs } from '@/zendesk/errors'

describe('errorFromStatus', () => {
  it.each([
    [429, 'rate_limited', true],
    [500, 'server', true],
    [503, 'server', true],
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [400, 'bad_request', false],
    [422, 'bad_request', false],
  ])('maps HTTP %i to %s (retryable %s)', (status, code, retryable) => {
    const err = errorFromStatus('GET /api/v2/x', status, {}, '')
    expect(err).toBeInstanceOf(ZendeskApiError)
    expect(err).toMatchObject({ code, retryable, status })
  })

  it("reads Zendesk's error body and Retry-After", () => {
    const err = errorFromStatus(
      'GET /api/v2/search.json',
      422,
      {},
      '{"error":"invalid","description":"Requested response size was greater than Search Response Limits"}',
    )
    expect(err.message).toBe(
      'GET /api/v2/search.json: request refused (HTTP 422) (invalid: Requested response size was greater than Search Response Limits)',
    )
    expect(errorFromStatus('GET /x', 429, { 'retry-after': '4' }, 'text').retryAfterMs).toBe(4000)
    expect(errorFromStatus('GET /x', 429, { 'ratelimit-reset': '9' }, '').retryAfterMs).toBe(9000)
  })
})

describe('helpers', () => {
  it('strips the query from the endpoint', () => {
    expect(endpointOf('get', '/api/v2/search/export.json?query=a')).toBe(
      'GET /api/v2/search/export.json',
    )
  })

  it.each([
    ['3', 3000],
    ['0.5', 500],
    [' 2 ', 2000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', undefined],
    [undefined, undefined],
  ])('reads the seconds header %p as %p ms', (value, ms) => {
    expect(secondsHeaderMs(value)).toBe(ms)
  })
})
