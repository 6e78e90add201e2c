/**
 * 2. Whole calls with minimal stubs: what a call costs in the library itself, the transport taken
 * out on both sides. Ours: the generated agent with a FetchResponseLike that has no body stream
 * and whose `text()` resolves to the reply; node-soap: its client with an httpClient handing the
 * same reply over as a string. Then where our time goes: the writer and the decoder alone on the
 * same request and reply, and the rest (the agent: signals, timer, promises, text encoding).
 */
import * as soap from 'soap';
import { loadOurs } from './ours.js';
import {
  DIAGNOSTICS_WSDL,
  LARGE_ITEMS,
  PREFERENCE_WSDL,
  cacheNames,
  cacheNamesResponse,
  documentedLargeResponse,
  flushCachesByNameResponse,
  minimalFetch,
  stringHttpClient,
} from './fixtures.js';
import { DEFAULT_TIMING, LARGE_TIMING, formatMs, formatNumber, measureThroughput, speedCell, table, type Throughput } from './harness.js';

const NAMES = 20;

interface CallCase {
  readonly name: string;
  /** The project's target for ours ÷ node-soap. */
  readonly target: number;
  readonly large: boolean;
  readonly ours: () => Promise<unknown>;
  readonly theirs: () => Promise<unknown>;
  /** Our writer and our decoder alone, on the same request and reply. */
  readonly writer: () => unknown;
  readonly decoder: () => unknown;
  /** Throws unless both sides gave the expected result. */
  readonly check: () => Promise<void>;
}

async function callCases(): Promise<CallCase[]> {
  const { agents, descriptors, decode, encode } = await loadOurs();
  const flushXml = flushCachesByNameResponse();
  const namesXml = cacheNamesResponse(NAMES);
  const getAll = documentedLargeResponse(LARGE_ITEMS);

  const diagnostics = (xml: string) => new agents.DiagnosticsAgent({ fetch: minimalFetch(() => xml) });
  const diagnosticsClient = (xml: string) => soap.createClientAsync(DIAGNOSTICS_WSDL, { httpClient: stringHttpClient(() => xml) });
  const flushAgent = diagnostics(flushXml);
  const flushClient = await diagnosticsClient(flushXml);
  const namesAgent = diagnostics(namesXml);
  const namesClient = await diagnosticsClient(namesXml);
  const preference = new agents.PreferenceAgent({ fetch: minimalFetch(() => getAll.xml) });
  const preferenceClient = await soap.createClientAsync(PREFERENCE_WSDL, { httpClient: stringHttpClient(() => getAll.xml) });

  const Diagnostics = descriptors.DiagnosticsAgent$;
  const Preference = descriptors.PreferenceAgent$;
  const write = (agent: typeof Diagnostics, operationName: string, values: unknown[]) => () => {
    const input = agent.operations[operationName].input;
    return encode.writeEnvelope({ soapVersion: agent.soapVersion, headers: [], body: { wrapper: input.wrapper, fields: input.fields, values } });
  };
  const read = (agent: typeof Diagnostics, operationName: string, xml: string) => () => {
    const decoder = new decode.ResponseDecoder(agent, agent.operations[operationName]);
    decoder.write(xml);
    return decoder.end();
  };
  const flushNames = ['Lists', 'Preferences'];
  const expectNames = (names: unknown, what: string) => {
    const list = (names ?? []) as unknown[];
    if (list.length !== NAMES || list[NAMES - 1] !== cacheNames(NAMES)[NAMES - 1]) throw new Error(`${what}: ${JSON.stringify(names)?.slice(0, 200)}`);
  };

  return [
    {
      name: 'Diagnostics.FlushCachesByName (void)',
      target: 3,
      large: false,
      ours: () => flushAgent.flushCachesByName(flushNames),
      theirs: () => flushClient.FlushCachesByNameAsync({ CacheNames: { string: flushNames } }) as Promise<unknown>,
      writer: write(Diagnostics, 'FlushCachesByName', [flushNames]),
      decoder: read(Diagnostics, 'FlushCachesByName', flushXml),
      check: async () => {
        if ((await flushAgent.flushCachesByName(flushNames)) !== undefined) throw new Error('ours: FlushCachesByName is void');
        await flushClient.FlushCachesByNameAsync({ CacheNames: { string: flushNames } });
      },
    },
    {
      name: `Diagnostics.GetCacheNames (${NAMES} names)`,
      target: 3,
      large: false,
      ours: () => namesAgent.getCacheNames(),
      theirs: () => namesClient.GetCacheNamesAsync({}) as Promise<unknown>,
      writer: write(Diagnostics, 'GetCacheNames', []),
      decoder: read(Diagnostics, 'GetCacheNames', namesXml),
      check: async () => {
        expectNames(await namesAgent.getCacheNames(), 'ours');
        const [result] = (await namesClient.GetCacheNamesAsync({})) as [{ Response: { string: { $value?: string }[] } }];
        expectNames(result.Response.string.map((item) => (typeof item === 'object' ? item.$value : item)), 'node-soap');
      },
    },
    {
      name: `Preference.GetAll (${LARGE_ITEMS} items)`,
      target: 5,
      large: true,
      ours: () => preference.getAll(),
      theirs: () => preferenceClient.GetAllAsync({}) as Promise<unknown>,
      writer: write(Preference, 'GetAll', []),
      decoder: read(Preference, 'GetAll', getAll.xml),
      check: async () => {
        const ours = await preference.getAll();
        const [theirs] = (await preferenceClient.GetAllAsync({})) as [{ Response: { PreferenceDescription: unknown[] } }];
        if (ours?.length !== LARGE_ITEMS || theirs.Response.PreferenceDescription.length !== LARGE_ITEMS) throw new Error('GetAll: not every item decoded');
      },
    },
  ];
}

