/** Public API of the scenario format: parse text or data into a resolved Scenario. */
export type { Choice, LayoutSpec, Scenario, ScenarioCalibration } from './types.js';
export { parseScenario, parseScenarioInput, parseScenarioText, type TextFormat } from './parse.js';
export { resolveLayoutSpec, resolveScenario } from './resolve.js';
export { resolveAccelerator, resolveCluster } from './resolve-cluster.js';
export { resolveModel } from './resolve-model.js';
export { ScenarioInputSchema, TrainingInputSchema, type ScenarioInput, type TrainingInput } from './schema.js';
export { LayoutInputSchema, type LayoutInput } from './layout-schema.js';
export { ModelInputSchema, type ModelInput } from './model-schema.js';
export { AcceleratorInputSchema, ClusterInputSchema, type AcceleratorInput, type ClusterInput } from './cluster-schema.js';
export { LIMITS } from './schema-parts.js';
export { parseQuantity } from './quantity.js';
export { createScenarioJsonSchema, formatScenarioJsonSchema } from './json-schema.js';
export { parseTextDocument } from './document.js';
