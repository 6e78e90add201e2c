/**
 * 5. Client start-up. Cold: fresh processes (plain node, compiled JavaScript) timing library
 * load, client creation and the first call. Warm: in this process, making one more client —
 * our agent's constructor (no WSDL at run time) against node-soap's createClientAsync, which
 * reads and parses the WSDL (disableCache) or takes it from its per-process WSDL cache.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as soap from 'soap';
import { PREFERENCE_WSDL, ROOT, fakeFetch, stubHttpClient } from './fixtures.js';
import { formatMs, formatNumber, measureThroughput, median, ratioCell, speedCell, spread, table } from './harness.js';
import { COMPILED_DIR, loadOurs } from './ours.js';

const RESPONSE = fileURLToPath(new URL('../fixtures/superoffice/Services86/examples/Preference/GetAll.response.xml', import.meta.url));
const CHILD = `${COMPILED_DIR}/test/bench/startup-child.js`;
const COLD_RUNS = 7;

interface ColdRun {
  readonly items: number;
  readonly importMs: number;
  readonly constructMs: number;
  readonly firstCallMs: number;
  readonly totalMs: number;
  readonly sinceProcessStart: number;
}

function coldRun(side: 'ours' | 'node-soap'): ColdRun {
  const output = execFileSync(process.execPath, [CHILD, side, PREFERENCE_WSDL, RESPONSE], { cwd: ROOT, encoding: 'utf8' });
  const run = JSON.parse(output) as ColdRun;
  if (run.items !== 1) throw new Error(`${side}: the first call decoded ${run.items} items, expected 1`);
  return run;
}

export async function runStartupBench(): Promise<string> {
  const { agents } = await loadOurs();

  // Cold: alternate the sides, so that disk cache and machine state favour neither.
  const cold: Record<'ours' | 'node-soap', ColdRun[]> = { ours: [], 'node-soap': [] };
  coldRun('ours');
  coldRun('node-soap');
  for (let i = 0; i < COLD_RUNS; i++) {
    cold.ours.push(coldRun('ours'));
    cold['node-soap'].push(coldRun('node-soap'));
  }
  const phase = (side: 'ours' | 'node-soap', key: keyof ColdRun) => median(cold[side].map((run) => run[key]));
  const coldRow = (side: 'ours' | 'node-soap', label: string, construct: string) => {
    const total = spread(cold[side].map((run) => run.totalMs));
    return [
      label,
      formatMs(phase(side, 'importMs')),
      `${formatMs(phase(side, 'constructMs'))} (${construct})`,
      formatMs(phase(side, 'firstCallMs')),
      `${formatMs(total.median)} (${formatNumber(total.min)}–${formatNumber(total.max)})`,
      formatMs(phase(side, 'sinceProcessStart')),
    ];
  };
  const coldTotal = (side: 'ours' | 'node-soap') => phase(side, 'totalMs');

  // Warm: one more client in a process that has everything loaded.
  const bytes = new TextEncoder().encode('');
  const [construct, parse, cached] = await measureThroughput([
    { name: 'ours', run: () => new agents.PreferenceAgent({ fetch: fakeFetch(() => bytes) }) },
    { name: 'node-soap, WSDL parsed', run: () => soap.createClientAsync(PREFERENCE_WSDL, { httpClient: stubHttpClient(() => bytes), disableCache: true }) },
    { name: 'node-soap, WSDL cached', run: () => soap.createClientAsync(PREFERENCE_WSDL, { httpClient: stubHttpClient(() => bytes) }) },
  ]);
  const warmRow = (label: string, result: typeof construct) => [label, formatNumber(result.median), `${formatNumber(result.min)}–${formatNumber(result.max)}`, formatMs(1000 / result.median)];

  return [
    `## 5. Client start-up (Preference: its WSDL is ${formatNumber(statSync(PREFERENCE_WSDL).size / 1024)} KiB)`,
    '',
    `Cold, fresh process (plain node on compiled JavaScript), median of ${COLD_RUNS} runs each:`,
    '',
    table(
      ['side', 'load library', 'make client', 'first call', 'time to first call (min–max)', 'since process start'],
      [coldRow('ours', 'ours: import generated agent', 'new PreferenceAgent()'), coldRow('node-soap', 'node-soap', 'createClientAsync(wsdl)')],
    ),
    '',
    'Warm, one more client in this process:',
    '',
    table(
      ['contender', 'clients/s (median)', 'clients/s (min–max)', 'per client'],
      [
        warmRow('ours: new PreferenceAgent()', construct),
        warmRow('node-soap: createClientAsync(), disableCache', parse),
        warmRow('node-soap: createClientAsync(), WSDL cached', cached),
      ],
    ),
    '',
    table(
      ['comparison', 'ratio'],
      [
        [
          'cold time to first call: node-soap ÷ ours (> 1: ours starts faster)',
          ratioCell({ suite: 'startup', case: 'cold', comparison: 'time to first call', kind: 'speed', ratio: coldTotal('node-soap') / coldTotal('ours') }),
        ],
        ['warm client creation: ours ÷ node-soap parsing the WSDL (ops/s)', speedCell('startup', 'warm', 'client creation vs WSDL parsed', construct, parse)],
        ['warm client creation: ours ÷ node-soap with cached WSDL (ops/s)', speedCell('startup', 'warm', 'client creation vs WSDL cached', construct, cached)],
      ],
    ),
  ].join('\n');
}
