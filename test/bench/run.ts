/**
 * `npm run bench [-- <suite>…]`: runs the benchmark suites (all, or those named: decode, calls,
 * encode, memory, startup, generate, generate-cli, transport, blob) and prints their tables, ours
 * against the peers measured in this same run, then the project's targets, met or missed by how
 * much; and writes every ratio to .test-output/bench/results.json. A report, not a gate: it fails
 * only when a side does not produce the expected result. See test/bench/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBlobBench } from './blob.bench.js';
import { runCallsBench } from './calls.bench.js';
import { runDecodeBench } from './decode.bench.js';
import { runEncodeBench } from './encode.bench.js';
import { LARGE_ITEMS, OUTPUT_DIR, ROOT } from './fixtures.js';
import { runGenerateBench } from './generate.bench.js';
import { runGenerateProcessBench } from './generate-process.bench.js';
import { CLOCK, DEFAULT_TIMING, LARGE_TIMING, formatNumber, recordedRatios, table, targetVerdict } from './harness.js';
import { runMemoryBench } from './memory.bench.js';
import { runStartupBench } from './startup.bench.js';
import { runTransportBench } from './transport.bench.js';

const SUITES: Record<string, () => Promise<string>> = {
  decode: runDecodeBench,
  calls: runCallsBench,
  encode: runEncodeBench,
  memory: runMemoryBench,
  startup: runStartupBench,
  generate: runGenerateBench,
  'generate-cli': runGenerateProcessBench,
  transport: runTransportBench,
  blob: runBlobBench,
};

function versionOf(packagePath: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, packagePath, 'package.json'), 'utf8')) as { version: string }).version;
}

function machineFacts(): string {
  const cpus = os.cpus();
  const rows = [
    ['node', `${process.version} (V8 ${process.versions.v8})`],
    ['platform', `${os.platform()} ${os.release()} ${os.arch()}`],
    ['CPU', `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}${cpus[0]?.speed ? ` @ ${cpus[0].speed} MHz` : ''}`],
    ['memory', `${formatNumber(os.totalmem() / 1024 ** 3)} GiB, load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`],
    ['ours', `wsdl-agents ${versionOf('.')} (generated/Services86, compiled to JavaScript)`],
    ['peers', `soap (node-soap) ${versionOf('node_modules/soap')}, wsdl-tsclient ${versionOf('node_modules/wsdl-tsclient')}, @xmldom/xmldom ${versionOf('node_modules/@xmldom/xmldom')}, saxes ${versionOf('node_modules/saxes')}`],
    [
      'settings',
      `large = ${LARGE_ITEMS} items (BENCH_ITEMS); throughput: ${DEFAULT_TIMING.warmupMs} ms warm-up, then ${DEFAULT_TIMING.rounds} ` +
        `(large messages: ${LARGE_TIMING.rounds}) interleaved rounds of ~${DEFAULT_TIMING.roundMs} ms, at least 1 op, per contender`,
    ],
    ['clock', CLOCK === 'cpu' ? 'CPU time of this process (BENCH_CLOCK=wall for elapsed time)' : 'elapsed time (BENCH_CLOCK=wall)'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
console.log('# wsdl-agents benchmarks: ours vs node-soap / wsdl-tsclient, measured in this run\n');
console.log(machineFacts());
for (const name of requested.length > 0 ? requested : Object.keys(SUITES)) {
  const suiteStarted = performance.now();
  const report = await SUITES[name]();
  console.log(`\n${report}\n\n(${name}: ${((performance.now() - suiteStarted) / 1000).toFixed(1)} s)`);
}

const withTargets = recordedRatios.filter((ratio) => ratio.target !== undefined);
if (withTargets.length > 0) {
  console.log('\n## Targets (ratios of this run)\n');
  console.log(
    table(
      ['suite', 'case', 'comparison', 'ratio', 'target', 'verdict'],
      withTargets.map((ratio) => [ratio.suite, ratio.case, ratio.comparison, `${ratio.ratio.toFixed(2)}×`, `${ratio.kind === 'speed' ? '≥' : '≤'} ${ratio.target}×`, targetVerdict(ratio)]),
    ),
  );
}
mkdirSync(OUTPUT_DIR, { recursive: true });
const resultsFile = `${OUTPUT_DIR}results.json`;
writeFileSync(
  resultsFile,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model.trim(), loadAverage: os.loadavg() },
      clock: CLOCK,
      suites: requested.length > 0 ? requested : Object.keys(SUITES),
      ratios: recordedRatios.map((ratio) => ({ ...ratio, ...(ratio.target === undefined ? {} : { verdict: targetVerdict(ratio) }) })),
    },
    null,
    2,
  )}\n`,
);
console.log(`\nratios written to ${path.relative(ROOT, resultsFile)}`);
console.log(`\n(all: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
