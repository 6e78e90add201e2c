/**
 * 4. Memory per decoded large response, ours against node-soap: bytes allocated on the JS heap
 * while decoding (garbage included), bytes a decoded result keeps alive, and the peak resident
 * set of a fresh process making six calls over loopback HTTP.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkDecoded, CONTENDERS, decodeSides, type ContenderKey } from './decode.bench.js';
import { LARGE_ITEMS, ROOT, documentedLargeResponse, wcfLargeResponse, type ResponseCase } from './fixtures.js';
import { formatBytes, formatMegabytes, memoryUse, ratioCell, table } from './harness.js';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
/** Decodes per contender, their results kept alive together. */
const RUNS = 3;
const MEASURED: readonly ContenderKey[] = ['agent', 'decoder', 'tokenizer', 'client', 'xmlToObject', 'dom', 'saxes'];
/** The bare tokenizer produces no result, so it has no retained size. */
const HAS_RESULT: ReadonlySet<ContenderKey> = new Set(['agent', 'decoder', 'client', 'xmlToObject', 'dom']);

interface PeakRss {
  readonly rssBefore: number;
  readonly peakRss: number;
}

/** One side's child process (the two sides run side by side: each is its own process, and only its memory counts). */
async function peakRss(side: 'ours' | 'node-soap', which: 'documented' | 'wcf'): Promise<PeakRss> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--expose-gc', CHILD, side, which], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(stdout) as PeakRss;
}

/**
 * What an application keeps of one call: node-soap's GetAllAsync resolves to [result, rawResponse,
 * soapHeader, rawRequest]; only the result is kept (the raw body string would count against it).
 */
function keptOf(key: ContenderKey): ((result: unknown) => unknown) | undefined {
  return key === 'client' ? (result) => (result as unknown[])[0] : undefined;
}

/** The project's target for allocation per large decode: at most 0.3× node-soap's. */
const ALLOCATION_TARGET = 0.3;

const ratio = (caseName: string, comparison: string, ours: number, theirs: number, target?: number) =>
  ratioCell({ suite: 'memory', case: caseName, comparison, kind: 'memory', ratio: ours / theirs, ...(target === undefined ? {} : { target }) });

export async function runMemoryBench(): Promise<string> {
  const sides = await decodeSides();
  const rows: string[][] = [];
  const rssRows: string[][] = [];
  const ratioRows: string[][] = [];
  const cases: [ResponseCase, 'documented' | 'wcf'][] = [
    [documentedLargeResponse(LARGE_ITEMS), 'documented'],
    [wcfLargeResponse(LARGE_ITEMS), 'wcf'],
  ];
  for (const [response, which] of cases) {
    sides.use(response);
    await checkDecoded(response, sides.run);
    const allocated = {} as Record<ContenderKey, number>;
    const retained = {} as Record<ContenderKey, number>;
    for (const key of MEASURED) {
      ({ allocated: allocated[key], retained: retained[key] } = await memoryUse(sides.run[key], RUNS, keptOf(key)));
    }
    MEASURED.forEach((key, index) => {
      const kept = HAS_RESULT.has(key);
      rows.push([
        index === 0 ? `${response.name} (${formatMegabytes(response.bytes.length)})` : '',
        CONTENDERS[key],
        formatMegabytes(allocated[key]),
        kept ? formatBytes(retained[key]) : '-',
        kept ? formatBytes(retained[key] / response.items) : '-',
      ]);
    });

    const [ours, theirs] = await Promise.all([peakRss('ours', which), peakRss('node-soap', which)]);
    const peaks = { ours, theirs };
    const growth = (peak: PeakRss) => peak.peakRss - peak.rssBefore;
    rssRows.push(
      [response.name, 'ours: PreferenceAgent (default transport: node:http)', formatMegabytes(peaks.ours.rssBefore), formatMegabytes(peaks.ours.peakRss), formatMegabytes(growth(peaks.ours))],
      ['', 'node-soap: client (its own HttpClient)', formatMegabytes(peaks.theirs.rssBefore), formatMegabytes(peaks.theirs.peakRss), formatMegabytes(growth(peaks.theirs))],
    );
    ratioRows.push(
      [response.name, 'allocated: our agent ÷ node-soap client', ratio(response.name, 'allocated: agent ÷ client', allocated.agent, allocated.client, ALLOCATION_TARGET)],
      ['', 'allocated: decoder ÷ xmlToObject', ratio(response.name, 'allocated: decoder ÷ xmlToObject', allocated.decoder, allocated.xmlToObject, ALLOCATION_TARGET)],
      ['', 'retained: our result ÷ node-soap result', ratio(response.name, 'retained: result ÷ result', retained.agent, retained.client)],
      ['', 'peak RSS growth over loopback: ours ÷ node-soap', ratio(response.name, 'peak RSS growth over loopback', growth(peaks.ours), growth(peaks.theirs))],
    );
  }
  return [
    `## 4. Memory per decoded large response (Preference.GetAll, ${LARGE_ITEMS} items)`,
    '',
    'JS heap, in this process (same stand-in transports as in 1):',
    '',
    table(['response', 'contender', 'allocated / decode', 'retained / result', 'retained / item'], rows),
    '',
    'Peak resident set of a fresh process making 6 calls over loopback HTTP (each side with its own HTTP client):',
    '',
    table(['response', 'side', 'RSS before calls', 'peak RSS', 'growth'], rssRows),
    '',
    'Ratios: ours ÷ peer in bytes (< 1: ours uses less)',
    '',
    table(['response', 'comparison', 'ratio'], ratioRows),
  ].join('\n');
}
