/**
 * The documented SuperOffice examples as snapshot tests: each call must send the documented
 * request (on meaning) and return what the documented response says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticsAgent } from '../../generated/Services86/index.js';
import { meaningDifferences } from '../helpers/xml-meaning.js';
import { recordingFetch } from '../helpers/recording-fetch.js';

const EXAMPLES = new URL('../fixtures/superoffice/Services86/examples/Diagnostics/', import.meta.url);
const example = (name: string) => readFileSync(new URL(name, EXAMPLES), 'utf8');

/** The header values every documented request carries. */
const documentedHeaders = { ApplicationToken: '1234567-1234-9876', Credentials: { Ticket: '7T:1234abcxyzExample==' } };

/** Each operation with the arguments its documented request shows, and the result its response shows. */
const cases: { operation: string; call: (agent: DiagnosticsAgent) => Promise<unknown>; result: unknown }[] = [
  { operation: 'FlushCaches', call: (agent) => agent.flushCaches(), result: undefined },
  { operation: 'FlushCachesByName', call: (agent) => agent.flushCachesByName(['']), result: undefined },
  { operation: 'LogViewState', call: (agent) => agent.logViewState(''), result: undefined },
  {
    operation: 'ChangeLogSettings',
    call: (agent) =>
      agent.changeLogSettings({
        LogWarning: false,
        LogInformation: false,
        LogSuccessAudit: false,
        LogFailureAudit: false,
        LogToEventLog: false,
        LogToSuperOffice: false,
        LogToFile: false,
        LogToTrace: false,
      }),
    result: undefined,
  },
  {
    operation: 'AddWebAppUsage',
    call: (agent) =>
      agent.addWebAppUsage([
        {
          WebAppUsageId: 0,
          AssocId: 0,
          Timestamp: new Date('2021-11-30T13:22:50Z'),
          ViewState: '',
          AggregateCount: 0,
          AggregateBin: 0,
          Version: 0,
        },
      ]),
    result: undefined,
  },
  { operation: 'CollectDataAdditions', call: (agent) => agent.collectDataAdditions(), result: undefined },
  { operation: 'CollectWinUsage', call: (agent) => agent.collectWinUsage(), result: undefined },
  { operation: 'CollectTableSizes', call: (agent) => agent.collectTableSizes(), result: undefined },
];

describe('Diagnostics: documented examples', () => {
  it('covers every documented example', async () => {
    const { readdirSync } = await import('node:fs');
    const documented = readdirSync(EXAMPLES).filter((f) => f.endsWith('.request.xml')).map((f) => f.replace('.request.xml', ''));
    expect(cases.map((c) => c.operation).sort()).toEqual(documented.sort());
  });

  it.each(cases)('$operation sends the documented request and returns the documented result', async ({ operation, call, result }) => {
    const { fetch, requests } = recordingFetch({ body: example(`${operation}.response.xml`) });
    const agent = new DiagnosticsAgent({ fetch, headers: documentedHeaders });

    await expect(call(agent)).resolves.toEqual(result);

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(meaningDifferences(request.body, example(`${operation}.request.xml`))).toEqual([]);
    expect(request.url).toBe('https://sod.superoffice.com/Cust12345/Remote/Services86/Diagnostics.svc');
    expect(request.method).toBe('POST');
    expect(request.headers['SOAPAction']).toBe(`"http://www.superoffice.net/ws/crm/NetServer/Services86/Diagnostics/${operation}"`);
    expect(request.headers['Content-Type']).toBe('text/xml; charset=utf-8');
  });
});
