/** The programmatic API of wsdl-agents. */
export { WsdlError, formatWarning, type Warning } from './errors.js';
export {
  findInputs,
  generate,
  generateAsync,
  loadModels,
  loadModelsAsync,
  type FolderModel,
  type GenerateOptions,
  type GenerateResult,
  type WsdlInput,
} from './generate.js';
export { diff, type Change, type ChangeKind, type DiffResult } from './diff/diff.js';
export { formatJson as formatDiffJson, formatMarkdown as formatDiffMarkdown, formatText as formatDiffText } from './diff/format.js';
export { loadWsdl } from './read/load.js';
export { resolveModel } from './model/resolve.js';
export type * from './model/model.js';
export type { WsdlDocument } from './read/document.js';
export { compareOutput, isSame, writeOutput, type OutputDifference } from './write/output.js';
