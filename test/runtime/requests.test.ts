/** How the runtime writes requests: envelope, HTTP headers, escaping and value checks. */
import { describe, expect, it } from 'vitest';
import { DiagnosticsAgent, SoapEncodeError } from '../../generated/Services86/index.js';
import type { FieldDesc } from '../../templates/runtime/descriptors.js';
import { writeEnvelope } from '../../templates/runtime/encode.js';
import { formatDecimal, parseDateTime } from '../../templates/runtime/xml.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { parseMeaning } from '../helpers/xml-meaning.js';

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ok = (name: string) => ({ body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><${name} xmlns="${TNS}"/></s:Body></s:Envelope>` });

function recorder(options: ConstructorParameters<typeof DiagnosticsAgent>[0] = {}) {
  const { fetch, requests } = recordingFetch((request) => ok(`${/<ns1:(\w+)>/.exec(request.body.split('<soap:Body>')[1])![1]}Response`));
  return { agent: new DiagnosticsAgent({ ...options, fetch }), requests };
}

/** The text of the first element with this local name in a sent envelope. */
function textOf(xml: string, local: string): string | undefined {
  const find = (node: ReturnType<typeof parseMeaning>): string | undefined =>
    node.name === local ? node.text : node.children.map(find).find((t) => t !== undefined);
  return find(parseMeaning(xml));
}

describe('writing requests', () => {
  it('escapes markup, quotes and carriage returns so values arrive unchanged', async () => {
    const { agent, requests } = recorder();
    const value = 'a < b && c > d "q" \'s\' ]]> \r\n tab\t 😀';
    await agent.logViewState(value);
    expect(requests[0].body).toContain('a &lt; b &amp;&amp; c &gt; d &quot;q&quot; \'s\' ]]&gt; &#13;\n tab\t 😀');
    expect(textOf(requests[0].body, 'ViewState')).toBe(value);
  });

  it.each([
    ['a control character', 'a\u0001b', /LogViewState\/ViewState: the character U\+0001 cannot be sent in XML 1\.0/],
    ['a lone surrogate', 'a\uD800b', /U\+D800/],
    ['U+FFFE', '\uFFFE', /U\+FFFE/],
  ])('rejects %s with SoapEncodeError, sending nothing', async (_, value, message) => {
    const { agent, requests } = recorder();
    await expect(agent.logViewState(value)).rejects.toThrow(message);
    await expect(agent.logViewState(value)).rejects.toBeInstanceOf(SoapEncodeError);
    expect(requests).toHaveLength(0);
  });

  it('rejects values of the wrong type, naming where', async () => {
    const { agent } = recorder();
    // @ts-expect-error a string where the schema says boolean
    await expect(agent.changeLogSettings({ LogWarning: 'yes' })).rejects.toThrow('ChangeLogSettings/LogWarning: expected a boolean, got a string');
    await expect(agent.addWebAppUsage([{ Timestamp: new Date('nonsense') }])).rejects.toThrow(
      'AddWebAppUsage/WebAppUsages/WebAppUsage[0]/Timestamp: expected a valid Date, got an invalid Date',
    );
    await expect(agent.addWebAppUsage([{ WebAppUsageId: 1.5 }])).rejects.toThrow('WebAppUsageId: expected an integer, got 1.5');
  });

  it('writes null as xsi:nil, leaves undefined out, and writes [] as an empty element', async () => {
    const { agent, requests } = recorder();
    await agent.flushCachesByName(null);
    await agent.flushCachesByName(undefined);
    await agent.flushCachesByName([]);
    await agent.flushCachesByName(['a', null]);
    const bodies = requests.map((r) => r.body.split('<soap:Body>')[1]);
    expect(bodies[0]).toContain('<ns1:FlushCachesByName><ns1:CacheNames xsi:nil="true"/></ns1:FlushCachesByName>');
    expect(bodies[1]).toContain('<ns1:FlushCachesByName></ns1:FlushCachesByName>');
    expect(bodies[2]).toContain('<ns1:CacheNames></ns1:CacheNames>');
    expect(bodies[3]).toContain('<ns1:CacheNames><ns2:string>a</ns2:string><ns2:string xsi:nil="true"/></ns1:CacheNames>');
    expect(requests[3].body).toContain('xmlns:ns2="http://schemas.microsoft.com/2003/10/Serialization/Arrays"');
  });

  it('writes base members first, lists space-separated, dictionaries as key/value pairs', async () => {
    const { agent, requests } = recorder();
    await agent.addWebAppUsage([
      { Version: 3, TableRight: { Mask: ['Select', 'Update'], Reason: '' }, FieldProperties: { Name: { FieldLength: 40 }, Gone: null } },
    ]);
    expect(requests[0].body).toContain(
      '<ns1:WebAppUsage><ns1:TableRight><ns1:Mask>Select Update</ns1:Mask><ns1:Reason></ns1:Reason></ns1:TableRight>' +
        '<ns1:FieldProperties><ns1:FieldPropertyDictionaryKeyValuePair><ns1:Key>Name</ns1:Key><ns1:Value><ns1:FieldLength>40</ns1:FieldLength></ns1:Value></ns1:FieldPropertyDictionaryKeyValuePair>' +
        '<ns1:FieldPropertyDictionaryKeyValuePair><ns1:Key>Gone</ns1:Key><ns1:Value xsi:nil="true"/></ns1:FieldPropertyDictionaryKeyValuePair></ns1:FieldProperties>' +
        '<ns1:Version>3</ns1:Version></ns1:WebAppUsage>',
    );
  });

  it('sends agent headers, replaced per call or per copy, and never a header left undefined', async () => {
    const { agent, requests } = recorder({ headers: { ApplicationToken: 'app', Credentials: { Ticket: 'one' } } });
    await agent.flushCaches();
    await agent.flushCaches({ headers: { Credentials: { Ticket: 'two' }, TimeZone: { SoTimeZoneId: 5 } } });
    await agent.withHeaders({ Credentials: null }).flushCaches();
    const headerOf = (i: number) => requests[i].body.split('<soap:Header>')[1]?.split('</soap:Header>')[0];
    expect(headerOf(0)).toBe('<ns1:ApplicationToken>app</ns1:ApplicationToken><ns1:Credentials><ns1:Ticket>one</ns1:Ticket></ns1:Credentials>');
    expect(headerOf(1)).toBe(
      '<ns1:ApplicationToken>app</ns1:ApplicationToken><ns1:Credentials><ns1:Ticket>two</ns1:Ticket></ns1:Credentials><ns1:TimeZone><ns1:SoTimeZoneId>5</ns1:SoTimeZoneId></ns1:TimeZone>',
    );
    expect(headerOf(2)).toBe('<ns1:ApplicationToken>app</ns1:ApplicationToken><ns1:Credentials xsi:nil="true"/>');
    await agent.flushCaches();
    expect(headerOf(3)).toBe(headerOf(0));
    const bare = recorder();
    await bare.agent.flushCaches();
    expect(bare.requests[0].body).not.toContain('<soap:Header>');
  });

  it('posts to the given endpoint with extra HTTP headers', async () => {
    const { agent, requests } = recorder({ endpoint: 'http://127.0.0.1:1/x.svc', httpHeaders: { Authorization: 'Bearer t' } });
    await agent.flushCaches();
    expect(requests[0]).toMatchObject({ url: 'http://127.0.0.1:1/x.svc', method: 'POST' });
    expect(requests[0].headers).toMatchObject({ Authorization: 'Bearer t', 'Content-Type': 'text/xml; charset=utf-8' });
  });

  it('writes SOAP 1.2 envelopes for SOAP 1.2 bindings', () => {
    const field: FieldDesc = { name: 'A', ns: 'urn:t', type: 'string' };
    const xml = writeEnvelope({ soapVersion: '1.2', headers: [], body: { wrapper: { name: 'Op', ns: 'urn:t' }, fields: [field], values: ['x'] } });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns1="urn:t">' +
        '<soap:Body><ns1:Op><ns1:A>x</ns1:A></ns1:Op></soap:Body></soap:Envelope>',
    );
  });

  it('declares SOAP encoding on the wrapper and types encoded parts with xsi:type', () => {
    const xml = writeEnvelope({
      soapVersion: '1.1',
      headers: [],
      body: {
        wrapper: { name: 'Echo', ns: 'urn:rpc' },
        encoding: 'http://schemas.xmlsoap.org/soap/encoding/',
        fields: [{ name: 'count', ns: '', type: 'integer', xsiType: ['http://www.w3.org/2001/XMLSchema', 'int'] }],
        values: [3],
      },
    });
    expect(xml).toContain(
      'xmlns:ns1="urn:rpc" xmlns:ns2="http://www.w3.org/2001/XMLSchema"><soap:Body><ns1:Echo soap:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><count xsi:type="ns2:int">3</count></ns1:Echo>',
    );
  });

  it.each<[string, FieldDesc['type'], unknown, string]>([
    ['a date without fractional seconds', 'dateTime', new Date('2021-11-30T13:22:50Z'), '2021-11-30T13:22:50Z'],
    ['a date with milliseconds', 'dateTime', new Date('2021-11-30T13:22:50.120Z'), '2021-11-30T13:22:50.120Z'],
    ['a large decimal, never in exponent form', 'decimal', 1e21, '1000000000000000000000'],
    ['a small decimal', 'decimal', 1.5e-7, '0.00000015'],
    ['an infinite double', 'double', -Infinity, '-INF'],
    ['NaN', 'double', NaN, 'NaN'],
    ['bytes as base64', 'base64Binary', new Uint8Array([0, 255, 16]), 'AP8Q'],
    ['bytes as hex', 'hexBinary', new Uint8Array([0, 255, 16]), '00FF10'],
    ['an unqualified element', 'integer', 7, '7'],
  ])('formats %s', (_, type, value, text) => {
    const xml = writeEnvelope({ soapVersion: '1.1', headers: [], body: { fields: [{ name: 'V', ns: '', type }], values: [value] } });
    expect(xml).toContain(`<soap:Body><V>${text}</V></soap:Body>`);
  });
});

describe('xs:dateTime and xs:decimal text', () => {
  it.each([
    ['2021-11-30T13:22:50Z', '2021-11-30T13:22:50.000Z'],
    ['2021-11-30T13:22:50', '2021-11-30T13:22:50.000Z'],
    ['2021-11-30T13:22:50.1234567+01:00', '2021-11-30T12:22:50.123Z'],
    ['2021-11-30T13:22:50-05:30', '2021-11-30T18:52:50.000Z'],
  ])('parses %s', (text, iso) => {
    expect(parseDateTime(text).toISOString()).toBe(iso);
  });

  it.each(['2021-11-30', 'yesterday', '2021-13-45T99:00:00Z'])('rejects %s', (text) => {
    expect(() => parseDateTime(text)).toThrow(/is not an xs:dateTime/);
  });

  it.each([
    [0, '0'],
    [-12.5, '-12.5'],
    [1.23e25, '12300000000000000000000000'],
    [-4.5e-10, '-0.00000000045'],
  ])('formats %d as %s', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });
});
