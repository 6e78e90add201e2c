/** `wsdl-agents generate`: WSDL files in, an output folder of TypeScript out (or checked). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOP_LEVEL_KEYS } from '../config/keys.js';
import { formatWarning } from '../errors.js';
import type { GenerateOptions } from '../generate.js';
import { findInputs } from '../inputs.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';
import { declarationChanges, describeDeclarationChanges } from '../write/declarations.js';
import { stampOutput, writtenByThisGenerator } from '../write/fingerprint.js';
import { isUpToDate, MANIFEST_FILE, manifestText } from '../write/manifest.js';
import { compareOutput, isSame, writeOutput } from '../write/output.js';
import { booleanOption, stringList, UsageError, type CliCommand, type ParsedArguments } from './command.js';
import { CONFIG_OPTION, codeOptionFlags, configPathFor, configurationFor, flagValues, mergeSettings, settingOptions, type Settings } from './settings.js';
import { count } from './words.js';

const [DEFAULT_INPUT] = TOP_LEVEL_KEYS.inputs.default;
const DEFAULT_OUT = TOP_LEVEL_KEYS.out.default;

/** The options of every command that reads WSDLs: how far and how long it may go for them. */
export const LOADING_OPTIONS: CliCommand['options'] = settingOptions(['allowRemote', 'maxFileSize', 'fetchTimeout']);

export function loadingArguments(args: ParsedArguments): { allowRemote: boolean; maxFileBytes: number; fetchTimeout: number } {
  const { allowRemote, maxFileBytes, fetchTimeout } = mergeSettings([], flagValues(args), undefined);
  return { allowRemote, maxFileBytes, fetchTimeout };
}

export const generateCommand: CliCommand = {
  name: 'generate',
  positionals: '[inputs..]',
  positionalOptions: {
    inputs: {
      describe: `WSDL files, http(s) URLs of WSDLs, or folders searched for *.wsdl (sub-folders are kept in the output). Default: ${DEFAULT_INPUT}/ when it exists`,
      type: 'string',
      array: true,
    },
  },
  summary: 'Generate typed TypeScript agents from WSDL files (the default command)',
  options: {
    ...settingOptions(['out']),
    check: {
      type: 'boolean',
      default: false,
      describe: 'Write nothing; exit 1 and name the files when the output folder differs from what would be generated',
    },
    watch: {
      type: 'boolean',
      default: false,
      describe: 'Generate, then again whenever a WSDL, a file it imports or the configuration changes, until Ctrl-C',
    },
    ...CONFIG_OPTION,
    ...settingOptions(['quiet', 'allowRemote', 'maxFileSize', 'fetchTimeout', 'strict']),
    ...codeOptionFlags(),
  },
  examples: [
    [`generate`, `Generate ${DEFAULT_INPUT}/ into ${DEFAULT_OUT}/`],
    [`generate Services.wsdl --out src/soap`, 'Generate one WSDL into src/soap/'],
    [`generate https://host/Agent.svc?wsdl`, `Generate a WSDL from its URL into ${DEFAULT_OUT}/`],
    [`generate --check`, `Exit 1 when ${DEFAULT_OUT}/ is out of date, as in CI`],
    [`generate --watch`, 'Generate again on every change'],
    [`generate vendor.wsdl --strict`, 'Refuse the WSDL at its first fault instead of working around it'],
  ],
  exitCodes: [
    { code: 0, meaning: 'generated, or already up to date' },
    { code: 1, meaning: 'bad input, or --check found differences' },
    { code: 2, meaning: 'wrong usage' },
  ],
  badInputExitCode: 1,
  run: (args) => {
    if (!booleanOption(args, 'watch')) return runGenerate(generateArguments(args));
    if (booleanOption(args, 'check')) throw new UsageError('--watch and --check cannot be given together');
    flagValues(args); // wrong flags end the command at once; a wrong configuration is reported and watched
    return import('./watch.js').then(({ watchGenerate }) => watchGenerate(() => generateArguments(args), configPathFor(args), runGenerate));
  },
};

export interface GenerateArguments extends Settings {
  readonly check: boolean;
}

/** The flags, over the configuration (read anew each time), over the defaults. */
function generateArguments(args: ParsedArguments): GenerateArguments {
  const settings = mergeSettings(stringList(args, 'inputs'), flagValues(args), configurationFor(args));
  if (settings.inputs.length === 0 && !existsSync(DEFAULT_INPUT)) {
    throw new UsageError(
      `no inputs given and no ${DEFAULT_INPUT}/ folder here: run \`${GENERATOR_NAME} generate <file.wsdl|folder|url> --out <dir>\``,
    );
  }
  return { ...settings, inputs: settings.inputs.length > 0 ? settings.inputs : [DEFAULT_INPUT], check: booleanOption(args, 'check') };
}

