/**
 * Character sets of agency copy that says nothing about its own. IPTC 7901 allows the
 * 7-bit ISO 646 sets (with national variants) and 8-bit sets such as ISO 8859-1; its
 * files carry no declaration, so the bytes themselves must tell.
 */
import iconv from 'iconv-lite';
import { decodeText } from '../../source/decode.js';

/** Text decoded from wire bytes, the charset chosen, and why when it is not plain UTF-8. */
export interface WireText {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be`, `iso-8859-1`, `iso-8859-15`, `windows-1252` or `iso-646-de`. */
  encoding: string;
  /** Why that charset, for a diagnostic; null for UTF-8. */
  reason: string | null;
  /** Byte offset that decided it (the first byte that is not UTF-8), when one did. */
  offset: number | null;
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
 * Decodes wire bytes, choosing the charset they are in:
 * - a byte-order mark, UTF-16, or valid UTF-8, as `decodeText` finds them;
 * - bytes that are not UTF-8 and none in 0x80–0x9F: ISO 8859-1 (Latin-1), the 8-bit
 *   set of Western agency copy; ISO 8859-15 when 0xA4 stands by a figure (`€`, not `¤`);
 * - bytes in 0x80–0x9F, which ISO 8859 leaves to control characters: Windows-1252,
 *   whose typographic quotes and dashes sit there;
 * - 7-bit copy with `{ | } ~` inside words (`M}ller`, `Stra~e`), when asked: the German
 *   variant of ISO 646, with ä ö ü ß in their place.
 *
 * @example
 * decodeWire(Buffer.from('M\xfcller', 'latin1')); // { text: 'Müller', encoding: 'iso-8859-1', … }
 */
export function decodeWire(bytes: Uint8Array, options: DecodeWireOptions = {}): WireText {
  const decoded = decodeText(bytes);
  if (decoded.encoding === 'utf-8') {
    if (options.nationalVariants && !decoded.bom && isSevenBit(bytes)) {
      const german = germanVariantShare(decoded.text);
      if (german >= 3) {
        return {
          text: decodeGermanVariant(decoded.text),
          encoding: 'iso-646-de',
          reason: `7-bit copy with ${german} of \`{ | } ~\` inside words (\`M}ller\`): the German variant of ISO 646 (DIN 66003), decoded with ä ö ü ß Ä Ö Ü § in their place`,
          offset: null,
        };
      }
    }
    return { text: decoded.text, encoding: 'utf-8', reason: null, offset: null };
  }
  if (decoded.encoding !== 'windows-1252') {
    return {
      text: decoded.text,
      encoding: decoded.encoding,
      reason: `decoded as ${decoded.encoding.toUpperCase()}${decoded.bom ? ' (byte-order mark)' : ''}`,
      offset: null,
    };
  }
  const offset = decoded.firstInvalidUtf8;
  const at = offset === null ? '' : `byte ${offset} (0x${bytes[offset]!.toString(16).padStart(2, '0')}) is not UTF-8; `;
  const c1 = firstInRange(bytes, 0x80, 0x9f);
  if (c1 !== -1) {
    const which = c1 === offset ? 'it' : `byte ${c1} (0x${bytes[c1]!.toString(16)})`;
    return {
      text: decoded.text,
      encoding: 'windows-1252',
      reason: `${at}${which} lies in 0x80–0x9F, which ISO 8859 keeps for control characters: decoded as Windows-1252`,
      offset,
    };
  }
  if (euroSign(bytes)) {
    return {
      text: iconv.decode(Buffer.from(bytes), 'iso-8859-15'),
      encoding: 'iso-8859-15',
      reason: `${at}none lies in 0x80–0x9F and 0xA4 stands by a figure (the euro sign): decoded as ISO-8859-15 (Latin-9)`,
      offset,
    };
  }
  return {
    text: iconv.decode(Buffer.from(bytes), 'iso-8859-1'),
    encoding: 'iso-8859-1',
    reason: `${at}none lies in 0x80–0x9F: decoded as ISO-8859-1 (Latin-1), the 8-bit set of Western European agency copy`,
    offset,
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
