/**
 * The calibration profile file (`scaleplan calibrate --out profile.yaml`), as a zod schema. A
 * profile is what a user's own measurements taught the model: the fitted values of the calibration
 * parameters (each with its uncertainty and the built-in value it moved from), the runs it was
 * fitted on with their residuals before and after, and its leave-one-out error. Versioned by
 * `scaleplanProfile`; `schema/profile.schema.json` is generated from this (`npm run schema`).
 */
import * as z from 'zod';
import { strictObject } from '../scenario/schema-parts.js';

export const PROFILE_VERSION = 1;

const finite = z.number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a number') }).finite('must be a finite number');
const positive = finite.positive('must be positive');
const count = z.number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a whole number') }).int('must be a whole number').nonnegative('must be ≥ 0');

export const ProfileParameterSchema = strictObject(
  {
    value: positive.describe('Fitted value.'),
    builtIn: positive.describe('The built-in value the fit started from (its prior).'),
    sigmaLn: finite.nonnegative('must be ≥ 0').nullable().describe('Uncertainty of ln(value) (≈ relative uncertainty); null: not computed.'),
    runs: count.describe('Runs whose predictions depend on this parameter.'),
  },
  'One fitted calibration parameter.',
);

export const ProfileResidualSchema = strictObject(
  {
    id: z.string().describe('Run id.'),
    metric: z.enum(['tokensPerSecPerGpu', 'stepTimeS', 'mfu']).describe('The figure compared.'),
    measured: positive.describe('As measured.'),
    beforePct: finite.describe('Signed error of the built-in calibration [%].'),
    afterPct: finite.describe('Signed error with this profile [%].'),
  },
  'A run of the profile: its error before and after the fit.',
);

export const ProfileSchema = strictObject(
  {
    scaleplanProfile: z.literal(PROFILE_VERSION, { error: () => `must be ${PROFILE_VERSION} (the profile format this scaleplan reads)` }).describe('Profile format version.'),
    name: z.string().min(1, 'must not be empty').describe('Name shown where the profile is in force.'),
    structure: z.string().describe('The calibration structure the parameters belong to; a profile of another structure is refused.'),
    fittedOn: strictObject(
      {
        inputs: z.array(z.string()).describe('The files the measurements came from.'),
        runs: count.describe('Runs fitted on.'),
        configurations: count.describe('Distinct configurations among them.'),
      },
      'What the profile was fitted on.',
    ),
    parameters: z.record(z.string(), ProfileParameterSchema).describe('Fitted parameters by key; every other parameter keeps its built-in value.'),
    residuals: z.array(ProfileResidualSchema).describe('Every fitted run with its error before and after.'),
    leaveOneOutMeanAbsPct: finite.nonnegative('must be ≥ 0').nullable().describe('Mean |error| of each run predicted by a fit without it [%]; null with fewer than 2 runs.'),
  },
  'A scaleplan calibration profile.',
);

export type CalibrationProfile = z.infer<typeof ProfileSchema>;
export type ProfileParameter = z.infer<typeof ProfileParameterSchema>;
export type ProfileResidual = z.infer<typeof ProfileResidualSchema>;

/** JSON Schema of the profile file (draft 2020-12). */
export function createProfileJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(ProfileSchema, { io: 'input', target: 'draft-2020-12' }), title: 'scaleplan calibration profile' };
}

export function formatProfileJsonSchema(): string {
  return `${JSON.stringify(createProfileJsonSchema(), null, 2)}\n`;
}
