/**
 * YAML / JSON text → plain data, with the line and column of a syntax error. `field` names the
 * document in the InputError ("scenario", "runs"). Hostile documents (alias bombs, deep nesting)
 * are refused as bad input, never crash the parser's callers.
 */
import { parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { jsonErrorOffset } from './json-offset.js';

export type TextFormat = 'yaml' | 'json';

/**
 * Deepest nesting of objects and lists a document may have. A scenario nests 4 levels; 64 leaves
 * room for any hand-written file and keeps every recursive walk (schema, error echo) far from
 * the stack limit.
 */
export const MAX_NESTING_DEPTH = 64;

/** Alias expansions a YAML document may make ("billion laughs" guard; a scenario needs none). */
const MAX_YAML_ALIASES = 100;

/** The line of `text` at 1-based `line`, trimmed, as the error's value (InputError cuts it). */
function lineAt(text: string, line: number): string {
  return (text.split(/\r?\n/)[line - 1] ?? '').trim();
}

/** 1-based line and column of a 0-based character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset)).split(/\r?\n/);
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/**
 * The YAML parser reports an unclosed collection where the text ends: point at the last line with
 * content before a blank position instead, the line the user has to fix.
 */
function contentLine(text: string, where: { line: number; column: number }): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  let line = where.line;
  while (line > 1 && (lines[line - 1] ?? '').trim() === '') line -= 1;
  return line === where.line ? where : { line, column: (lines[line - 1] ?? '').length + 1 };
}

/** Depth of the deepest object or list in `data` (a scalar is 0), walked without recursion. */
export function nestingDepth(data: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[data, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [value, depth] = top;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a document nested deeper than MAX_NESTING_DEPTH. */
function checkDepth(data: unknown, field: string): unknown {
  const depth = nestingDepth(data, MAX_NESTING_DEPTH);
  if (depth > MAX_NESTING_DEPTH) {
    throw new InputError(field, `(nested more than ${MAX_NESTING_DEPTH} levels)`, `nests objects or lists more than ${MAX_NESTING_DEPTH} levels deep; a scenario needs 4`);
  }
  return data;
}

/** JSON text → data; a syntax error names its line and column. */
export function parseJsonText(text: string, field: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = lineColumn(text, jsonErrorOffset(text));
    // V8 quotes the whole text after a comma ("Unexpected token '}', \"...\" is not valid JSON").
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*$/s, '');
    throw new InputError(field, lineAt(text, where.line), `malformed JSON at line ${where.line}, column ${where.column}: ${reason}`);
  }
  return checkDepth(data, field);
}

/** YAML text → data; duplicate keys are errors; aliases are capped (no "billion laughs"). */
export function parseYamlText(text: string, field: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const where = contentLine(text, lineColumn(text, error.pos[0]));
    const reason = error.message.split('\n')[0] ?? error.code;
    throw new InputError(field, lineAt(text, where.line), `malformed YAML at line ${where.line}, column ${where.column}: ${reason}`);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (failure) {
    // The yaml package throws a ReferenceError for "Excessive alias count" and for an alias
    // that points at nothing; both are properties of the text, not bugs.
    const reason = failure instanceof Error ? failure.message : String(failure);
    throw new InputError(field, '(YAML aliases)', `aliases expand too far or cannot be resolved (${reason}); write the values out`);
  }
  return checkDepth(data, field);
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
