/**
 * 1. Response decoding: the same Preference.GetAll response bytes through our agent and node-soap,
 * our decoder and tokenizer alone, and two parse-only baselines (a DOM with xmldom, the bare
 * saxes tokenizer).
 */
import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import * as soap from 'soap';
import { loadOurs } from './ours.js';
import {
  PREFERENCE_WSDL,
  documentedLargeResponse,
  documentedResponse,
  fakeFetch,
  loopbackServer,
  stubHttpClient,
  wcfLargeResponse,
  LARGE_ITEMS,
  type ResponseCase,
} from './fixtures.js';
import { DEFAULT_TIMING, LARGE_TIMING, MIB, formatNumber, measureThroughput, speedCell, table, type Contender, type Throughput } from './harness.js';

const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';

export const CONTENDERS = {
  agent: 'ours: PreferenceAgent.getAll() (fetch stand-in)',
  decoder: 'ours: ResponseDecoder alone',
  tokenizer: 'ours: XmlTokenizer alone (no handler work)',
  client: 'node-soap: client.GetAllAsync() (stub httpClient)',
  xmlToObject: 'node-soap: wsdl.xmlToObject() alone',
  dom: 'baseline: xmldom DOMParser (no mapping)',
  saxes: 'baseline: saxes tokenizer (no handlers)',
} as const;

export type ContenderKey = keyof typeof CONTENDERS;

const timingFor = (response: ResponseCase) => (response.items > 1 ? LARGE_TIMING : DEFAULT_TIMING);

export function responseCases(): ResponseCase[] {
  return [documentedResponse(), documentedLargeResponse(LARGE_ITEMS), wcfLargeResponse(LARGE_ITEMS)];
}

/** Every contender, set up once; `use` selects the response they all answer with and decode. */
export async function decodeSides(): Promise<{ use(response: ResponseCase): void; run: Record<ContenderKey, () => unknown> }> {
  let current: ResponseCase | undefined;
  const bytes = () => current!.bytes;
  const { agents, descriptors, decode, tokenizer } = await loadOurs();
  const ignore = { startElement: () => undefined, text: () => undefined, endElement: () => undefined };
  const agent = new agents.PreferenceAgent({ fetch: fakeFetch(bytes) });
  const client = await soap.createClientAsync(PREFERENCE_WSDL, { httpClient: stubHttpClient(bytes) });
  const operation = descriptors.PreferenceAgent$.operations.GetAll;
  return {
    use(response) {
      current = response;
    },
    run: {
      agent: () => agent.getAll(),
      decoder: () => {
        const decoder = new decode.ResponseDecoder(descriptors.PreferenceAgent$, operation);
        decoder.write(current!.xml);
        return decoder.end();
      },
      tokenizer: () => {
        const reader = new tokenizer.XmlTokenizer(ignore);
        reader.deliverText = false;
        reader.write(current!.xml);
        reader.end();
        return reader;
      },
      client: () => client.GetAllAsync({}) as Promise<unknown[]>,
      xmlToObject: () => client.wsdl.xmlToObject(current!.xml) as unknown,
      dom: () => new DOMParser().parseFromString(current!.xml, 'text/xml'),
      saxes: () => {
        const parser = new SaxesParser({ xmlns: true });
        parser.write(current!.xml).close();
        return parser;
      },
    },
  };
}

/** node-soap's value of a simple element: the value itself, or `$value` when it kept attributes (xsi:type). */
function nodeSoapText(value: unknown): unknown {
  if (value !== null && typeof value === 'object') return '$value' in value ? value.$value : '';
  return value;
}

function nodeSoapItems(getAllResponse: unknown): { Name?: unknown }[] {
  const items = (getAllResponse as { Response?: { PreferenceDescription?: unknown } }).Response?.PreferenceDescription;
  if (items === undefined) return [];
  return (Array.isArray(items) ? items : [items]) as { Name?: unknown }[];
}

/**
 * Runs every contender once on `response` and checks it decoded every item (and the last item's
 * Name), so that no benchmark times a failing path. Throws on a mismatch.
 */
export async function checkDecoded(response: ResponseCase, run: Record<ContenderKey, () => unknown>): Promise<void> {
  const expect = (what: string, count: number, lastName: unknown) => {
    if (count !== response.items || lastName !== response.lastName) {
      throw new Error(`${what} on "${response.name}": ${count} items (expected ${response.items}), last Name ${JSON.stringify(lastName)} (expected ${JSON.stringify(response.lastName)})`);
    }
  };
  const ours = (await run.agent()) as { Name?: string | null }[];
  expect(CONTENDERS.agent, ours.length, ours.at(-1)?.Name);
  const decoded = run.decoder() as { members: { Response: { Name?: string }[] } };
  expect(CONTENDERS.decoder, decoded.members.Response.length, decoded.members.Response.at(-1)?.Name);
  const [result] = (await run.client()) as [unknown];
  const theirs = nodeSoapItems(result);
  expect(CONTENDERS.client, theirs.length, nodeSoapText(theirs.at(-1)?.Name));
  const parsed = run.xmlToObject() as { Body: { GetAllResponse: unknown } };
  const parsedItems = nodeSoapItems(parsed.Body.GetAllResponse);
  expect(CONTENDERS.xmlToObject, parsedItems.length, nodeSoapText(parsedItems.at(-1)?.Name));
  const dom = run.dom() as ReturnType<DOMParser['parseFromString']>;
  const elements = dom.getElementsByTagNameNS(NS, 'PreferenceDescription');
  const names = dom.getElementsByTagNameNS(NS, 'Name');
  expect(CONTENDERS.dom, elements.length, names.item(names.length - 1)?.textContent ?? '');
  // the tokenizers alone decode nothing; they only have to get through the document
  run.tokenizer();
  run.saxes();
}

