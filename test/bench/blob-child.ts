/**
 * A fresh process for the memory of one large base64Binary reply (BLOB.GetBlobStream), printed
 * as JSON: `node --import tsx --expose-gc blob-child.ts <side> <MiB>`, after compile.ts ran.
 *
 * Sides:
 * - `ours-live`: our agent reads the reply from a body stream of 64 KiB chunks; before each chunk
 *   is handed over, a full GC runs and the live heap plus ArrayBuffers are sampled. `peakLive` is
 *   the most that was live above what was live before the call (the reply's bytes, which stand
 *   for the network, are in that baseline), the decoded value included.
 * - `ours-rss`, `node-soap-rss`: the same call without forced GCs (node-soap: its client, given
 *   the reply as a string, then Buffer.from(…, 'base64')); `maxRssGrowth` is the peak resident
 *   set above the one before the call, garbage and all.
 */
import { resourceUsage } from 'node:process';
import * as soap from 'soap';
import { BLOB_WSDL, blobStreamResponseBytes, payloadBytes, stringHttpClient } from './fixtures.js';
import { importCompiled, type Ours } from './ours.js';

const CHUNK = 64 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const [side = '', mebibytes = '10'] = process.argv.slice(2);
const payload = payloadBytes(Number(mebibytes) * 1024 * 1024);
// the reply as bytes only: no string of it is alive before the call
const bytes = blobStreamResponseBytes(payload);

const live = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

let decoded: Uint8Array;
const result: Record<string, number> = { payload: payload.length, reply: bytes.length };

if (side === 'ours-live' || side === 'ours-rss') {
  const { BLOBAgent } = await importCompiled<Ours['agents']>('generated/Services86/index.ts');
  const sample = side === 'ours-live';
  let peak = 0;
  const stream = () => {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sample) {
          gc();
          peak = Math.max(peak, live());
        }
        if (offset >= bytes.length) controller.close();
        else controller.enqueue(bytes.subarray(offset, (offset += CHUNK)));
      },
    });
  };
  const agent = new BLOBAgent({ fetch: async () => new Response(stream(), { headers: { 'content-type': 'text/xml; charset=utf-8' } }), maxResponseBytes: 2 * bytes.length });
  gc();
  gc();
  const before = live();
  const rssBefore = process.memoryUsage().rss;
  decoded = (await agent.getBlobStream(1)) as Uint8Array;
  if (sample) {
    gc();
    peak = Math.max(peak, live());
    result.peakLive = peak - before;
    result.liveAfter = live() - before;
  } else {
    result.maxRssGrowth = resourceUsage().maxRSS * 1024 - rssBefore;
  }
} else if (side === 'node-soap-rss') {
  // its HTTP client would hand it the body as a string: made from the bytes during the call
  const client = await soap.createClientAsync(BLOB_WSDL, { httpClient: stringHttpClient(() => new TextDecoder().decode(bytes)) });
  const call = async () => {
    const [answer] = (await client.GetBlobStreamAsync({})) as [{ Response: string }];
    return Buffer.from(answer.Response, 'base64');
  };
  gc();
  gc();
  const rssBefore = process.memoryUsage().rss;
  decoded = await call();
  result.maxRssGrowth = resourceUsage().maxRSS * 1024 - rssBefore;
} else {
  throw new Error(`unknown side "${side}"`);
}

if (decoded.length !== payload.length || decoded[payload.length - 1] !== payload[payload.length - 1]) throw new Error(`${side} decoded ${decoded.length} bytes`);
process.stdout.write(JSON.stringify(result));
