/**
 * 7. A large binary value: BLOB.GetBlobStream answering 10 MiB (BENCH_BLOB_MIB) as base64 on one
 * line, as WCF writes it, decoded to bytes by each side: ours to a Uint8Array as the text
 * arrives, node-soap to a string which Buffer.from(…, 'base64') then decodes. The time to the
 * decoded value, and the memory it takes (fresh processes, blob-child.ts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as soap from 'soap';
import { BLOB_WSDL, ROOT, blobStreamResponse, minimalFetch, payloadBytes, stringHttpClient } from './fixtures.js';
import { LARGE_TIMING, formatMegabytes, formatMs, formatNumber, measureThroughput, ratioCell, speedCell, table, type Throughput } from './harness.js';
import { loadOurs } from './ours.js';

const MEBIBYTES = Number(process.env.BENCH_BLOB_MIB ?? 10);
const CHUNK = 64 * 1024;
const CHILD = fileURLToPath(new URL('./blob-child.ts', import.meta.url));

/** The project's targets: the decoded value at least 3× sooner than node-soap, and at most about twice its size in memory. */
const SPEED_TARGET = 3;
const MEMORY_TARGET = 2;

async function child(side: string): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--expose-gc', CHILD, side, String(MEBIBYTES)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Record<string, number>;
}

export async function runBlobBench(): Promise<string> {
  const { agents, descriptors, decode } = await loadOurs();
  const payload = payloadBytes(MEBIBYTES * 1024 * 1024);
  const bytes = new TextEncoder().encode(blobStreamResponse(payload));
  // the text as a transport hands it over: decoded from the bytes, one flat string
  const xml = new TextDecoder().decode(bytes);
  const streamed = () => {
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) controller.close();
        else controller.enqueue(bytes.subarray(offset, (offset += CHUNK)));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
  };
  const limit = 2 * bytes.length;
  const minimal = new agents.BLOBAgent({ fetch: minimalFetch(() => xml), maxResponseBytes: limit });
  const stream = new agents.BLOBAgent({ fetch: async () => streamed(), maxResponseBytes: limit });
  const client = await soap.createClientAsync(BLOB_WSDL, { httpClient: stringHttpClient(() => xml) });
  const operation = descriptors.BLOBAgent$.operations.GetBlobStream;

  const contenders = {
    minimal: { label: 'ours: BLOBAgent.getBlobStream(), minimal FetchResponseLike', run: () => minimal.getBlobStream(1) },
    streamed: { label: 'ours: BLOBAgent.getBlobStream(), body stream of 64 KiB chunks', run: () => stream.getBlobStream(1) },
    decoder: {
      label: 'ours: ResponseDecoder alone',
      run: () => {
        const decoder = new decode.ResponseDecoder(descriptors.BLOBAgent$, operation);
        decoder.write(xml);
        const decoded = decoder.end();
        return decoded.kind === 'message' ? decoded.members.Response : undefined;
      },
    },
    client: {
      label: 'node-soap: client.GetBlobStreamAsync() + Buffer.from(…, base64)',
      run: async () => {
        const [answer] = (await client.GetBlobStreamAsync({})) as [{ Response: string }];
        return Buffer.from(answer.Response, 'base64');
      },
    },
    xmlToObject: {
      label: 'node-soap: wsdl.xmlToObject() alone + Buffer.from(…, base64)',
      run: () => Buffer.from((client.wsdl.xmlToObject(xml) as { Body: { GetBlobStreamResponse: { Response: string } } }).Body.GetBlobStreamResponse.Response, 'base64'),
    },
  };
  type Key = keyof typeof contenders;
  const keys = Object.keys(contenders) as Key[];
  for (const key of keys) {
    const value = (await contenders[key].run()) as Uint8Array | undefined;
    if (!value || value.length !== payload.length || value[payload.length - 1] !== payload[payload.length - 1]) throw new Error(`${contenders[key].label}: not the payload`);
  }
  const measured = await measureThroughput(keys.map((key) => ({ name: key, run: contenders[key].run })), LARGE_TIMING);
  const results = Object.fromEntries(measured.map((result) => [result.name, result])) as Record<Key, Throughput>;
  const caseName = `${MEBIBYTES} MiB base64Binary`;
  const rows = keys.map((key) => {
    const { median, min, max } = results[key];
    return [contenders[key].label, formatMs(1000 / median), `${formatNumber(1000 / max)}–${formatNumber(1000 / min)} ms`, formatNumber((median * bytes.length) / (1024 * 1024))];
  });
  const ratioRows = [
    ['whole call, minimal stubs: ours ÷ node-soap', speedCell('blob', caseName, 'whole call to the decoded value, minimal stubs', results.minimal, results.client, SPEED_TARGET)],
    ['whole call, ours from a body stream ÷ node-soap', speedCell('blob', caseName, 'whole call, ours from a body stream', results.streamed, results.client)],
    ['decoder alone ÷ xmlToObject + Buffer.from', speedCell('blob', caseName, 'decoder alone vs xmlToObject + Buffer.from', results.decoder, results.xmlToObject)],
  ];

  const [live, oursRss, theirsRss] = [await child('ours-live'), await child('ours-rss'), await child('node-soap-rss')];
  const payloadSize = payload.length;
  const memoryRows = [
    ['ours: live memory at its peak (full GC before each chunk), decoded value included', formatMegabytes(live.peakLive!), `${(live.peakLive! / payloadSize).toFixed(2)}× the payload`],
    ['ours: live memory after the call (the decoded value)', formatMegabytes(live.liveAfter!), `${(live.liveAfter! / payloadSize).toFixed(2)}× the payload`],
    ['ours: peak RSS growth (no forced GC)', formatMegabytes(oursRss.maxRssGrowth!), `${(oursRss.maxRssGrowth! / payloadSize).toFixed(2)}× the payload`],
    ['node-soap: peak RSS growth (no forced GC)', formatMegabytes(theirsRss.maxRssGrowth!), `${(theirsRss.maxRssGrowth! / payloadSize).toFixed(2)}× the payload`],
  ];
  const memoryRatioRows = [
    ['peak live memory ÷ payload (target ≤ 2)', ratioCell({ suite: 'blob', case: caseName, comparison: 'peak live memory ÷ payload', kind: 'memory', ratio: live.peakLive! / payloadSize, target: MEMORY_TARGET })],
    ['peak RSS growth: ours ÷ node-soap', ratioCell({ suite: 'blob', case: caseName, comparison: 'peak RSS growth: ours ÷ node-soap', kind: 'memory', ratio: oursRss.maxRssGrowth! / theirsRss.maxRssGrowth! })],
  ];
  return [
    `## 7. A ${MEBIBYTES} MiB base64Binary reply (BLOB.GetBlobStream; ${formatMegabytes(bytes.length)} of XML)`,
    '',
    table(['contender', 'time (median)', 'time (min–max)', 'MiB/s'], rows),
    '',
    table(['comparison', 'ratio'], ratioRows),
    '',
    'Memory, each side in a fresh process (blob-child.ts):',
    '',
    table(['measure', 'bytes', 'relative'], memoryRows),
    '',
    table(['comparison', 'ratio'], memoryRatioRows),
  ].join('\n');
}
