import { csvRows } from '@/core/view/csvRows'

/** A small RFC 4180 reader, to check that what csvRows writes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  expect({ field, row }).toEqual({ field: '', row: [] })
  return rows
}

describe('csvRows', () => {
  it('writes a header row and one CRLF-ended row per item', () => {
    expect(
      csvRows(
        ['id', 'status'],
        [
          [1, 'open'],
          [2, 'solved'],
        ],
      ),
    ).toBe('id,status\r\n1,open\r\n2,solved\r\n')
    expect(csvRows(['id'], [])).toBe('id\r\n')
  })

  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    const text = csvRows(
      ['subject'],
      [['a, b'], ['say "hi"'], ['two\nlines'], ['cr\r\nlf'], [' x']],
    )
    expect(text).toBe('subject\r\n"a, b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\r\nlf"\r\n" x"\r\n')
    expect(parseCsv(text)).toEqual([
      ['subject'],
      ['a, b'],
      ['say "hi"'],
      ['two\nlines'],
      ['cr\r\nlf'],
      [' x'],
    ])
  })

  it('neutralises spreadsheet formulas in text but leaves numbers alone', () => {
    const rows = [['=1+1'], ['+SUM(A1)'], ['-2+3'], ['@cmd'], ['\tTAB'], [-5], ['a=b']]
    const parsed = parseCsv(csvRows(['v'], rows)).slice(1)
    expect(parsed).toEqual([
      ["'=1+1"],
      ["'+SUM(A1)"],
      ["'-2+3"],
      ["'@cmd"],
      ["'\tTAB"],
      ['-5'],
      ['a=b'],
    ])
    expect(csvRows(['v'], [['=HYPERLINK("http://x")']])).toBe(
      'v\r\n"\'=HYPERLINK(""http://x"")"\r\n',
    )
  })

  it('writes empty cells for null, undefined and non-finite numbers, and pads short rows', () => {
    expect(csvRows(['a', 'b', 'c'], [[null, undefined, NaN], [true]])).toBe(
      'a,b,c\r\n,,\r\ntrue,,\r\n',
    )
  })

  it('round-trips arbitrary text', () => {
    const cells = ['plain', 'é ü 中文', '"', '""', ',', '\r\n', 'x\ny', '', '  ', '=', "'quoted"]
    const parsed = parseCsv(
      csvRows(
        ['h'],
        cells.map((c) => [c]),
      ),
    ).slice(1)
    expect(parsed.map((r) => r[0])).toEqual(
      cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)),
    )
  })

  it('names the row that has more cells than the header', () => {
    expect(() => csvRows(['a'], [[1], [1, 2]])).toThrow('row 2 has 2 cells but the header has 1')
  })
})
