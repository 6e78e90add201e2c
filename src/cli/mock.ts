/** `wsdl-agents mock`: an HTTP server answering SOAP requests with example responses, for tests. */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOP_LEVEL_KEYS } from '../config/keys.js';
import { WsdlError } from '../errors.js';
import { isFolder } from '../inputs.js';
import { GENERATOR_NAME } from '../version.js';
import { stringList, stringOption, UsageError, type CliCommand, type ParsedArguments } from './command.js';
import { CONFIG_OPTION, configurationFor, flagValues, mergeSettings, settingOptions } from './settings.js';
import { count } from './words.js';

const [DEFAULT_INPUT] = TOP_LEVEL_KEYS.inputs.default;
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';

export const mockCommand: CliCommand = {
  name: 'mock',
  positionals: '[inputs..]',
  positionalOptions: {
    inputs: {
      describe: `WSDL files, folders or http(s) URLs whose operations it answers. Default: the configuration's inputs, else ${DEFAULT_INPUT}/`,
      type: 'string',
      array: true,
    },
  },
  summary: 'Answer SOAP requests over HTTP with example responses (<Agent>/<Operation>.response.xml), for tests',
  options: {
    examples: { type: 'string', describe: 'The folder of example responses: <Agent>/<Operation>.response.xml, Agent being the portType name (required)' },
    port: { type: 'number', default: DEFAULT_PORT, describe: 'The TCP port; 0 picks a free one (printed)' },
    host: { type: 'string', default: DEFAULT_HOST, describe: 'The address to listen on' },
    ...CONFIG_OPTION,
    ...settingOptions(['allowRemote', 'maxFileSize', 'fetchTimeout']),
  },
  examples: [
    ['mock wsdl/Services86 --examples test/examples', `Answer on http://${DEFAULT_HOST}:${DEFAULT_PORT}/ with test/examples/<Agent>/<Operation>.response.xml`],
    ['mock Diagnostics.wsdl --examples examples --port 0', 'The same on a free port'],
  ],
  exitCodes: [
    { code: 0, meaning: 'stopped (Ctrl-C)' },
    { code: 1, meaning: 'bad input (a WSDL, the configuration, no examples folder), or the port cannot be listened on' },
    { code: 2, meaning: 'wrong usage' },
  ],
  badInputExitCode: 1,
  run: (args) => runMock(args),
};

async function runMock(args: ParsedArguments): Promise<number> {
  const examples = stringOption(args, 'examples');
  if (examples === undefined) throw new UsageError('--examples <folder> is needed: the folder of <Agent>/<Operation>.response.xml files');
  const port = args['port'];
  if (Array.isArray(port)) throw new UsageError('--port is given more than once');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be a whole number from 0 to 65535');
  const host = stringOption(args, 'host') ?? DEFAULT_HOST;
  const settings = mergeSettings(stringList(args, 'inputs'), flagValues(args), configurationFor(args));
  if (settings.inputs.length === 0 && !existsSync(DEFAULT_INPUT)) {
    throw new UsageError(`no inputs given, none in a configuration, and no ${DEFAULT_INPUT}/ folder here: run \`${GENERATOR_NAME} mock <file.wsdl|folder|url> --examples <folder>\``);
  }
  if (!isFolder(examples)) throw new WsdlError(`the examples folder "${examples}" does not exist`);

  const { findInputs, loadModelsAsync } = await import('../generate.js');
  const { createMockServer } = await import('../mock/server.js');
  const { mockOperations } = await import('../mock/operations.js');
  const { findExample, unusedExamples } = await import('../mock/examples.js');
  const models = await loadModelsAsync(findInputs(settings.inputs.length > 0 ? settings.inputs : [DEFAULT_INPUT]), settings);
  const operations = mockOperations(models);
  const server = createMockServer({ models, examples, log: (line) => process.stdout.write(`${line}\n`) });
  const base = await listen(server, host, port);

  const agents = new Map<string, typeof operations>();
  for (const operation of operations) {
    const key = `${operation.group ? `${operation.group}/` : ''}${operation.agent}`;
    agents.set(key, [...(agents.get(key) ?? []), operation]);
  }
  const answered = (list: typeof operations) => list.filter((operation) => findExample(examples, operation) !== undefined).length;
  const lines = [
    `Mocking ${count(agents.size, 'agent')}, ${count(operations.length, 'operation')} (${answered(operations)} with an example) at ${base}/`,
    ...[...agents].map(([agent, list]) => `  ${agent}: ${base}${list[0]!.path ?? '/'} (${answered(list)} of ${count(list.length, 'operation')} with an example)`),
    ...unusedExamples(examples, operations).map((problem) => `warning: ${examples}/${problem}`),
    'Press Ctrl-C to stop.',
  ];
  // listening for Ctrl-C before saying so: a signal that came between the two would kill the process
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  await stopped;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return 0;
}

/** Listens; resolves to the base URL (with the port chosen when it was 0). */
function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port (0 picks a free one)` : error.code === 'EADDRNOTAVAIL' ? `${host} is not an address of this machine` : error.message;
      reject(new WsdlError(`cannot listen on ${host}:${port}: ${reason}`));
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
    });
  });
}
