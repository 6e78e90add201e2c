/** `wsdl-agents generate`: WSDL files in, an output folder of TypeScript out (or checked). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatWarning } from '../errors.js';
import { GENERATOR_NAME } from '../version.js';
import { declarationChanges, describeDeclarationChanges } from '../write/declarations.js';
import { compareOutput, isSame, writeOutput } from '../write/output.js';
import { booleanOption, numberOption, stringList, stringOption, UsageError, type CliCommand, type ParsedArguments } from './command.js';

const DEFAULT_INPUT = 'wsdl';
const DEFAULT_OUT = 'generated';
const DEFAULT_MAX_FILE_MIB = 16;
const DEFAULT_FETCH_TIMEOUT_SECONDS = 30;
/** Node.js cannot hold a larger file as one string. */
const LARGEST_FILE_MIB = 512;
/** Timers cannot wait longer (2^31 - 1 ms); a larger value would fire at once. */
const LONGEST_TIMEOUT_SECONDS = 2_147_483;

/** The options of every command that reads WSDLs: how far and how long it may go for them. */
export const LOADING_OPTIONS: CliCommand['options'] = {
  'allow-remote': {
    type: 'boolean',
    default: false,
    describe: 'Follow imports to http(s) URLs from local WSDLs, and to other hosts from remote ones',
  },
  'max-file-size': { type: 'number', default: DEFAULT_MAX_FILE_MIB, describe: `Refuse WSDL and XSD files larger than this many MiB (at most ${LARGEST_FILE_MIB})` },
  'fetch-timeout': { type: 'number', default: DEFAULT_FETCH_TIMEOUT_SECONDS, describe: 'Seconds to wait for each remote file' },
};

export function loadingArguments(args: ParsedArguments): { allowRemote: boolean; maxFileBytes: number; fetchTimeout: number } {
  const maxFileSize = numberOption(args, 'max-file-size', { above: 0, atMost: LARGEST_FILE_MIB, unit: 'MiB' }) ?? DEFAULT_MAX_FILE_MIB;
  const fetchTimeout = numberOption(args, 'fetch-timeout', { above: 0, atMost: LONGEST_TIMEOUT_SECONDS, unit: 'seconds' }) ?? DEFAULT_FETCH_TIMEOUT_SECONDS;
  return { allowRemote: booleanOption(args, 'allow-remote'), maxFileBytes: Math.round(maxFileSize * 1024 * 1024), fetchTimeout: Math.round(fetchTimeout * 1000) };
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
    out: { alias: 'o', type: 'string', default: DEFAULT_OUT, describe: 'Output folder; replaced as a whole, only when generation succeeds' },
    check: {
      type: 'boolean',
      default: false,
      describe: 'Write nothing; exit 1 and name the files when the output folder differs from what would be generated',
    },
    quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors' },
    strict: {
      type: 'boolean',
      default: false,
      describe: 'Refuse a WSDL with a fault that is otherwise worked around with a warning (an unreadable import, an undeclared type, …)',
    },
    ...LOADING_OPTIONS,
  },
  examples: [
    [`generate`, `Generate ${DEFAULT_INPUT}/ into ${DEFAULT_OUT}/`],
    [`generate Services.wsdl --out src/soap`, 'Generate one WSDL into src/soap/'],
    [`generate https://host/Agent.svc?wsdl`, `Generate a WSDL from its URL into ${DEFAULT_OUT}/`],
    [`generate --check`, `Exit 1 when ${DEFAULT_OUT}/ is out of date, as in CI`],
    [`generate vendor.wsdl --strict`, 'Refuse the WSDL at its first fault instead of working around it'],
  ],
  exitCodes: [
    { code: 0, meaning: 'generated, or already up to date' },
    { code: 1, meaning: 'bad input, or --check found differences' },
    { code: 2, meaning: 'wrong usage' },
  ],
  badInputExitCode: 1,
  run: (args) => runGenerate(generateArguments(args)),
};

interface GenerateArguments extends ReturnType<typeof loadingArguments> {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly check: boolean;
  readonly quiet: boolean;
  readonly strict: boolean;
}

function generateArguments(args: ParsedArguments): GenerateArguments {
  const out = (stringOption(args, 'out') ?? DEFAULT_OUT).replace(/[\\/]+$/, '') || '.';
  const loading = loadingArguments(args);
  const inputs = stringList(args, 'inputs');
  if (inputs.length === 0 && !existsSync(DEFAULT_INPUT)) {
    throw new UsageError(
      `no inputs given and no ${DEFAULT_INPUT}/ folder here: run \`${GENERATOR_NAME} generate <file.wsdl|folder|url> --out <dir>\``,
    );
  }
  return {
    inputs: inputs.length > 0 ? inputs : [DEFAULT_INPUT],
    out,
    check: booleanOption(args, 'check'),
    quiet: booleanOption(args, 'quiet'),
    strict: booleanOption(args, 'strict'),
    ...loading,
  };
}

async function runGenerate(args: GenerateArguments): Promise<number> {
  const say = (line: string) => {
    if (!args.quiet) process.stdout.write(`${line}\n`);
  };
  // the generator loads only when there is work: help and usage errors stay instant
  const { findInputs, generateAsync } = await import('../generate.js');
  const result = await generateAsync(findInputs(args.inputs), args);
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
      ...difference.changed.map((f) => `  changed: ${args.out}/${f}: ${describeDeclarationChanges(declarationChanges(readFileSync(path.join(args.out, f), 'utf8'), result.files.get(f)!))}`),
      ...difference.missing.map((f) => `  missing: ${args.out}/${f}`),
      ...difference.extra.map((f) => `  not generated (stale): ${args.out}/${f}`),
    ];
    process.stderr.write(`${args.out}/ differs from what ${GENERATOR_NAME} generates now:\n${lines.join('\n')}\nRun the generate command without --check to update it.\n`);
    return 1;
  }
  if (isSame(difference)) {
    say(`${totals}; ${args.out}/ is already up to date (${count(result.files.size, 'file')}).`);
    return 0;
  }
  writeOutput(args.out, result.files);
  say(`${totals}; wrote ${count(result.files.size, 'file')} to ${args.out}/.`);
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
