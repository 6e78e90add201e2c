/** The programmatic API: WSDL files and folders in, generated files (in memory) out. */
import path from 'node:path';
import { WsdlError, type Warning } from './errors.js';
import { emitFolders, type FolderPlan } from './emit/emit.js';
import { qnameKey, type CatalogSchemaUse, type ServiceModel } from './model/model.js';
import { resolveModel } from './model/resolve.js';
import { planGroup, type CodeOptions } from './plan/index.js';
import type { WsdlDocument } from './read/document.js';
import type { WsdlInput } from './inputs.js';
import { CATALOG_DIR } from './read/catalog.js';
import { loadWsdl, RemoteFileNeeded } from './read/load.js';
import { loadWsdlWithRemote, type RemoteOptions } from './read/load-remote.js';

export { findInputs, type WsdlInput } from './inputs.js';


export type { CodeOptions };

export interface GenerateOptions extends RemoteOptions, CodeOptions {
  /**
   * Refuse a WSDL with any fault the generator can work around (a missing import, a part naming
   * an undeclared element, …) instead of generating with a warning for each. Default false.
   */
  readonly strict?: boolean;
}

/** The resolved model of one output folder. */
export interface FolderModel {
  /** The output sub-folder, posix ('' for the output root). */
  readonly dir: string;
  readonly model: ServiceModel;
}

export interface GenerateResult {
  /** Output path (posix, relative to the output root) → content. */
  readonly files: Map<string, string>;
  /** What was worked around or approximated, in the user's files (not in the catalog's schemas). */
  readonly warnings: readonly Warning[];
  /** Per WSDL, for progress output: its agents, their operations, and the TypeScript types of its schemas. */
  readonly summary: readonly { readonly source: string; readonly agents: number; readonly operations: number; readonly types: number }[];
  /** TypeScript types generated in all (a type several WSDLs share counts once). */
  readonly typeCount: number;
  /** The schemas read from the catalog of well-known schemas, each once, in the order first read. */
  readonly catalogSchemas: readonly CatalogSchemaUse[];
  readonly models: readonly FolderModel[];
  readonly plans: readonly FolderPlan[];
}

/** Reads local WSDL files and resolves each output folder's model. Throws WsdlError for bad input. */
export function loadModels(inputs: readonly WsdlInput[], options: GenerateOptions = {}): FolderModel[] {
  const documents = inputs.map((input) => {
    try {
      return loadWsdl(input.file, options);
    } catch (error) {
      if (error instanceof RemoteFileNeeded) throw new WsdlError(`${error.url} is remote; it is read by loadModelsAsync`);
      throw error;
    }
  });
  return resolveFolders(inputs, documents, options);
}

/** Like loadModels, fetching URLs given as inputs and, when allowed, remote imports. */
export async function loadModelsAsync(inputs: readonly WsdlInput[], options: GenerateOptions = {}): Promise<FolderModel[]> {
  const documents: WsdlDocument[] = [];
  for (const input of inputs) documents.push(await loadWsdlWithRemote(input.file, options));
  return resolveFolders(inputs, documents, options);
}

/**
 * Reads, resolves, plans and emits; throws WsdlError for bad input. Writes nothing. Local files
 * only: use generateAsync for URLs and remote imports.
 */
export function generate(inputs: readonly WsdlInput[], options: GenerateOptions = {}): GenerateResult {
  return emitModels(loadModels(inputs, options), options);
}

/** Like generate, fetching URLs given as inputs and, when allowed, remote imports. */
export async function generateAsync(inputs: readonly WsdlInput[], options: GenerateOptions = {}): Promise<GenerateResult> {
  return emitModels(await loadModelsAsync(inputs, options), options);
}

/** WSDLs of one output folder are resolved together, so the types they share are one. */
function resolveFolders(inputs: readonly WsdlInput[], documents: readonly WsdlDocument[], options: GenerateOptions): FolderModel[] {
  const sourceNames = new Map<string, string>();
  const folders = new Map<string, WsdlDocument[]>();
  inputs.forEach((input, index) => {
    const document = documents[index]!;
    sourceNames.set(document.file, input.sourceName);
    const folder = folders.get(input.group) ?? [];
    folder.push(document);
    folders.set(input.group, folder);
  });
  const sourceName = (file: string) => sourceNames.get(file) ?? path.basename(file);
  return [...folders.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dir, folderDocuments]) => ({ dir, model: resolveModel(folderDocuments, { sourceName, strict: options.strict ?? false }) }));
}

function emitModels(models: readonly FolderModel[], options: CodeOptions): GenerateResult {
  const plans = models.map(({ dir, model }) => ({ dir, plan: planGroup(model, options) }));
  const summary = models.flatMap(({ model }, index) => {
    const plan = plans[index]!.plan;
    return model.sources.map((source) => {
      const agents = plan.agents.filter((agent) => agent.source === source.name);
      // the types its files declare, named or inside a declaration (a shared type counts for each WSDL)
      const declares = new Set(source.declares);
      const declared = new Set(
        model.types.filter((def) => declares.has(def.name ? qnameKey(def.name) : qnameKey(def.anonymous!.owner.name))).map((def) => def.id),
      );
      return {
        source: source.name,
        agents: agents.length,
        operations: agents.reduce((sum, agent) => sum + agent.operations.length, 0),
        types: plan.types.filter((type) => declared.has(type.id)).length,
      };
    });
  });
  return {
    files: emitFolders(plans),
    // what the catalog's own schemas approximate is the same for everyone and no one's to fix
    warnings: plans.flatMap(({ plan }) => plan.warnings).filter((warning) => !warning.loc?.file.startsWith(CATALOG_DIR)),
    summary,
    typeCount: plans.reduce((sum, { plan }) => sum + plan.types.length, 0),
    catalogSchemas: [
      ...new Map(models.flatMap(({ model }) => model.sources.flatMap((source) => source.catalogSchemas)).map((used) => [used.file, used])).values(),
    ],
    models,
    plans,
  };
}
