/** Profile text or data → a checked `CalibrationProfile`; a profile → its YAML text. */
import { stringify } from 'yaml';
import { InputError } from '../errors.js';
import { parseTextDocument } from '../scenario/document.js';
import { ONE_DOCUMENT_PARSE, inputErrorFromIssue } from '../scenario/issue.js';
import { ProfileSchema, type CalibrationProfile } from './schema.js';

/**
 * Checks profile data against the schema and against the calibration it will be applied to: the
 * structure must be the built-in one and every parameter key one of its parameters.
 * @throws InputError naming the profile field.
 */
export function parseProfile(data: unknown, structure: string, parameterKeys: readonly string[]): CalibrationProfile {
  const result = ProfileSchema.safeParse(data, ONE_DOCUMENT_PARSE);
  if (!result.success) {
    const first = result.error.issues[0];
    if (first === undefined) throw new InputError('profile', data, 'does not match the profile schema');
    throw inputErrorFromIssue(first, data, 'profile');
  }
  const profile = result.data;
  if (profile.structure !== structure) {
    throw new InputError('structure', profile.structure, `was fitted for another calibration structure; this scaleplan's is "${structure}": re-run scaleplan calibrate`);
  }
  for (const key of Object.keys(profile.parameters)) {
    if (!parameterKeys.includes(key)) throw new InputError(`parameters.${key}`, key, `is not a calibration parameter (known: ${parameterKeys.join(', ')})`);
  }
  return profile;
}

export function parseProfileText(text: string, structure: string, parameterKeys: readonly string[]): CalibrationProfile {
  return parseProfile(parseTextDocument(text, 'profile'), structure, parameterKeys);
}

/** The profile's YAML text (what `calibrate --out` writes). */
export function formatProfile(profile: CalibrationProfile): string {
  return stringify(profile, { lineWidth: 0 });
}
