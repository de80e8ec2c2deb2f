/**
 * The scenario as text: the `#scenario=<base64url of the YAML>` URL form, and edits of single
 * fields that keep the rest of the YAML (comments included) as the user wrote it.
 */
import { parseDocument, stringify } from 'yaml';

/** base64url (RFC 4648 §5, no padding) of the UTF-8 text. */
export function encodeBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of a base64url string, or null when it is not valid base64url of UTF-8. */
export function decodeBase64Url(encoded: string): string | null {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const HASH_KEY = 'scenario=';

/** The scenario text in a location hash (`#scenario=…`), or null. */
export function scenarioFromHash(hash: string): string | null {
  const params = hash.replace(/^#/, '').split('&');
  const entry = params.find((p) => p.startsWith(HASH_KEY));
  return entry === undefined ? null : decodeBase64Url(entry.slice(HASH_KEY.length));
}

export function hashOfScenario(text: string): string {
  return `#${HASH_KEY}${encodeBase64Url(text)}`;
}

/**
 * The values at `paths`, as the editor shows them: '' when absent, `null` when present but not a
 * scalar (an inline spec or a list); all null when the text is not valid YAML.
 */
export function readFields(text: string, paths: readonly (readonly string[])[]): (string | null)[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return paths.map(() => null);
  return paths.map((path) => {
    const value: unknown = doc.getIn(path);
    if (value === undefined || value === null) return '';
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
  });
}

/** Turns editor input into a YAML value: numbers and booleans typed, `auto` and ids as strings. */
function typed(value: string): string | number | boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * The text with the field at `path` set (or removed when `value` is ''), or null when the text
 * is not a YAML mapping the editor can change.
 */
export function writeField(text: string, path: readonly string[], value: string): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  try {
    if (value === '') doc.deleteIn(path);
    else doc.setIn(path, typed(value));
  } catch {
    return null;
  }
  return doc.toString();
}

/** Several fields at once (a layout chosen on the Pareto chart). */
export function writeFields(text: string, fields: readonly (readonly [readonly string[], string])[]): string | null {
  let out: string | null = text;
  for (const [path, value] of fields) {
    if (out === null) return null;
    out = writeField(out, path, value);
  }
  return out;
}

/** The scenario as JSON text, or null when the YAML does not parse. */
export function toJsonText(text: string): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  return `${JSON.stringify(doc.toJS(), null, 2)}\n`;
}

/** JSON text turned into YAML for the editor (a JSON file opened); YAML text is kept as is. */
export function toEditorText(text: string): string {
  if (!text.trimStart().startsWith('{')) return text;
  try {
    return stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
