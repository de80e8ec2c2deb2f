/**
 * YAML / JSON text → plain data, with the line and column of a syntax error. `field` names the
 * document in the InputError ("scenario", "runs").
 */
import { parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { jsonErrorOffset } from './json-offset.js';

export type TextFormat = 'yaml' | 'json';

/** The line of `text` at 1-based `line`, trimmed and cut to 60 characters, as the error's value. */
function snippet(text: string, line: number): string {
  const content = (text.split(/\r?\n/)[line - 1] ?? '').trim();
  return content.length > 60 ? `${content.slice(0, 57)}...` : content;
}

/** 1-based line and column of a 0-based character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r?\n/);
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/** JSON text → data; a syntax error names its line and column. */
export function parseJsonText(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = lineColumn(text, jsonErrorOffset(text));
    // V8 quotes the whole text after a comma ("Unexpected token '}', \"...\" is not valid JSON").
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '');
    throw new InputError(field, snippet(text, where.line), `malformed JSON at line ${where.line}, column ${where.column}: ${reason}`);
  }
}

/** YAML text → data; duplicate keys are errors; aliases are capped (no "billion laughs"). */
export function parseYamlText(text: string, field: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const position = error.linePos?.[0] ?? { line: 1, col: 1 };
    const reason = error.message.split('\n')[0] ?? error.code;
    throw new InputError(field, snippet(text, position.line), `malformed YAML at line ${position.line}, column ${position.col}: ${reason}`);
  }
  return document.toJS({ maxAliasCount: 100 });
}

/** A document starting with `{` or `[` (after whitespace) is JSON; anything else is YAML. */
export function detectFormat(text: string): TextFormat {
  const start = text.trimStart();
  return start.startsWith('{') || start.startsWith('[') ? 'json' : 'yaml';
}

/** YAML or JSON text → data; `formatHint` forces the format. */
export function parseTextDocument(text: string, field: string, formatHint?: TextFormat): unknown {
  const format = formatHint ?? detectFormat(text);
  return format === 'json' ? parseJsonText(text, field) : parseYamlText(text, field);
}
