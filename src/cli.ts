#!/usr/bin/env node
/** The command line: parses options, calls the API, prints, sets the exit code. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { WsdlError, formatWarning } from './errors.js';
import { diff } from './diff/diff.js';
import { formatJson, formatMarkdown, formatText } from './diff/format.js';
import { findInputs, generateAsync, loadModelsAsync, type GenerateOptions } from './generate.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from './version.js';
import { compareOutput, isSame, writeOutput } from './write/output.js';

const DEFAULT_INPUT = 'wsdl';
const DEFAULT_OUT = 'generated';

interface GenerateArguments {
  inputs: string[];
  out: string;
  check: boolean;
  quiet: boolean;
  allowRemote: boolean;
  maxFileSize: number;
  fetchTimeout: number;
}

async function runGenerate(args: GenerateArguments): Promise<number> {
  const say = (line: string) => {
    if (!args.quiet) process.stdout.write(`${line}\n`);
  };
  const inputs = findInputs(args.inputs.length > 0 ? args.inputs : [DEFAULT_INPUT]);
  const result = await generateAsync(inputs, {
    allowRemote: args.allowRemote,
    maxFileBytes: Math.round(args.maxFileSize * 1024 * 1024),
    fetchTimeout: Math.round(args.fetchTimeout * 1000),
  });
  for (const warning of result.warnings) if (!args.quiet) process.stderr.write(`${formatWarning(warning)}\n`);
  for (const { source, agents, operations, types } of result.summary) {
    say(`${source}: ${count(agents, 'agent')}, ${count(operations, 'operation')}, ${count(types, 'type')}`);
  }
  const totals =
    `${count(result.summary.length, 'WSDL file')}: ${count(result.summary.reduce((n, s) => n + s.agents, 0), 'agent')}, ` +
    `${count(result.summary.reduce((n, s) => n + s.operations, 0), 'operation')}, ${count(result.typeCount, 'type')}` +
    (result.warnings.length > 0 ? `, ${count(result.warnings.length, 'warning')}` : '');

  const difference = compareOutput(args.out, result.files);
  if (args.check) {
    if (isSame(difference)) {
      say(`${totals}; ${args.out}/ is up to date.`);
      return 0;
    }
    const lines = [
      ...difference.changed.map((f) => `  changed: ${args.out}/${f}`),
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

interface DiffArguments extends GenerateOptions {
  old: string;
  new: string;
  format: 'text' | 'json' | 'markdown';
}

/** 0: nothing breaking; 1: something breaking; 2: bad input (as WsdlError, printed by main). */
async function runDiff(args: DiffArguments): Promise<number> {
  const load = async (input: string) => {
    try {
      return await loadModelsAsync(findInputs([input]), args);
    } catch (error) {
      throw error instanceof WsdlError ? new BadDiffInput(error.message) : error;
    }
  };
  const result = diff(await load(args.old), await load(args.new));
  const format = args.format === 'json' ? formatJson : args.format === 'markdown' ? formatMarkdown : formatText;
  process.stdout.write(format(result));
  return result.changes.some((change) => change.breaking) ? 1 : 0;
}

