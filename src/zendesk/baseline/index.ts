export { BASELINE_RETRY_MS, createBaselinePublisher } from './publisher'
export type { BaselinePublisher, BaselinePublisherOptions, PublishOutcome } from './publisher'
export {
  BASELINE_CACHE_MS,
  BASELINE_EXTERNAL_ID,
  BASELINE_OBJECT_KEY,
  BASELINE_RECORD_NAME,
  NO_BASELINE_CACHE_MS,
  baselineCacheKey,
  publishBaseline,
  readSharedBaseline,
} from './sharedBaseline'
export type { SharedBaseline, SharedBaselineOptions } from './sharedBaseline'