const LOOPBACK = {
  agent: 'ours: PreferenceAgent.getAll() (default transport: node:http)',
  client: 'node-soap: client.GetAllAsync() (its own HttpClient)',
} as const;

/** The whole call over loopback HTTP: each side with the HTTP client it ships with, against one server. */
async function runLoopback(cases: readonly ResponseCase[]): Promise<{ rows: string[][]; ratioRows: string[][] }> {
  let current: ResponseCase | undefined;
  const server = await loopbackServer(() => current!.bytes);
  try {
    const { agents } = await loadOurs();
    const agent = new agents.PreferenceAgent({ endpoint: server.url });
    const client = await soap.createClientAsync(PREFERENCE_WSDL, {}, server.url);
    const rows: string[][] = [];
    const ratioRows: string[][] = [];
    for (const response of cases) {
      current = response;
      const ours = await agent.getAll();
      const [result] = (await client.GetAllAsync({})) as [unknown];
      const theirs = nodeSoapItems(result);
      if (ours?.length !== response.items || theirs.length !== response.items || ours.at(-1)?.Name !== response.lastName || nodeSoapText(theirs.at(-1)?.Name) !== response.lastName) {
        throw new Error(`over loopback, "${response.name}" did not decode to ${response.items} items on both sides`);
      }
      const [oursTimed, theirsTimed] = await measureThroughput(
        [
          { name: 'agent', run: () => agent.getAll() },
          { name: 'client', run: () => client.GetAllAsync({}) as Promise<unknown> },
        ],
        timingFor(response),
      );
      rows.push(
        [response.name, LOOPBACK.agent, formatNumber(oursTimed.median), `${formatNumber(oursTimed.min)}–${formatNumber(oursTimed.max)}`, formatNumber((oursTimed.median * response.bytes.length) / MIB)],
        ['', LOOPBACK.client, formatNumber(theirsTimed.median), `${formatNumber(theirsTimed.min)}–${formatNumber(theirsTimed.max)}`, formatNumber((theirsTimed.median * response.bytes.length) / MIB)],
      );
      ratioRows.push([response.name, 'whole call over loopback HTTP: our agent vs node-soap client', speedCell('decode', response.name, 'whole call over loopback HTTP', oursTimed, theirsTimed)]);
    }
    return { rows, ratioRows };
  } finally {
    await server.close();
  }
}

interface CaseResult {
  readonly response: ResponseCase;
  readonly results: Record<ContenderKey, Throughput>;
}

export async function runDecodeBench(): Promise<string> {
  const sides = await decodeSides();
  const keys = Object.keys(CONTENDERS) as ContenderKey[];
  const cases: CaseResult[] = [];
  for (const response of responseCases()) {
    sides.use(response);
    await checkDecoded(response, sides.run);
    const contenders: Contender[] = keys.map((key) => ({ name: key, run: sides.run[key] }));
    const measured = await measureThroughput(contenders, timingFor(response));
    cases.push({ response, results: Object.fromEntries(measured.map((m) => [m.name, m])) as Record<ContenderKey, Throughput> });
  }

  const rows = cases.flatMap(({ response, results }) =>
    keys.map((key, index) => {
      const { median, min, max } = results[key];
      return [
        index === 0 ? `${response.name} (${formatNumber(response.bytes.length / 1024)} KiB)` : '',
        CONTENDERS[key],
        formatNumber(median),
        `${formatNumber(min)}–${formatNumber(max)}`,
        formatNumber((median * response.bytes.length) / MIB),
      ];
    }),
  );
  // [ours, theirs, label, target]: the project's targets are ≥ 3× xmlToObject and faster than bare saxes
  const comparisons: [ContenderKey, ContenderKey, string, number | undefined][] = [
    ['agent', 'client', 'whole call: our agent vs node-soap client', undefined],
    ['decoder', 'xmlToObject', 'decoder alone vs node-soap xmlToObject', 3],
    ['decoder', 'saxes', 'decoder alone vs bare saxes (values made vs none)', 1],
    ['tokenizer', 'saxes', 'our tokenizer vs bare saxes', undefined],
    ['decoder', 'tokenizer', 'decoder vs our tokenizer (< 1: the cost of values)', undefined],
    ['decoder', 'dom', 'decoder alone vs xmldom DOM parse', undefined],
  ];
  const ratioRows = cases.flatMap(({ response, results }) =>
    comparisons.map(([ours, theirs, label, target], index) => [
      index === 0 ? response.name : '',
      label,
      speedCell('decode', response.name, label, results[ours], results[theirs], target),
    ]),
  );
  const loopback = await runLoopback([cases[0].response, cases[cases.length - 1].response]);
  return [
    '## 1. Response decoding (Preference.GetAll; same bytes for every contender)',
    '',
    table(['response', 'contender', 'ops/s (median)', 'ops/s (min–max)', 'MiB/s'], rows),
    '',
    'Ratios: ours ÷ peer in ops/s (> 1: ours is faster); median of rounds, and the range of per-round ratios',
    '',
    table(['response', 'comparison', 'ratio'], ratioRows),
    '',
    'The whole call over loopback HTTP (one node:http server in this process answers both sides)',
    '',
    table(['response', 'contender', 'ops/s (median)', 'ops/s (min–max)', 'MiB/s'], loopback.rows),
    '',
    table(['response', 'comparison', 'ratio'], loopback.ratioRows),
  ].join('\n');
}
