/** `wsdl-agents diff <old> <new>`: what changed between two versions of a service, and whether it breaks callers. */
import type { CliCommand, ParsedArguments } from './command.js';
import { booleanOption, stringOption, UsageError } from './command.js';
import { LOADING_OPTIONS, loadingArguments } from './generate.js';

export const diffCommand: CliCommand = {
  name: 'diff',
  positionals: '<old> <new>',
  positionalOptions: {
    old: { describe: 'The old version: a WSDL file, a folder of WSDLs, or an http(s) URL', type: 'string' },
    new: { describe: 'The new version, given the same way', type: 'string' },
  },
  summary: 'Compare two versions of a service: every change, breaking or compatible for code that calls the generated agents',
  options: {
    json: { type: 'boolean', default: false, describe: 'Print { "changes": [ { kind, breaking, path, message, old, new } ] }' },
    markdown: { type: 'boolean', default: false, describe: 'Print a Markdown table, for a pull-request comment' },
    ...LOADING_OPTIONS,
  },
  examples: [
    ['diff wsdl/Services86 wsdl/Services87', 'What changes from one SuperOffice version to the next'],
    ['diff old/Diagnostics.wsdl https://host/Diagnostics.svc?wsdl --markdown', 'A table for a pull request'],
  ],
  exitCodes: [
    { code: 0, meaning: 'nothing breaking changed (compatible changes, or none)' },
    { code: 1, meaning: 'something breaking changed' },
    { code: 2, meaning: 'bad input, or wrong usage' },
  ],
  badInputExitCode: 2,
  run: (args) => runDiff(args),
};

async function runDiff(args: ParsedArguments): Promise<number> {
  const json = booleanOption(args, 'json');
  const markdown = booleanOption(args, 'markdown');
  if (json && markdown) throw new UsageError('--json and --markdown cannot be given together');
  const versions = [stringOption(args, 'old'), stringOption(args, 'new')];
  if (versions.some((version) => version === undefined)) throw new UsageError('diff needs two versions: diff <old> <new>');
  const options = loadingArguments(args);
  const { findInputs, loadModelsAsync } = await import('../generate.js');
  const { diff } = await import('../diff/diff.js');
  const { formatJson, formatMarkdown, formatText } = await import('../diff/format.js');
  const [before, after] = await Promise.all(versions.map((version) => loadModelsAsync(findInputs([version!]), options)));
  const result = diff(before!, after!);
  process.stdout.write((json ? formatJson : markdown ? formatMarkdown : formatText)(result));
  return result.changes.some((change) => change.breaking) ? 1 : 0;
}
