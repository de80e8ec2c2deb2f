/** Calibration profiles: a user's own runs refitted into the calibration, saved, read and applied. */
export { PROFILE_VERSION, ProfileSchema, createProfileJsonSchema, formatProfileJsonSchema, type CalibrationProfile, type ProfileParameter, type ProfileResidual } from './schema.js';
export { formatProfile, parseProfile, parseProfileText } from './parse-profile.js';
export { CLUSTER_PRIOR_SIGMA_LN, builtInBase, builtInValues, calibrationKeys, calibrationStructure, profileStepOptions, userCalibrationPrior, withCalibrationProfile, type CalibrationBase } from './built-in.js';
export { MAX_COLLINEARITY, MIN_SENSITIVITY, identifyParameters, type RefusedParameter } from './identify.js';
export { calibrateProfile, type CalibrateProfileInput, type ProfileCalibration } from './calibrate-profile.js';