/** Bad input to `diff`, which exits with 2 (its 1 means "breaking changes"). */
class BadDiffInput extends Error {}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Wrong command-line usage (exit code 2), as opposed to bad input (exit code 1). */
class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName(GENERATOR_NAME)
    .version(GENERATOR_VERSION)
    .strict()
    .command(
      ['generate [inputs..]', '$0 [inputs..]'],
      'Generate typed TypeScript agents from WSDL files',
      (command) =>
        command
          .positional('inputs', {
            describe: `WSDL files or http(s) URLs, or folders searched for *.wsdl (sub-folders are kept in the output). Default: ${DEFAULT_INPUT}/`,
            type: 'string',
            array: true,
          })
          .option('out', {
            alias: 'o',
            describe: 'Output folder; replaced as a whole, only when generation succeeds',
            type: 'string',
            default: DEFAULT_OUT,
          })
          .option('check', {
            describe: 'Write nothing; exit 1 and name the files when the output folder differs from what would be generated',
            type: 'boolean',
            default: false,
          })
          .option('quiet', {
            alias: 'q',
            describe: 'Print only errors',
            type: 'boolean',
            default: false,
          })
          .option('allow-remote', {
            describe: 'Follow imports to http(s) URLs from local WSDLs, and to other hosts from remote ones',
            type: 'boolean',
            default: false,
          })
          .option('max-file-size', {
            describe: 'Refuse WSDL and XSD files larger than this many MiB',
            type: 'number',
            default: 16,
          })
          .option('fetch-timeout', {
            describe: 'Seconds to wait for each remote file',
            type: 'number',
            default: 30,
          })
          .example('$0 generate', `Generate ${DEFAULT_INPUT}/ into ${DEFAULT_OUT}/`)
          .example('$0 generate Services.wsdl --out src/soap', 'Generate one WSDL into src/soap/')
          .example('$0 generate --check', `Fail (exit 1) when ${DEFAULT_OUT}/ is out of date, as in CI`),
      async (args) => {
        if (!(args.maxFileSize > 0) || !(args.fetchTimeout > 0)) throw new UsageError('--max-file-size and --fetch-timeout must be positive numbers');
        exitCode = await runGenerate({
          inputs: (args.inputs ?? []).map(String),
          out: args.out.replace(/[\\/]+$/, '') || '.',
          check: args.check,
          quiet: args.quiet,
          allowRemote: args.allowRemote,
          maxFileSize: args.maxFileSize,
          fetchTimeout: args.fetchTimeout,
        });
      },
    )
    .command(
      'diff <old> <new>',
      'Compare two versions of a service: every change, breaking or compatible for code that calls the generated agents',
      (command) =>
        command
          .positional('old', { describe: 'The old version: a WSDL file, a folder of WSDLs, or an http(s) URL', type: 'string', demandOption: true })
          .positional('new', { describe: 'The new version, given the same way', type: 'string', demandOption: true })
          .option('json', { describe: 'Print { "changes": [ { kind, breaking, path, message, old, new } ] }', type: 'boolean', default: false })
          .option('markdown', { describe: 'Print a Markdown table, for a pull-request comment', type: 'boolean', default: false })
          .option('allow-remote', { describe: 'Follow imports to http(s) URLs from local WSDLs, and to other hosts from remote ones', type: 'boolean', default: false })
          .option('max-file-size', { describe: 'Refuse WSDL and XSD files larger than this many MiB', type: 'number', default: 16 })
          .option('fetch-timeout', { describe: 'Seconds to wait for each remote file', type: 'number', default: 30 })
          .example('$0 diff wsdl/Services86 wsdl/Services87', 'What changes from one SuperOffice version to the next')
          .example('$0 diff old/Diagnostics.wsdl https://example.com/Diagnostics.svc?wsdl --markdown', 'A table for a pull request')
          .epilogue('Exit status: 0 when nothing breaking changed, 1 when something did, 2 on bad input or usage.'),
      async (args) => {
        if (!(args.maxFileSize > 0) || !(args.fetchTimeout > 0)) throw new UsageError('--max-file-size and --fetch-timeout must be positive numbers');
        if (args.json && args.markdown) throw new UsageError('--json and --markdown cannot be given together');
        exitCode = await runDiff({
          old: String(args.old),
          new: String(args.new),
          format: args.json ? 'json' : args.markdown ? 'markdown' : 'text',
          allowRemote: args.allowRemote,
          maxFileBytes: Math.round(args.maxFileSize * 1024 * 1024),
          fetchTimeout: Math.round(args.fetchTimeout * 1000),
        });
      },
    )
    .help()
    .alias('help', 'h')
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\nRun "${GENERATOR_NAME} --help" for usage.\n`);
      return 2;
    }
    if (error instanceof WsdlError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof BadDiffInput) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}

process.exitCode = await main(hideBin(process.argv));
