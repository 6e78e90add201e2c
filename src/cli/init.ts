/** `wsdl-agents init`: writes a starter wsdl-agents.config.json, every setting explained. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, SCHEMA_FILE_NAME, TOP_LEVEL_KEYS } from '../config/keys.js';
import { isUrl } from '../inputs.js';
import { GENERATOR_NAME } from '../version.js';
import { booleanOption, stringList, stringOption, type CliCommand, type ParsedArguments } from './command.js';

const [DEFAULT_INPUT] = TOP_LEVEL_KEYS.inputs.default;
/** Where generated code goes in a project that keeps its sources in src/: beside them, compiled with them. */
const SOURCES_OUT = 'src/soap';

export const initCommand: CliCommand = {
  name: 'init',
  positionals: '[inputs..]',
  positionalOptions: {
    inputs: {
      describe: `The WSDL files, folders or http(s) URLs to generate. Default: ${DEFAULT_INPUT}/`,
      type: 'string',
      array: true,
    },
  },
  summary: `Write a starter ${CONFIG_FILE_NAME}: every setting with its default, each explained`,
  options: {
    out: {
      alias: 'o',
      type: 'string',
      describe: `The output folder to put in it. Default: ${SOURCES_OUT} when there is a src/ folder, else ${TOP_LEVEL_KEYS.out.default}`,
    },
    config: { type: 'string', describe: `Write this file instead of ./${CONFIG_FILE_NAME}` },
    force: { type: 'boolean', default: false, describe: 'Replace a configuration file that exists' },
  },
  examples: [
    ['init', `Write ${CONFIG_FILE_NAME} for the WSDLs in ${DEFAULT_INPUT}/`],
    ['init https://host/Agent.svc?wsdl --out src/soap', 'Write one for a WSDL at a URL, generated into src/soap/'],
  ],
  exitCodes: [
    { code: 0, meaning: 'written' },
    { code: 1, meaning: 'the file exists (replace it with --force), or cannot be written' },
    { code: 2, meaning: 'wrong usage' },
  ],
  badInputExitCode: 1,
  run: async (args) => runInit(args),
};

async function runInit(args: ParsedArguments): Promise<number> {
  const file = stringOption(args, 'config') ?? CONFIG_FILE_NAME;
  const force = booleanOption(args, 'force');
  if (existsSync(file) && !force) {
    process.stderr.write(`error: ${file} exists; run with --force to replace it\n`);
    return 1;
  }
  const folder = path.dirname(file);
  // paths in the file are relative to it; those given here are relative to the current folder
  const fromFile = (location: string) => (isUrl(location) || path.isAbsolute(location) ? location : posix(path.relative(folder, location)) || '.');
  const given = stringList(args, 'inputs');
  const inputs = given.length > 0 ? given.map(fromFile) : [DEFAULT_INPUT];
  const givenOut = stringOption(args, 'out');
  const out = givenOut !== undefined ? fromFile(givenOut) : existsSync(path.join(folder, 'src')) ? SOURCES_OUT : TOP_LEVEL_KEYS.out.default;

  const { starterConfig } = await import('../config/starter.js');
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, starterConfig({ inputs, out, schema: schemaReference(folder) }));
  } catch (error) {
    process.stderr.write(`error: cannot write ${file}: ${(error as Error).message}\n`);
    return 1;
  }

  const missing = inputs.filter((input) => !isUrl(input) && !existsSync(path.resolve(folder, input)));
  const generate = `npx ${GENERATOR_NAME} generate${file === CONFIG_FILE_NAME ? '' : ` --config ${file}`}`;
  const next: [string, string][] = [
    [generate, 'generate as it says'],
    [`${generate} --watch`, 'and again whenever a WSDL or the configuration changes'],
    ['npm install saxes', 'the one run-time dependency of the generated code'],
  ];
  const width = Math.max(...next.map(([command]) => command.length));
  const lines = [
    `Wrote ${file}: inputs ${inputs.join(', ')}; output ${out}/.`,
    ...missing.map((input) => `${input} does not exist yet: put your WSDL files there, or change "inputs".`),
    'Next:',
    ...next.map(([command, meaning]) => `  ${command.padEnd(width)}  ${meaning}`),
    `In CI, \`${generate} --check\` fails when ${out}/ is out of step with the WSDLs.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * `$schema` for the file in `folder`: the schema of the installed package (node_modules/wsdl-agents,
 * here or in a parent folder), else of the package this runs from (a clone), relative to the file.
 */
function schemaReference(folder: string): string {
  let current = path.resolve(folder);
  for (;;) {
    const installed = path.join(current, 'node_modules', GENERATOR_NAME, SCHEMA_FILE_NAME);
    if (existsSync(installed)) return relativeReference(folder, installed);
    if (path.dirname(current) === current) break;
    current = path.dirname(current);
  }
  return relativeReference(folder, fileURLToPath(new URL(`../../${SCHEMA_FILE_NAME}`, import.meta.url)));
}

function relativeReference(folder: string, file: string): string {
  const relative = posix(path.relative(path.resolve(folder), file));
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function posix(location: string): string {
  return location.split(path.sep).join('/');
}
