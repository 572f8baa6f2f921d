import { basicAuth, prepareRequest, substituteSettings } from '@sim/workspace/requests'

const ctx = {
  simUrl: 'http://127.0.0.1:5000',
  subdomain: 'retention-radar',
  auth: 'Basic abc',
  settings: { token: 's3cret', kpiRoles: 'admin' },
}

describe('prepareRequest', () => {
  it('maps relative API paths to the simulator with the role credentials', () => {
    expect(prepareRequest({ url: '/api/v2/tickets/1.json' }, ctx)).toEqual({
      url: 'http://127.0.0.1:5000/api/v2/tickets/1.json',
      method: 'GET',
      headers: { authorization: 'Basic abc', accept: 'application/json' },
      body: undefined,
    })
  })

  it("maps the account's own https URL and keeps the query", () => {
    const req = prepareRequest(
      { url: 'https://retention-radar.zendesk.com/api/v2/search.json?query=type:ticket' },
      ctx,
    )
    expect(req.url).toBe('http://127.0.0.1:5000/api/v2/search.json?query=type:ticket')
  })

  it('refuses other hosts (the network is closed)', () => {
    expect(() => prepareRequest({ url: 'https://example.com/x' }, ctx)).toThrow(
      'https://example.com is not reachable',
    )
    expect(() => prepareRequest({}, ctx)).toThrow('client.request needs a url')
  })

  it('encodes JSON bodies by content type and form-encodes the rest', () => {
    const json = prepareRequest(
      {
        url: '/api/v2/tickets/1.json',
        type: 'put',
        contentType: 'application/json',
        data: { ticket: { tags: ['a'] } },
      },
      ctx,
    )
    expect(json).toMatchObject({
      method: 'PUT',
      body: '{"ticket":{"tags":["a"]}}',
      headers: { 'content-type': 'application/json' },
    })
    const form = prepareRequest({ url: '/x', type: 'POST', data: { a: 1, b: 'x y' } }, ctx)
    expect(form.body).toBe('a=1&b=x%20y')
    const get = prepareRequest({ url: '/api/v2/x.json?p=1', data: { q: 'z' } }, ctx)
    expect(get.url).toBe('http://127.0.0.1:5000/api/v2/x.json?p=1&q=z')
  })

  it('fills {{setting.x}} only for secure requests, and always sends the role auth', () => {
    const options = {
      url: '/api/v2/x.json',
      headers: { 'X-Token': '{{setting.token}}', Authorization: 'Bearer app' },
    }
    expect(prepareRequest({ ...options, secure: true }, ctx).headers).toEqual({
      'x-token': 's3cret',
      authorization: 'Basic abc',
      accept: 'application/json',
    })
    expect(prepareRequest(options, ctx).headers['x-token']).toBe('{{setting.token}}')
  })
})

describe('substituteSettings', () => {
  it('leaves unknown settings as they are', () => {
    expect(substituteSettings('{{setting.token}}/{{ setting.none }}', { token: 1 })).toBe(
      '1/{{ setting.none }}',
    )
  })
})

describe('basicAuth', () => {
  it('encodes email/token:TOKEN', () => {
    expect(basicAuth('a@b.c', 'T')).toBe(`Basic ${Buffer.from('a@b.c/token:T').toString('base64')}`)
  })
})
