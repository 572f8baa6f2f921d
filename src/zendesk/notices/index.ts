export {
  NOTICE_EVENT,
  channelName,
  closeNoticeSenders,
  publishChange,
  subscribeChanges,
} from './channel'
export type { NoticeOptions, PublishResult } from './channel'
export { simpleNotice, slaEventsNotice, ticketsNotice } from './notice'
export { changeNoticeSchema, parseChangeNotice } from './schema'
export { NOTICE_VERSION } from './types'
export type { ChangeNotice } from './types'