/** Generates once; `extra` options are for --watch, which records the files read. */
async function runGenerate(args: GenerateArguments, extra: GenerateOptions = {}): Promise<number> {
  const say = (line: string) => {
    if (!args.quiet) process.stdout.write(`${line}\n`);
  };
  const wsdls = findInputs(args.inputs).map((input) => input.file);
  const subject = { generator: `${GENERATOR_NAME} ${GENERATOR_VERSION}`, options: { ...args.codeOptions, strict: args.strict, allowRemote: args.allowRemote }, wsdls };
  // nothing changed since this generator wrote the output: it is what would be written again
  // (--check always compares in full: it is what CI trusts)
  if (!args.check && isUpToDate(args.out, subject) && writtenByThisGenerator(args.out)) {
    say(`${args.out}/ is up to date: no input, option or output file changed since it was generated.`);
    return 0;
  }
  // the generator loads only when there is work: help, usage errors and up-to-date runs stay instant
  const { generateAsync } = await import('../generate.js');
  const options: GenerateOptions = {
    allowRemote: args.allowRemote,
    maxFileBytes: args.maxFileBytes,
    fetchTimeout: args.fetchTimeout,
    strict: args.strict,
    ...args.codeOptions,
    ...extra,
  };
  const generated = await generateAsync(findInputs(args.inputs), options);
  const files = new Map(generated.files);
  // the catalog's schemas are the generator's own, in its fingerprint, not inputs of the project
  const { CATALOG_DIR } = await import('../read/catalog.js');
  const read = generated.models.flatMap(({ model }) => model.sources.flatMap((source) => source.files)).filter((file) => !path.resolve(file).startsWith(CATALOG_DIR));
  files.set(MANIFEST_FILE, manifestText(args.out, { ...subject, inputs: read }, files));
  const result = { ...generated, files };
  for (const warning of result.warnings) if (!args.quiet) process.stderr.write(`${formatWarning(warning)}\n`);
  for (const { file, publisher, version, namespace } of result.catalogSchemas) say(`using ${file} (${publisher}, ${version}) for ${namespace}`);
  for (const { source, agents, operations, types } of result.summary) {
    say(`${source}: ${count(agents, 'agent')}, ${count(operations, 'operation')}, ${count(types, 'type')}`);
  }
  // a type several WSDLs share is on each one's line, and once in the total
  const shared = result.summary.reduce((n, s) => n + s.types, 0) !== result.typeCount ? ' (shared ones once)' : '';
  const totals =
    `${count(result.summary.length, 'WSDL file')}: ${count(result.summary.reduce((n, s) => n + s.agents, 0), 'agent')}, ` +
    `${count(result.summary.reduce((n, s) => n + s.operations, 0), 'operation')}, ${count(result.typeCount, 'type')}${shared}` +
    (result.warnings.length > 0 ? `, ${count(result.warnings.length, 'warning')}` : '');

  const difference = compareOutput(args.out, result.files);
  if (args.check) {
    if (isSame(difference)) {
      say(`${totals}; ${args.out}/ is up to date.`);
      return 0;
    }
    const lines = [
      ...difference.changed.map((f) => `  changed: ${args.out}/${f}: ${f === MANIFEST_FILE ? 'an input, an option or the generator changed since it was written' : describeDeclarationChanges(declarationChanges(readFileSync(path.join(args.out, f), 'utf8'), result.files.get(f)!))}`),
      ...difference.missing.map((f) => `  missing: ${args.out}/${f}`),
      ...difference.extra.map((f) => `  not generated (stale): ${args.out}/${f}`),
    ];
    process.stderr.write(`${args.out}/ differs from what ${GENERATOR_NAME} generates now:\n${lines.join('\n')}\nRun the generate command without --check to update it.\n`);
    return 1;
  }
  if (isSame(difference)) {
    stampOutput(args.out);
    say(`${totals}; ${args.out}/ is already up to date (${count(result.files.size, 'file')}).`);
    return 0;
  }
  writeOutput(args.out, result.files);
  stampOutput(args.out);
  say(`${totals}; wrote ${count(result.files.size, 'file')} to ${args.out}/.`);
  return 0;
}
