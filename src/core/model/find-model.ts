/** Look-up of catalog models by id, with a "did you mean" for typos. */
import { InputError } from '../errors.js';
import { nearest } from '../suggest.js';
import { MODELS } from './catalog.js';
import type { ModelSpec } from './types.js';

/** All catalog ids, in catalog order. */
export const MODEL_IDS: readonly string[] = Object.keys(MODELS);

/**
 * The catalog model `id`. Throws InputError('model', id, …) naming the nearest known id
 * (edit distance) and listing all ids when `id` is unknown.
 */
export function findModel(id: string): ModelSpec {
  const models: Readonly<Record<string, ModelSpec>> = MODELS;
  const model = Object.hasOwn(models, id) ? models[id] : undefined;
  if (model !== undefined) return model;
  const suggestion = nearest(id, MODEL_IDS);
  const hint = suggestion === null ? '' : `; did you mean "${suggestion}"?`;
  throw new InputError('model', id, `unknown model id${hint} known: ${MODEL_IDS.join(', ')}`);
}
