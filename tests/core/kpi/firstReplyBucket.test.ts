import { firstReplyBucketIndex, labelBuckets } from '@/core/kpi/firstReplyBucket'

describe('firstReplyBucketIndex', () => {
  it.each([
    [0, 0],
    [59.9, 0],
    [60, 1],
    [119, 1],
    [120, 2],
    [359, 2],
    [360, 3],
    [720, 4],
    [1439, 4],
    [1440, 5],
    [100000, 5],
  ])('puts %p minutes in bucket %p', (minutes, index) => {
    expect(firstReplyBucketIndex(minutes)).toBe(index)
  })
})

describe('labelBuckets', () => {
  it('labels the six counts', () => {
    expect(labelBuckets([1, 2, 3, 4, 5, 6])).toEqual({
      '<1h': 1,
      '1-2h': 2,
      '2-6h': 3,
      '6-12h': 4,
      '12-24h': 5,
      '>24h': 6,
    })
  })
})
