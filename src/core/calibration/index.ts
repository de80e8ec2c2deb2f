/** Public manifest of the calibration: the fit of the GEMM parameters and its cross-validation. */
export { configurationKey, fitResponses, isFittable, type CalibrationFit, type FitWeighting, type ParameterEstimate } from './fit.js';
export { createResponses, responseLnPredicted, type CaseResponse } from './response.js';
export {
  DEFAULT_CALIBRATION_SETUP, createCalibrationResponses, crossValidate, fitCalibration,
  type CalibrationSetup, type CrossValidation,
} from './cross-validate.js';
export { classKeys, errorBand, leadersWithinBand, residualClasses, residualLn, tabulateResiduals, type BandQuery, type ErrorBand, type ResidualClass } from './error-band.js';
export { FITTED_RESIDUAL_CLASSES } from './error-bands-fitted.js';
