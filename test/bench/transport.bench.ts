/**
 * 6. The whole call over loopback HTTP, by transport: our agent over each of its transports (the
 * default, node:http with a keep-alive pool; and the global fetch) against node-soap with its own
 * HttpClient, all answered by one node:http server in this process.
 */
import * as soap from 'soap';
import { loadOurs } from './ours.js';
import { LARGE_ITEMS, PREFERENCE_WSDL, documentedResponse, loopbackServer, wcfLargeResponse, type ResponseCase } from './fixtures.js';
import { DEFAULT_TIMING, LARGE_TIMING, MIB, formatNumber, formatRatio, measureThroughput, table, throughputRatio, type Throughput } from './harness.js';

const CONTENDERS = {
  node: 'ours: PreferenceAgent.getAll() (default: node:http, keep-alive)',
  fetch: "ours: PreferenceAgent.getAll() (transport: 'fetch')",
  client: 'node-soap: client.GetAllAsync() (its own HttpClient)',
} as const;

type Key = keyof typeof CONTENDERS;

interface Items {
  readonly length: number;
  readonly last: unknown;
}

/** What each side decoded: the number of items and the last item's Name, to check before timing. */
function ourItems(result: ({ Name?: string | null } | null)[] | null): Items {
  return { length: result?.length ?? 0, last: result?.at(-1)?.Name };
}

function nodeSoapItems(result: unknown): Items {
  const items = (result as { Response?: { PreferenceDescription?: unknown } }).Response?.PreferenceDescription;
  const list = (items === undefined ? [] : Array.isArray(items) ? items : [items]) as { Name?: unknown }[];
  const name = list.at(-1)?.Name;
  // a simple value that kept attributes (xsi:type) is an object with $value
  return { length: list.length, last: name !== null && typeof name === 'object' ? ('$value' in name ? name.$value : '') : name };
}

export async function runTransportBench(): Promise<string> {
  let current: ResponseCase | undefined;
  const server = await loopbackServer(() => current!.bytes);
  try {
    const { agents } = await loadOurs();
    const overNode = new agents.PreferenceAgent({ endpoint: server.url });
    const overFetch = new agents.PreferenceAgent({ endpoint: server.url, transport: 'fetch' });
    const client = await soap.createClientAsync(PREFERENCE_WSDL, {}, server.url);
    const run: Record<Key, () => Promise<Items>> = {
      node: async () => ourItems(await overNode.getAll()),
      fetch: async () => ourItems(await overFetch.getAll()),
      client: async () => nodeSoapItems(((await client.GetAllAsync({})) as [unknown])[0]),
    };
    const keys = Object.keys(CONTENDERS) as Key[];
    const rows: string[][] = [];
    const ratioRows: string[][] = [];
    for (const response of [documentedResponse(), wcfLargeResponse(LARGE_ITEMS)]) {
      current = response;
      for (const key of keys) {
        const { length, last } = await run[key]();
        if (length !== response.items || last !== response.lastName) {
          throw new Error(`${CONTENDERS[key]} on "${response.name}": ${length} items, last Name ${JSON.stringify(last)}`);
        }
      }
      const measured = await measureThroughput(
        keys.map((key) => ({ name: key, run: run[key] })),
        response.items > 1 ? LARGE_TIMING : DEFAULT_TIMING,
      );
      const results = Object.fromEntries(measured.map((m) => [m.name, m])) as Record<Key, Throughput>;
      keys.forEach((key, index) => {
        const { median, min, max } = results[key];
        rows.push([
          index === 0 ? `${response.name} (${formatNumber(response.bytes.length / 1024)} KiB)` : '',
          CONTENDERS[key],
          formatNumber(median),
          `${formatNumber(min)}–${formatNumber(max)}`,
          formatNumber((median * response.bytes.length) / MIB),
        ]);
      });
      ratioRows.push(
        [response.name, 'default transport (node:http) vs node-soap', formatRatio(throughputRatio(results.node, results.client))],
        ['', "transport 'fetch' vs node-soap", formatRatio(throughputRatio(results.fetch, results.client))],
        ['', "node:http vs transport 'fetch' (ours both)", formatRatio(throughputRatio(results.node, results.fetch))],
      );
    }
    return [
      '## 6. The whole call over loopback HTTP, by transport (Preference.GetAll; one node:http server in this process)',
      '',
      table(['response', 'contender', 'ops/s (median)', 'ops/s (min–max)', 'MiB/s'], rows),
      '',
      'Ratios: ours ÷ peer in ops/s (> 1: ours is faster); median of rounds, and the range of per-round ratios',
      '',
      table(['response', 'comparison', 'ratio'], ratioRows),
    ].join('\n');
  } finally {
    await server.close();
  }
}
