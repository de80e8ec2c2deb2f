/**
 * Where JSON text first breaks the grammar (RFC 8259), for error messages: V8's JSON.parse
 * does not always say ("Unexpected token '}', ... is not valid JSON"). Called only after
 * JSON.parse has failed.
 */

interface Cursor {
  readonly text: string;
  at: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function skipWhitespace(cursor: Cursor): void {
  while (cursor.at < cursor.text.length && WHITESPACE.has(cursor.text.charAt(cursor.at))) cursor.at += 1;
}

function matchToken(cursor: Cursor, pattern: RegExp): boolean {
  pattern.lastIndex = cursor.at;
  const match = pattern.exec(cursor.text);
  if (match === null) return false;
  cursor.at += match[0].length;
  return true;
}

function matchWord(cursor: Cursor, word: string): boolean {
  if (!cursor.text.startsWith(word, cursor.at)) return false;
  cursor.at += word.length;
  return true;
}

/** Reads `open item (, item)* close`; `item` reads one member or element. */
function sequence(cursor: Cursor, close: string, item: (cursor: Cursor) => boolean): boolean {
  cursor.at += 1;
  skipWhitespace(cursor);
  if (cursor.text.charAt(cursor.at) === close) {
    cursor.at += 1;
    return true;
  }
  for (;;) {
    if (!item(cursor)) return false;
    skipWhitespace(cursor);
    const next = cursor.text.charAt(cursor.at);
    if (next === close) {
      cursor.at += 1;
      return true;
    }
    if (next !== ',') return false;
    cursor.at += 1;
    skipWhitespace(cursor);
  }
}

/** A string: no raw control characters (below U+0020), only the escapes JSON defines. */
function matchString(cursor: Cursor): boolean {
  const text = cursor.text;
  if (text.charAt(cursor.at) !== '"') return false;
  cursor.at += 1;
  while (cursor.at < text.length) {
    const char = text.charAt(cursor.at);
    if (char === '"') {
      cursor.at += 1;
      return true;
    }
    if (char.charCodeAt(0) < 0x20) return false;
    if (char === '\\') {
      if (!matchToken(cursor, ESCAPE)) return false;
    } else {
      cursor.at += 1;
    }
  }
  return false;
}

function member(cursor: Cursor): boolean {
  if (!matchString(cursor)) return false;
  skipWhitespace(cursor);
  if (cursor.text.charAt(cursor.at) !== ':') return false;
  cursor.at += 1;
  return value(cursor);
}

function value(cursor: Cursor): boolean {
  skipWhitespace(cursor);
  const head = cursor.text.charAt(cursor.at);
  if (head === '{') return sequence(cursor, '}', member);
  if (head === '[') return sequence(cursor, ']', value);
  if (head === '"') return matchString(cursor);
  if (head === 't') return matchWord(cursor, 'true');
  if (head === 'f') return matchWord(cursor, 'false');
  if (head === 'n') return matchWord(cursor, 'null');
  return matchToken(cursor, NUMBER);
}

/** 0-based offset of the first syntax error in `text` (text.length if it ends too early). */
export function jsonErrorOffset(text: string): number {
  const cursor: Cursor = { text, at: 0 };
  if (value(cursor)) {
    skipWhitespace(cursor);
  }
  return Math.min(cursor.at, text.length);
}
