/**
 * Where things are in JSON text: the offsets of an array's items and of an object's
 * properties, so that stories and body blocks can say which line of the input they
 * came from, and the line and column of a syntax error. Only ever used on text that
 * `JSON.parse` has accepted (or, for errors, has just rejected).
 */

/** Offsets of the start of each line, for turning offsets into lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }
  /** Line and column (from 1) of an offset. */
  place(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** The offset of the first character at or after `index` that is not JSON white space. */
export function skipSpace(text: string, index: number): number {
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
    index++;
  }
  return index;
}

/** The offset just past the JSON value that starts at `index` (valid JSON assumed). */
export function skipValue(text: string, index: number): number {
  const first = text[index];
  if (first === '"') return skipString(text, index);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let at = index; at < text.length; at++) {
      const char = text[at];
      if (char === '"') at = skipString(text, at) - 1;
      else if (char === '{' || char === '[') depth++;
      else if ((char === '}' || char === ']') && --depth === 0) return at + 1;
    }
    return text.length;
  }
  // A number, true, false or null: runs to the next delimiter.
  let at = index;
  while (at < text.length && !',}] \n\r\t'.includes(text[at]!)) at++;
  return at;
}

function skipString(text: string, index: number): number {
  for (let at = index + 1; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '"') return at + 1;
  }
  return text.length;
}

/** The offset where each item of the array at `index` starts. */
export function arrayItemOffsets(text: string, index: number): number[] {
  const offsets: number[] = [];
  let at = skipSpace(text, index + 1);
  if (text[at] === ']') return offsets;
  while (at < text.length) {
    offsets.push(at);
    at = skipSpace(text, skipValue(text, at));
    if (text[at] !== ',') break;
    at = skipSpace(text, at + 1);
  }
  return offsets;
}

/** The offset where the value of each property of the object at `index` starts. */
export function propertyOffsets(text: string, index: number): Map<string, number> {
  const offsets = new Map<string, number>();
  let at = skipSpace(text, index + 1);
  while (text[at] === '"') {
    const keyEnd = skipString(text, at);
    const key = JSON.parse(text.slice(at, keyEnd)) as string;
    at = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    // A repeated key: JSON.parse keeps the last, and so does this.
    offsets.set(key, at);
    at = skipSpace(text, skipValue(text, at));
    if (text[at] !== ',') break;
    at = skipSpace(text, at + 1);
  }
  return offsets;
}

/** Where JSON text first breaks the grammar, and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  reason: string;
}

/**
 * The first syntax error in JSON text (RFC 8259), or null when there is none. Run
 * after `JSON.parse` has failed: V8's messages name no position for some errors and
 * change wording between Node versions, so the place is found here, the same way
 * everywhere.
 */
export function findSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const found = () => {
    if (at >= text.length) return 'the end of the input';
    const char = text[at]!;
    if (char === '\n' || char === '\r') return 'a line break';
    return char < ' ' ? `the control character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `\`${char}\``;
  };
  const fail = (expected: string): never => {
    throw { offset: at, reason: `expected ${expected}, found ${found()}` } satisfies JsonSyntaxError;
  };
  const space = () => {
    at = skipSpace(text, at);
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const value = (depth: number): void => {
    if (depth > 5000) fail('values nested less than 5000 levels deep');
    space();
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail('a property name in double quotes');
        string();
        space();
        if (text[at] !== ':') fail("':' after a property name");
        at++;
        value(depth + 1);
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return;
        } else fail("',' or '}' after a property value");
      }
    }
    if (char === '[') {
      at++;
      space();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return;
        } else fail("',' or ']' after an array item");
      }
    }
    if (char === '"') return string();
    literal.lastIndex = at;
    const match = literal.exec(text);
    if (!match) fail('a JSON value');
    at += match![0].length;
  };
  const string = () => {
    at++;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        at++;
        return;
      }
      if (code < 0x20) fail("'\"' to close the string, or an escape (\\n, \\u0009) for a line break or control character in it");
      if (code === 0x5c) {
        const escape = text[at + 1];
        if (escape === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6)) : !'"\\/bfnrt'.includes(escape ?? 'x')) {
          at++;
          fail('a valid escape after a backslash');
        }
        at += escape === 'u' ? 6 : 2;
        continue;
      }
      at++;
    }
    fail('\'"\' to close the string');
  };
  try {
    value(0);
    space();
    if (at < text.length) fail('the end of the input after the JSON value');
    return null;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error) return error as JsonSyntaxError;
    throw error;
  }
}
