// Content sniffing for Zendesk's file-type rule (zendesk_apps_support validations/mime.rb), which
// asks the marcel gem for a file's MIME type and rejects some subtypes whatever the extension.
// These are the magic numbers in marcel's tables (lib/marcel/tables.rb) whose subtype is on the
// gem's list; marcel names 7z, bzip2, AVI, shell scripts and OLE documents with subtypes that are
// not on it (x-7z-compressed, x-bzip2, x-msvideo, x-sh, x-tika-msoffice), so content alone does not
// flag those.

function startsWith(data: Uint8Array, bytes: number[] | string, offset = 0): boolean {
  const expected = typeof bytes === 'string' ? [...bytes].map((c) => c.charCodeAt(0)) : bytes
  if (data.length < offset + expected.length) return false
  return expected.every((b, i) => data[offset + i] === b)
}

function contains(data: Uint8Array, text: string, from: number, to: number): boolean {
  const end = Math.min(data.length, to + text.length)
  return new TextDecoder('latin1').decode(data.subarray(from, end)).includes(text)
}

/** The content subtype marcel would give these bytes when it is one Zendesk rejects, else undefined. */
export function sniffRejectedSubtype(data: Uint8Array): string | undefined {
  // Office Open XML documents are zips, but marcel calls them x-tika-ooxml, not zip.
  if (startsWith(data, 'PK\x03\x04')) {
    const ooxml = startsWith(data, '[Content_Types].xml', 30) || startsWith(data, '_rels/.rels', 30)
    return ooxml ? undefined : 'zip'
  }
  if (startsWith(data, 'PK\x05\x06') || startsWith(data, 'PK\x07\x08')) return 'zip'
  if (startsWith(data, [0x1f, 0x8b])) return 'gzip'
  if (
    startsWith(data, '%PDF-') ||
    startsWith(data, [0xef, 0xbb, 0xbf, 0x25, 0x50, 0x44, 0x46, 0x2d])
  )
    return 'pdf'
  // Tika's weaker rule (a %% comment, then %PDF- within 512 bytes) catches PDFs with a preamble.
  if (
    startsWith(data, '%%') &&
    (contains(data, '%PDF-1.', 1, 512) || contains(data, '%PDF-2.', 1, 512))
  )
    return 'pdf'
  // audio/mpeg: an ID3 tag or an MPEG audio frame header; video/mpeg: pack or sequence header.
  if (startsWith(data, 'ID3')) return 'mpeg'
  if (
    data[0] === 0xff &&
    [0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xfa, 0xfb, 0xfc, 0xfd, 0xe3].includes(data[1] ?? -1)
  )
    return 'mpeg'
  if (startsWith(data, [0, 0, 1, 0xb3]) || startsWith(data, [0, 0, 1, 0xba])) return 'mpeg'
  return undefined
}
