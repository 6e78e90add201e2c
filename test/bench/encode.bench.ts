/**
 * 3. Request encoding: Preference.SavePreferences with the same arguments and SOAP headers,
 * written by our agent and by node-soap. The whole call answers with the same tiny void reply on
 * both sides; the writers alone are our writeEnvelope and node-soap's objectToDocumentXML.
 */
import * as soap from 'soap';
import { toArguments } from '../conformance/node-soap-arguments.js';
import { meaningDifferences } from '../helpers/xml-meaning.js';
import { loadOurs } from './ours.js';
import { LARGE_ITEMS, PREFERENCE_WSDL, REQUEST_HEADERS, VOID_RESPONSE, fakeFetch, savePreferencesArguments, stubHttpClient, type RequestCapture } from './fixtures.js';
import { DEFAULT_TIMING, LARGE_TIMING, formatNumber, measureThroughput, speedCell, table, type Throughput } from './harness.js';

const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';

const CONTENDERS = {
  agent: 'ours: PreferenceAgent.savePreferences() (fetch stand-in)',
  writer: 'ours: writeEnvelope alone',
  client: 'node-soap: client.SavePreferencesAsync() (stub httpClient)',
  writerTheirs: 'node-soap: wsdl.objectToDocumentXML() alone (body only)',
} as const;

type ContenderKey = keyof typeof CONTENDERS;

/** What node-soap keeps per operation of a port's binding (the parts used here). */
interface NodeSoapMethod {
  readonly input: { $name: string; targetNSAlias: string; targetNamespace: string; $type?: string; $lookupType?: string };
}

function nodeSoapMethod(client: soap.Client, name: string): NodeSoapMethod {
  const services = client.wsdl.definitions.services as Record<string, { ports: Record<string, { binding: { methods: Record<string, NodeSoapMethod> } }> }>;
  for (const service of Object.values(services)) {
    for (const port of Object.values(service.ports)) {
      const method = port.binding.methods[name];
      if (method) return method;
    }
  }
  throw new Error(`node-soap has no method ${name}`);
}

export async function runEncodeBench(): Promise<string> {
  const { agents, descriptors, encode } = await loadOurs();
  const voidBytes = new TextEncoder().encode(VOID_RESPONSE);
  const ourRequest: RequestCapture = { last: '' };
  const theirRequest: RequestCapture = { last: '' };
  const agent = new agents.PreferenceAgent({ fetch: fakeFetch(() => voidBytes, ourRequest), headers: REQUEST_HEADERS });
  const client = await soap.createClientAsync(PREFERENCE_WSDL, { httpClient: stubHttpClient(() => voidBytes, theirRequest) });
  client.addSoapHeader(REQUEST_HEADERS, '', 'tns', NS);
  const descriptor = descriptors.PreferenceAgent$;
  const operation = descriptor.operations.SavePreferences;
  const method = nodeSoapMethod(client, 'SavePreferences');

  const rows: string[][] = [];
  const ratioRows: string[][] = [];
  for (const count of [1, LARGE_ITEMS]) {
    const theirArguments = savePreferencesArguments(count);
    const [preferences] = toArguments(operation, theirArguments) as [Parameters<typeof agent.savePreferences>[0]];
    const headerValues: Record<string, unknown> = REQUEST_HEADERS;
    const run: Record<ContenderKey, () => unknown> = {
      agent: () => agent.savePreferences(preferences),
      writer: () =>
        encode.writeEnvelope({
          soapVersion: descriptor.soapVersion,
          headers: operation.input.headers.map((name) => ({ field: descriptor.requestHeaders[name], value: headerValues[name] })),
          body: { wrapper: operation.input.wrapper, encoding: operation.input.encoding, fields: operation.input.fields, values: [preferences] },
        }),
      client: () => client.SavePreferencesAsync(theirArguments) as Promise<unknown>,
      writerTheirs: () =>
        client.wsdl.objectToDocumentXML(method.input.$name, theirArguments, method.input.targetNSAlias, method.input.targetNamespace, method.input.$type ?? method.input.$lookupType, {}) as unknown,
    };

    // Both sides must send the same message (on meaning), or the comparison means nothing.
    await run.agent();
    await run.client();
    const differences = meaningDifferences(ourRequest.last, theirRequest.last);
    if (differences.length > 0) throw new Error(`SavePreferences(${count}): ours and node-soap's requests differ:\n${differences.slice(0, 10).join('\n')}`);
    if (run.writer() !== ourRequest.last) throw new Error('writeEnvelope alone did not write what the agent sent');
    const items = (ourRequest.last.match(/<(?:\w+:)?Preference>/g) ?? []).length;
    if (items !== count) throw new Error(`SavePreferences(${count}): the request holds ${items} Preference elements`);

    const keys = Object.keys(CONTENDERS) as ContenderKey[];
    const measured = await measureThroughput(
      keys.map((key) => ({ name: key, run: run[key] })),
      count > 1 ? LARGE_TIMING : DEFAULT_TIMING,
    );
    const results = Object.fromEntries(measured.map((m) => [m.name, m])) as Record<ContenderKey, Throughput>;
    const label = `${count} Preference${count === 1 ? '' : 's'} (ours ${formatNumber(ourRequest.last.length / 1024)} KiB, node-soap ${formatNumber(theirRequest.last.length / 1024)} KiB)`;
    keys.forEach((key, index) => {
      const { median, min, max } = results[key];
      rows.push([index === 0 ? label : '', CONTENDERS[key], formatNumber(median), `${formatNumber(min)}–${formatNumber(max)}`]);
    });
    ratioRows.push(
      [`${count} Preference${count === 1 ? '' : 's'}`, 'whole call: our agent vs node-soap client', speedCell('encode', `${count} Preferences`, 'whole call', results.agent, results.client)],
      ['', 'writer alone: writeEnvelope vs objectToDocumentXML', speedCell('encode', `${count} Preferences`, 'writer alone', results.writer, results.writerTheirs)],
    );
  }
  return [
    '## 3. Request encoding (Preference.SavePreferences with ApplicationToken and Credentials headers)',
    '',
    table(['request', 'contender', 'ops/s (median)', 'ops/s (min–max)'], rows),
    '',
    'Ratios: ours ÷ peer in ops/s (> 1: ours is faster)',
    '',
    table(['request', 'comparison', 'ratio'], ratioRows),
  ].join('\n');
}
