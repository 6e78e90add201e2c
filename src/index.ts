/** The programmatic API of wsdl-agents. */
export { WsdlError, formatWarning, type Warning } from './errors.js';
export { findInputs, generate, type GenerateResult, type WsdlInput } from './generate.js';
export { loadWsdl } from './read/load.js';
export type * from './model/model.js';
export { compareOutput, isSame, writeOutput, type OutputDifference } from './write/output.js';
