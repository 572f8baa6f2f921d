import { parseRegistration } from '@/zendesk/zaf/registered'

const context = {
  instanceGuid: 'guid-1',
  product: 'support',
  location: 'ticket_sidebar',
  account: { subdomain: 'acme' },
  ticketId: 7,
  host: 'zendesk',
}
const metadata = { appId: 1, installationId: 2, settings: { churnTag: 'leaving' } }

describe('parseRegistration', () => {
  it('returns the context and metadata as Zendesk sent them', () => {
    expect(parseRegistration({ context, metadata })).toEqual({ context, metadata })
  })

  it('accepts a context without a ticket (nav bar, background)', () => {
    const { instanceGuid, product, account } = context
    const navBar = { instanceGuid, product, account, location: 'nav_bar' }
    expect(parseRegistration({ context: navBar, metadata })).toEqual({ context: navBar, metadata })
  })

  it.each([
    [undefined, 'no data'],
    [[], 'no data'],
    [{ metadata }, 'no context'],
    [{ context }, 'no metadata'],
    [
      { context: { ...context, instanceGuid: 1 }, metadata },
      'context.instanceGuid is not a string',
    ],
    [
      { context: { ...context, location: undefined }, metadata },
      'context.location is not a string',
    ],
    [
      { context: { ...context, account: {} }, metadata },
      'context.account.subdomain is not a string',
    ],
    [{ context: { ...context, ticketId: '7' }, metadata }, 'context.ticketId is not a number'],
    [{ context, metadata: { settings: null } }, 'metadata.settings is not an object'],
  ])('names what is wrong with %j', (data, problem) => {
    expect(parseRegistration(data)).toEqual({ problem: `app.registered: ${problem}` })
  })
})