const perCall = (result: Throughput) => formatMs(1000 / result.median);

export async function runCallsBench(): Promise<string> {
  const rows: string[][] = [];
  const ratioRows: string[][] = [];
  const shareRows: string[][] = [];
  for (const call of await callCases()) {
    await call.check();
    const [ours, theirs, writer, decoder] = await measureThroughput(
      [
        { name: 'ours', run: call.ours },
        { name: 'node-soap', run: call.theirs },
        { name: 'writer', run: call.writer },
        { name: 'decoder', run: call.decoder },
      ],
      call.large ? LARGE_TIMING : DEFAULT_TIMING,
    ) as [Throughput, Throughput, Throughput, Throughput];
    rows.push(
      [call.name, 'ours: agent, minimal FetchResponseLike', formatNumber(ours.median), `${formatNumber(ours.min)}–${formatNumber(ours.max)}`, perCall(ours)],
      ['', 'node-soap: client, string httpClient', formatNumber(theirs.median), `${formatNumber(theirs.min)}–${formatNumber(theirs.max)}`, perCall(theirs)],
    );
    ratioRows.push([call.name, `ours ÷ node-soap (target ≥ ${call.target}×)`, speedCell('calls', call.name, 'whole call, minimal stubs', ours, theirs, call.target)]);
    const total = 1000 / ours.median;
    const writerMs = 1000 / writer.median;
    const decoderMs = 1000 / decoder.median;
    const rest = Math.max(0, total - writerMs - decoderMs);
    const share = (ms: number) => `${formatMs(ms)} (${((ms / total) * 100).toFixed(0)}%)`;
    shareRows.push([call.name, formatMs(total), share(writerMs), share(decoderMs), share(rest)]);
  }
  return [
    '## 2. Whole calls with minimal stubs (no transport on either side)',
    '',
    table(['call', 'contender', 'calls/s (median)', 'calls/s (min–max)', 'per call'], rows),
    '',
    table(['call', 'comparison', 'ratio'], ratioRows),
    '',
    'Where our time goes: the writer and the decoder alone on the same request and reply; the rest is',
    "the agent's own work per call (agent.ts: AbortController and timer, promises, the reply re-encoded",
    'to bytes and decoded again when the response has no body stream).',
    '',
    table(['call', 'our call', 'writer (writeEnvelope)', 'decoder (ResponseDecoder)', 'agent (the rest)'], shareRows),
  ].join('\n');
}
