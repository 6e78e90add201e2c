/**
 * Every documented SuperOffice example (45 request/response pairs over four agents): the call made
 * with the documented arguments sends the documented request (on meaning), and the documented
 * response returns the documented values. Arguments and results are read from the examples' own
 * xsi:type annotations (test/helpers/documented-values.ts), not from our generator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as generated from '../../generated/Services86/index.js';
import { AGENT_DESCRIPTORS } from '../helpers/generated-descriptors.js';
import { camelCase } from '../../src/plan/names.js';
import { listTypeNames, readDocumentedMessage } from '../helpers/documented-values.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { meaningDifferences } from '../helpers/xml-meaning.js';
import { methodArguments } from '../helpers/method-arguments.js';

const FIXTURES = new URL('../fixtures/superoffice/Services86/', import.meta.url);
const AGENTS = ['BLOB', 'Configuration', 'Diagnostics', 'Preference'] as const;

type AnyAgent = Record<string, (...args: unknown[]) => Promise<unknown>>;

const examples = AGENTS.flatMap((agent) =>
  readdirSync(new URL(`examples/${agent}/`, FIXTURES))
    .filter((file) => file.endsWith('.request.xml'))
    .sort()
    .map((file) => ({ agent, operation: file.replace('.request.xml', '') })),
);

describe('SuperOffice Services86: every documented example', () => {
  it('has all 45 documented pairs', () => {
    expect(examples).toHaveLength(45);
  });

  it.each(examples)('$agent.$operation', async ({ agent, operation }) => {
    const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
    const listTypes = listTypeNames(read(`${agent}.wsdl`));
    const requestXml = read(`examples/${agent}/${operation}.request.xml`);
    const responseXml = read(`examples/${agent}/${operation}.response.xml`);
    const request = readDocumentedMessage(requestXml, listTypes);
    const response = readDocumentedMessage(responseXml, listTypes);

    const descriptor = AGENT_DESCRIPTORS[`${agent}Agent$`];
    const op = descriptor.operations[operation];
    expect(request.wrapper).toBe(op.input.wrapper?.name);
    const documented = new Map(request.members);
    expect([...documented.keys()].every((name) => op.input.fields.some((f) => f.name === name))).toBe(true);
    const args = op.input.fields.map((field) => documented.get(field.name));

    const { fetch, requests } = recordingFetch({ body: responseXml });
    const Agent = (generated as unknown as Record<string, new (options: object) => AnyAgent>)[`${agent}Agent`];
    const instance = new Agent({ fetch, headers: request.headers });
    const result = await instance[camelCase(operation)](...methodArguments(op.input.fields, args));

    expect(meaningDifferences(requests[0].body, requestXml)).toEqual([]);
    expect(requests[0].headers['SOAPAction']).toBe(`"http://www.superoffice.net/ws/crm/NetServer/Services86/${agent}/${operation}"`);
    const expected = op.output?.result === 'void' ? undefined : op.output?.result === 'single' ? response.members[0]?.[1] ?? null : Object.fromEntries(response.members);
    expect(result).toEqual(expected);
  });
});
