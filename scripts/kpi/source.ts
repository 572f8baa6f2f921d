// Where export pages come from. The NDJSON dataset file (one page per line, as the simulator writes
// it) is the one source: the live API (`--base-url`, remoteSource.ts) syncs into a cache file of the
// same format and reads it back through here.

import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'

/** One item of a source: a parsed page, or a last line cut short (a truncated download). */
export type SourceItem =
  { kind: 'page'; where: string; value: unknown } | { kind: 'truncated'; where: string }

export interface PageSource {
  /** Human description for messages, e.g. the file name. */
  readonly name: string
  items(): AsyncIterable<SourceItem>
}

/** A file that is not the dataset format: the message names the line and what was expected. */
export class DatasetFormatError extends Error {
  override readonly name = 'DatasetFormatError'
}

/**
 * Pages of an NDJSON file. A line that is not JSON is an error naming the line, except the last
 * line after at least one good page, which is reported as truncated (rule `truncatedLastLine`).
 */
export function ndjsonSource(file: string): PageSource {
  return {
    name: file,
    async *items(): AsyncIterable<SourceItem> {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
      let pending: { line: number; text: string } | undefined
      let good = 0
      let lineNo = 0
      const parse = (p: { line: number; text: string }, isLast: boolean): SourceItem => {
        const where = `${file}:${p.line}`
        try {
          return { kind: 'page', where, value: JSON.parse(p.text) as unknown }
        } catch {
          if (isLast && good > 0) return { kind: 'truncated', where }
          const start = p.text.slice(0, 40).replace(/\s+/g, ' ')
          throw new DatasetFormatError(
            `${where}: not JSON (got '${start}${p.text.length > 40 ? '…' : ''}'); expected one ` +
              'incremental export page per line, as written by `npm run dataset`',
          )
        }
      }
      for await (const text of lines) {
        lineNo++
        if (text.trim() === '') continue
        if (pending !== undefined) {
          const item = parse(pending, false)
          good++
          yield item
        }
        pending = { line: lineNo, text }
      }
      if (pending !== undefined) yield parse(pending, true)
    },
  }
}
