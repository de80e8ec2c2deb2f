/** A user's own measurements (training logs, tables) read into the cases `validate` and calibration use. */
export type { LogFormat, LogMeasurement, MemoryStatistic } from './types.js';
export { parseTrainingLog } from './parse-training-log.js';
export { readTableRow, type MeasuredFigures, type TableRow } from './table-row.js';
export { createMeasurementCase, logCase, tableRowCase } from './measurement-case.js';
