export { BASELINE_RETRY_MS, createBaselinePublisher } from './publisher'

export {
  BASELINE_CACHE_MS,
  BASELINE_EXTERNAL_ID,
  BASELINE_OBJECT_KEY,
  baselineCacheKey,
  publishBaseline,
  readSharedBaseline,
} from './sharedBaseline'
