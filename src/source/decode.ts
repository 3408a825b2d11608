import iconv from 'iconv-lite';

/** Text decoded from bytes, and what it took. */
export interface DecodedText {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`. */
  encoding: string;
  /** A byte-order mark opened the bytes (and is not in `text`). */
  bom: boolean;
  /** Byte offset of the first byte that is not UTF-8, when the bytes fell back to Windows-1252. */
  firstInvalidUtf8: number | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes wire copy whose encoding nobody declared: a BOM decides; else UTF-16 is
 * recognised by its NUL bytes, valid UTF-8 is taken as UTF-8, and anything else is
 * Windows-1252 (a superset of Latin-1 in the printable range, as agencies' Latin
 * copy usually is).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8Lenient(bytes.subarray(3)), encoding: 'utf-8', bom: true, firstInvalidUtf8: null };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', bom: true, firstInvalidUtf8: null };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', bom: true, firstInvalidUtf8: null };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16, bom: false, firstInvalidUtf8: null };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', bom: false, firstInvalidUtf8: null };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes), 'windows-1252'),
      encoding: 'windows-1252',
      bom: false,
      firstInvalidUtf8: firstInvalidUtf8(bytes),
    };
  }
}

function decodeUtf8Lenient(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** ASCII text in UTF-16 has a NUL in every other byte; text in any 8-bit encoding has none. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 1024) & ~1;
  const firstNul = bytes.indexOf(0);
  if (sample < 4 || firstNul === -1 || firstNul >= sample) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenNul++;
    if (bytes[index + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Offset of the first byte sequence that is not well-formed UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next];
      if (byte === undefined || (byte & 0xc0) !== 0x80) return index;
    }
    // The second byte's narrower ranges (Unicode table 3-7): no overlong forms, no surrogates, nothing past U+10FFFF.
    const second = bytes[index + 1]!;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) {
      return index;
    }
    index += length;
  }
  return bytes.length;
}

// Windows-1252 as a byte for each character, for undoing a wrong decode. The five
// bytes Windows-1252 leaves undefined come through decoders as U+0081 … U+009D.
const cp1252Byte = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  const char = iconv.decode(Buffer.of(byte), 'windows-1252');
  cp1252Byte.set(char === '\ufffd' ? String.fromCharCode(byte) : char, byte);
}
const continuationClass = [...cp1252Byte]
  .filter(([, byte]) => byte <= 0xbf)
  .map(([char]) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('');
// A UTF-8 lead byte read as Windows-1252 (Â…ß, à…ï, ð…ô), then as many continuation
// bytes (0x80…0xBF) read the same way as that lead byte announces.
const doubleEncoded = new RegExp(
  `[\\u00c2-\\u00df][${continuationClass}]|[\\u00e0-\\u00ef][${continuationClass}]{2}|[\\u00f0-\\u00f4][${continuationClass}]{3}`,
  'g',
);
const doubleEncodedLead = /[\u00c2-\u00f4]/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Repairs UTF-8 that was decoded as Windows-1252 and encoded again (`â€™` for `’`,
 * `Ã©` for `é`). Only sequences that form valid UTF-8 again are touched.
 * Returns the text and how many sequences were repaired.
 */
export function repairDoubleEncoding(text: string): { text: string; repaired: number } {
  // Most text has no lead character at all: one quick look spares the full pattern.
  if (!doubleEncodedLead.test(text)) return { text, repaired: 0 };
  let repaired = 0;
  const result = text.replace(doubleEncoded, (match) => {
    const bytes = Uint8Array.from(match, (char) => cp1252Byte.get(char)!);
    let decoded: string;
    try {
      decoded = strictUtf8.decode(bytes);
    } catch {
      return match;
    }
    repaired++;
    return decoded;
  });
  return { text: result, repaired };
}
