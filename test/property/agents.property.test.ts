/**
 * Property: for every operation of the generated Diagnostics, BLOB and Preference agents and for
 * random valid arguments and SOAP headers (built from the descriptors, see
 * descriptor-arbitraries.ts), the request the real agent sends through fetch
 *   (a) is well-formed XML to an independent parser (xmldom), and
 *   (b) decoded back through the same schema (ResponseDecoder over the input message) gives the
 *       arguments and headers again, by the README's type mapping.
 *
 * Seed and run count: see settings.ts (FC_SEED=random for a fresh seed).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BLOBAgent$ } from '../../generated/Services86/descriptors/BLOB.js';
import { DiagnosticsAgent$ } from '../../generated/Services86/descriptors/Diagnostics.js';
import { PreferenceAgent$ } from '../../generated/Services86/descriptors/Preference.js';
import * as generated from '../../generated/Services86/index.js';
import type { AgentDesc } from '../../generated/runtime/index.js';
import { camelCase } from '../../src/plan/names.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { DescriptorArbitraries, differences } from './descriptor-arbitraries.js';
import { assertWellFormed, expectedRequest, readRequest } from './read-back.js';
import { runs } from './settings.js';
import { methodArguments } from '../helpers/method-arguments.js';

type AnyAgent = Record<string, (...args: unknown[]) => Promise<unknown>>;
type AgentClass = new (options: object) => AnyAgent;

const AGENTS: [string, AgentDesc][] = [
  ['Diagnostics', DiagnosticsAgent$],
  ['BLOB', BLOBAgent$],
  ['Preference', PreferenceAgent$],
];

/** Runs per operation: operations with body parameters get more than header-only ones. */
const RUNS_WITH_PARAMETERS = 50;
const RUNS_HEADERS_ONLY = 10;

const arbitraries = new DescriptorArbitraries({ large: true, maxDepth: 3 });

function emptyReply(agent: AgentDesc, operationName: string): string {
  const wrapper = agent.operations[operationName].output?.wrapper;
  const body = wrapper ? `<${wrapper.name} xmlns="${wrapper.ns}"/>` : '';
  return `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;
}

describe.each(AGENTS)('%sAgent: requests read back as the arguments', (name, descriptor) => {
  const Agent = (generated as unknown as Record<string, AgentClass>)[`${name}Agent`];

  it.each(Object.keys(descriptor.operations))('%s', async (operationName) => {
    const operation = descriptor.operations[operationName];
    const method = camelCase(operationName);
    const property = fc.asyncProperty(
      arbitraries.values(operation.input.fields),
      arbitraries.headers(operation.input.headers, descriptor.requestHeaders),
      fc.integer({ min: 1, max: 5 }),
      async (values, headers, chunks) => {
        const { fetch, requests } = recordingFetch({ body: emptyReply(descriptor, operationName) });
        const agent = new Agent({ fetch, headers });
        await agent[method](...methodArguments(operation.input.fields, values));
        if (requests.length !== 1) throw new Error(`expected one request, saw ${requests.length}`);
        const xml = requests[0].body;
        assertWellFormed(xml);
        const back = readRequest(descriptor, operation, xml, chunks);
        const expected = expectedRequest(operation.input, values, descriptor.requestHeaders, headers);
        const problems = [...differences(back.members, expected.members, 'body'), ...differences(back.headers, expected.headers, 'headers')];
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest: ${xml.slice(0, 2000)}`);
      },
    );
    await fc.assert(property, runs(operation.input.fields.length > 0 ? RUNS_WITH_PARAMETERS : RUNS_HEADERS_ONLY));
  });
});
