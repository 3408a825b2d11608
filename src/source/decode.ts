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

// ---------------------------------------------------------------------------
// Wire copy in the 8-bit and 7-bit sets

/** Text decoded from wire bytes, the charset chosen, and why when it is not plain UTF-8. */
export interface WireText extends DecodedText {
  /** As `DecodedText`'s, or `iso-8859-1`, `iso-8859-15` or `iso-646-de`. */
  encoding: string;
  /** Why that charset, for a diagnostic; null for UTF-8. */
  reason: string | null;
}

/** What to look for beyond UTF-8, UTF-16 and the 8-bit sets. */
export interface DecodeWireOptions {
  /**
   * Look for the German 7-bit variant of ISO 646 (DIN 66003) in 7-bit copy. Only for
   * formats whose services used it (IPTC 7901); AP's ANPA copy uses `{` for ½ instead.
   */
  nationalVariants?: boolean;
}

/**
 * Decodes wire bytes, choosing the charset they are in, for formats whose files carry
 * no declaration (IPTC 7901 allows the 7-bit ISO 646 sets, with national variants,
 * and 8-bit sets such as ISO 8859-1), so the bytes themselves must tell:
 * - a byte-order mark, UTF-16, or valid UTF-8, as `decodeText` finds them;
 * - bytes that are not UTF-8 and none in 0x80–0x9F: ISO 8859-1 (Latin-1), the 8-bit
 *   set of Western agency copy; ISO 8859-15 when 0xA4 stands by a figure (`€`, not `¤`);
 * - bytes in 0x80–0x9F, which ISO 8859 leaves to control characters: Windows-1252,
 *   whose typographic quotes and dashes sit there;
 * - 7-bit copy with `{ | } ~` inside words (`M}ller`, `Stra~e`), when asked: the German
 *   variant of ISO 646, with ä ö ü ß in their place.
 *
 * @example
 * decodeWire(Buffer.from('M\xfcller', 'latin1')); // { text: 'Müller', encoding: 'iso-8859-1', reason: 'byte 1 (0xfc) is not UTF-8; …', … }
 */
export function decodeWire(bytes: Uint8Array, options: DecodeWireOptions = {}): WireText {
  const decoded = decodeText(bytes);
  if (decoded.encoding === 'utf-8') {
    if (options.nationalVariants && !decoded.bom && isSevenBit(bytes)) {
      const german = germanVariantShare(decoded.text);
      if (german >= 3) {
        return {
          ...decoded,
          text: decodeGermanVariant(decoded.text),
          encoding: 'iso-646-de',
          reason: `7-bit copy with ${german} of \`{ | } ~\` inside words (\`M}ller\`): the German variant of ISO 646 (DIN 66003), decoded with ä ö ü ß Ä Ö Ü § in their place`,
        };
      }
    }
    return { ...decoded, reason: null };
  }
  if (decoded.encoding !== 'windows-1252') {
    return { ...decoded, reason: `decoded as ${decoded.encoding.toUpperCase()}${decoded.bom ? ' (byte-order mark)' : ''}` };
  }
  const offset = decoded.firstInvalidUtf8;
  const at = offset === null ? '' : `byte ${offset} (0x${bytes[offset]!.toString(16).padStart(2, '0')}) is not UTF-8; `;
  const c1 = firstInRange(bytes, 0x80, 0x9f);
  if (c1 !== -1) {
    const which = c1 === offset ? 'it' : `byte ${c1} (0x${bytes[c1]!.toString(16)})`;
    return { ...decoded, reason: `${at}${which} lies in 0x80–0x9F, which ISO 8859 keeps for control characters: decoded as Windows-1252` };
  }
  if (euroSign(bytes)) {
    return {
      ...decoded,
      text: iconv.decode(Buffer.from(bytes), 'iso-8859-15'),
      encoding: 'iso-8859-15',
      reason: `${at}none lies in 0x80–0x9F and 0xA4 stands by a figure (the euro sign): decoded as ISO-8859-15 (Latin-9)`,
    };
  }
  // With nothing in 0x80–0x9F, Windows-1252 and ISO 8859-1 are the same: the text decoded already is Latin-1.
  return {
    ...decoded,
    encoding: 'iso-8859-1',
    reason: `${at}none lies in 0x80–0x9F: decoded as ISO-8859-1 (Latin-1), the 8-bit set of Western European agency copy`,
  };
}

function isSevenBit(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

function firstInRange(bytes: Uint8Array, low: number, high: number): number {
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte >= low && byte <= high) return index;
  }
  return -1;
}

/** 0xA4 next to a figure, or a space and a figure: `12,50 ¤` reads as `12,50 €` in ISO 8859-15. */
function euroSign(bytes: Uint8Array): boolean {
  const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
  for (let index = bytes.indexOf(0xa4); index !== -1; index = bytes.indexOf(0xa4, index + 1)) {
    const before = bytes[index - 1] === 0x20 ? bytes[index - 2] : bytes[index - 1];
    const after = bytes[index + 1] === 0x20 ? bytes[index + 2] : bytes[index + 1];
    if (isDigit(before) || isDigit(after)) return true;
  }
  return false;
}

// DIN 66003 puts the umlauts and ß where ASCII has brackets and braces.
const germanVariant: Record<string, string> = {
  '@': '§', '[': 'Ä', '\\': 'Ö', ']': 'Ü', '{': 'ä', '|': 'ö', '}': 'ü', '~': 'ß',
};

/** How many of `{ | } ~` stand between two letters, as umlauts and ß do inside German words. */
function germanVariantShare(text: string): number {
  return text.match(/[A-Za-z][{|}~](?=[A-Za-z])/g)?.length ?? 0;
}

function decodeGermanVariant(text: string): string {
  return text.replace(/[@[\\\]{|}~]/g, (char) => germanVariant[char]!);
}

// ---------------------------------------------------------------------------
// Double-encoded UTF-8

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
