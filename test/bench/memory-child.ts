/**
 * A fresh process for one side's peak resident memory. It starts a loopback HTTP server answering
 * with one large response, sets up that side alone with the HTTP client it ships with (our agent:
 * its default transport, node:http; node-soap: its axios-based HttpClient), makes `CALLS` calls (results dropped,
 * as an application that handles each reply and moves on) and prints `{ rssBefore, peakRss }` in
 * bytes as JSON. Peak RSS includes what lives outside the JS heap (response buffers, streams).
 *
 * Run by memory.bench.ts as `node --import tsx --expose-gc memory-child.ts <side> <response>`,
 * after the generated code has been compiled (see compile.ts).
 */
import { resourceUsage } from 'node:process';
import * as soap from 'soap';
import { LARGE_ITEMS, PREFERENCE_WSDL, documentedLargeResponse, loopbackServer, wcfLargeResponse } from './fixtures.js';
import { importCompiled, type Ours } from './ours.js';

const CALLS = 6;

const [side, which] = process.argv.slice(2);
const response = which === 'wcf' ? wcfLargeResponse(LARGE_ITEMS) : documentedLargeResponse(LARGE_ITEMS);
const server = await loopbackServer(() => response.bytes);

let call: () => Promise<number>;
if (side === 'ours') {
  const { PreferenceAgent } = await importCompiled<Ours['agents']>('generated/Services86/index.ts');
  const agent = new PreferenceAgent({ endpoint: server.url });
  call = async () => (await agent.getAll())?.length ?? 0;
} else if (side === 'node-soap') {
  const client = await soap.createClientAsync(PREFERENCE_WSDL, {}, server.url);
  call = async () => {
    const [result] = (await client.GetAllAsync({})) as [{ Response: { PreferenceDescription: unknown[] } }];
    return result.Response.PreferenceDescription.length;
  };
} else {
  throw new Error(`unknown side "${side}"`);
}

(globalThis as { gc?: () => void }).gc?.();
const rssBefore = process.memoryUsage().rss;
for (let i = 0; i < CALLS; i++) {
  const items = await call();
  if (items !== response.items) throw new Error(`${side} decoded ${items} items, expected ${response.items}`);
}
// maxRSS is in kilobytes
const peakRss = resourceUsage().maxRSS * 1024;
await server.close();
process.stdout.write(JSON.stringify({ rssBefore, peakRss }));
