export {
  NOTICE_EVENT,
  channelName,
  closeNoticeSenders,
  publishChange,
  subscribeChanges,
} from './channel'

export { simpleNotice, ticketsNotice } from './notice'

export type { ChangeNotice } from './types'
