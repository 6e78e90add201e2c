/**
 * The mock server, in this process on 127.0.0.1: generated agents call it and decode the
 * documented responses; everything it cannot answer is a SOAP Fault saying why.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../../generated/Services86/index.js';
import { AGENT_DESCRIPTORS } from '../helpers/generated-descriptors.js';
import { findInputs, generate, loadModels } from '../../src/generate.js';
import { createMockServer } from '../../src/mock/server.js';
import { camelCase } from '../../src/plan/names.js';
import { closeServer, listenOnLoopback } from '../e2e/loopback.js';
import { listTypeNames, readDocumentedMessage } from '../helpers/documented-values.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';

const SERVICES86 = path.resolve(import.meta.dirname, '../fixtures/superoffice/Services86');
const EXAMPLES = path.join(SERVICES86, 'examples');
const AGENTS = ['BLOB', 'Configuration', 'Diagnostics', 'Preference'] as const;
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const DIAGNOSTICS_PATH = '/Cust12345/Remote/Services86/Diagnostics.svc';

type AnyAgent = Record<string, (...args: unknown[]) => Promise<unknown>>;
type AgentClass = new (options: object) => AnyAgent;

let server: http.Server;
let base: string;
const log: string[] = [];

beforeAll(async () => {
  server = createMockServer({ models: loadModels(findInputs([SERVICES86])), examples: EXAMPLES, log: (line) => log.push(line) });
  base = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));

/** A raw SOAP request, as any client could send it. */
async function post(body: string, headers: Record<string, string>, url = `${base}${DIAGNOSTICS_PATH}`) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}
const envelope = (ns: string, body: string) => `<s:Envelope xmlns:s="${ns}"><s:Body>${body}</s:Body></s:Envelope>`;
const faultString = (xml: string) => /<faultstring>([^<]*)<\/faultstring>|<soap:Text xml:lang="en">([^<]*)<\/soap:Text>/.exec(xml)?.slice(1).find(Boolean);

describe('mock server: generated agents get the documented responses', () => {
  it('answers an agent generated into a fresh folder', async () => {
    const dir = tempFiles({}, { inRepo: true });
    for (const [name, content] of generate(findInputs([path.join(SERVICES86, 'Diagnostics.wsdl')])).files) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    const { DiagnosticsAgent } = (await import(path.join(dir, 'index.ts'))) as { DiagnosticsAgent: AgentClass };
    const agent = new DiagnosticsAgent({ endpoint: `${base}${DIAGNOSTICS_PATH}` });
    await expect(agent['flushCaches']!()).resolves.toBeUndefined();
    expect(log.at(-1)).toBe(`POST ${DIAGNOSTICS_PATH}: 200 Diagnostics.FlushCaches: Diagnostics/FlushCaches.response.xml`);
  });

  const examples = AGENTS.flatMap((agent) =>
    readdirSync(path.join(EXAMPLES, agent))
      .filter((file) => file.endsWith('.response.xml'))
      .sort()
      .map((file) => ({ agent, operation: file.replace('.response.xml', '') })),
  );

  it.each(examples)('$operation of $agent decodes to what the documented response says', async ({ agent, operation }) => {
    const wsdl = readFileSync(path.join(SERVICES86, `${agent}.wsdl`), 'utf8');
    const response = readDocumentedMessage(readFileSync(path.join(EXAMPLES, agent, `${operation}.response.xml`), 'utf8'), listTypeNames(wsdl));
    const Agent = (generated as unknown as Record<string, AgentClass>)[`${agent}Agent`]!;
    // the mock answers whatever the arguments: every parameter is optional in these WSDLs
    const result = await new Agent({ endpoint: `${base}/Cust12345/Remote/Services86/${agent}.svc` })[camelCase(operation)]!();
    const output = AGENT_DESCRIPTORS[`${agent}Agent$`]!.operations[operation]!.output;
    const expected = output?.result === 'void' ? undefined : output?.result === 'single' ? (response.members[0]?.[1] ?? null) : Object.fromEntries(response.members);
    expect(result).toEqual(expected);
  });

  it('an operation without an example is a SOAP Fault naming the file to add', async () => {
    const agent = new generated.DiagnosticsAgent({ endpoint: `${base}${DIAGNOSTICS_PATH}` });
    const error = await agent.getCacheNames().then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(generated.SoapFaultError);
    expect(error).toMatchObject({
      status: 500,
      code: 'soap:Server',
      reason: `the mock server has no example response for Diagnostics.GetCacheNames: add ${path.join(EXAMPLES, 'Diagnostics/GetCacheNames.response.xml')}`,
    });
  });
});

describe('mock server: finding the operation, and faults for the rest', () => {
  const getCacheNames = '<n:GetCacheNames xmlns:n="http://www.superoffice.net/ws/crm/NetServer/Services86"/>';
  const flushCaches = '<n:FlushCaches xmlns:n="http://www.superoffice.net/ws/crm/NetServer/Services86"/>';

  it('by SOAPAction, quoted or not, whatever the body and path', async () => {
    for (const action of ['"http://www.superoffice.net/ws/crm/NetServer/Services86/Diagnostics/FlushCaches"', 'http://www.superoffice.net/ws/crm/NetServer/Services86/Diagnostics/FlushCaches']) {
      const reply = await post(envelope(SOAP11, '<x/>'), { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: action }, `${base}/anywhere`);
      expect(reply).toEqual({ status: 200, contentType: 'text/xml; charset=utf-8', body: readFileSync(path.join(EXAMPLES, 'Diagnostics/FlushCaches.response.xml'), 'utf8') });
    }
  });

  it('by the first body element when there is no SOAPAction (or an empty one)', async () => {
    for (const headers of [{ 'Content-Type': 'text/xml' }, { 'Content-Type': 'text/xml', SOAPAction: '""' }] as Record<string, string>[]) {
      const reply = await post(envelope(SOAP11, `\n  ${flushCaches}`), headers);
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('FlushCachesResponse');
    }
  });

  it.each([
    ['not XML', 'hello', 'not a SOAP request: the message is not well-formed XML: missing root element'],
    ['no envelope', '<Envelope/>', 'not a SOAP request: not a SOAP message: the root element is Envelope, not a SOAP 1.1 or 1.2 Envelope'],
    ['no Body', `<s:Envelope xmlns:s="${SOAP11}"><s:Header/></s:Envelope>`, 'not a SOAP request: the SOAP envelope has no Body'],
    ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY a "b">]>${envelope(SOAP11, flushCaches)}`, 'not a SOAP request: a DOCTYPE is not allowed in a SOAP message'],
    ['an unknown operation', envelope(SOAP11, '<q:Nope xmlns:q="urn:q"/>'), 'unknown operation: no operation of the mocked WSDLs has the body element {urn:q}Nope'],
    ['an empty Body', envelope(SOAP11, ''), 'unknown operation: the request names no operation: it has no SOAP action and an empty Body'],
    ['a SOAP 1.2 envelope to a SOAP 1.1 binding', envelope(SOAP12, flushCaches), 'Diagnostics.FlushCaches speaks SOAP 1.1, but the request is a SOAP 1.2 envelope'],
  ])('%s: a SOAP Fault (Client), HTTP 500', async (_, body, reason) => {
    const reply = await post(body, { 'Content-Type': 'text/xml; charset=utf-8' });
    // the envelope's own version, when it has one
    const soap12 = body.includes(SOAP12);
    expect(reply).toMatchObject({ status: 500, contentType: soap12 ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8' });
    expect(reply.body).toContain(`<soap:Envelope xmlns:soap="${soap12 ? SOAP12 : SOAP11}">`);
    expect(faultString(reply.body)).toBe(reason);
    expect(log.at(-1)).toBe(`POST ${DIAGNOSTICS_PATH}: 500 Fault: ${reason}`);
  });

  it('an unknown SOAP action is named, and a SOAP 1.2 request gets a SOAP 1.2 Fault (Sender)', async () => {
    const reply = await post(envelope(SOAP12, '<q:Nope xmlns:q="urn:q"/>'), { 'Content-Type': 'application/soap+xml; charset=utf-8; action="urn:nope"' });
    expect(reply).toMatchObject({ status: 500, contentType: 'application/soap+xml; charset=utf-8' });
    expect(reply.body).toContain(`<soap:Envelope xmlns:soap="${SOAP12}"><soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>`);
    expect(faultString(reply.body)).toBe('unknown operation: no operation of the mocked WSDLs has the SOAP action "urn:nope" or the body element {urn:q}Nope');
    const missing = await post(envelope(SOAP11, getCacheNames), { 'Content-Type': 'text/xml' });
    expect(missing.body).toContain('<faultcode>soap:Server</faultcode>');
  });

  it('GET ?wsdl serves the WSDL at that path; other methods are 405', async () => {
    const wsdl = await fetch(`${base}${DIAGNOSTICS_PATH}?wsdl`);
    expect(wsdl.status).toBe(200);
    expect(await wsdl.text()).toBe(readFileSync(path.join(SERVICES86, 'Diagnostics.wsdl'), 'utf8'));
    const elsewhere = await fetch(`${base}/?WSDL`);
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toContain(`${DIAGNOSTICS_PATH}?wsdl`);
    const get = await fetch(`${base}${DIAGNOSTICS_PATH}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('mock server: versions, styles, several folders and example files', () => {
  const rpcBinding = `<wsdl:binding name="EchoBinding" type="tns:EchoPort">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="rpc"/>
    <wsdl:operation name="Echo"><soap:operation soapAction=""/>
      <wsdl:input><soap:body use="literal" namespace="urn:rpc"/></wsdl:input><wsdl:output><soap:body use="literal" namespace="urn:rpc"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>`;
  const rpcMessages = `<wsdl:message name="EchoRequest"><wsdl:part name="Text" type="xs:string"/></wsdl:message>
  <wsdl:message name="EchoResponse"><wsdl:part name="Result" type="xs:string"/></wsdl:message>`;
  const oneWay = (wsdl: string) =>
    wsdl.replace('<wsdl:output message="tns:EchoResponse"/>', '').replace('<wsdl:output><soap:body use="literal"/></wsdl:output>', '');
  const echo = (version: '1.1' | '1.2', address: string) =>
    echoWsdl({ soap12: version === '1.2' }).replace('http://127.0.0.1/echo', `http://127.0.0.1${address}`).replace(/soap:address/g, 'soap:address');

  async function serve(files: Record<string, string>, inputs: string[]) {
    const dir = tempFiles(files);
    const lines: string[] = [];
    const mock = createMockServer({ models: loadModels(findInputs(inputs.map((input) => path.join(dir, input)))), examples: path.join(dir, 'examples'), log: (line) => lines.push(line) });
    const url = await listenOnLoopback(mock);
    return { dir, url, lines, close: () => closeServer(mock) };
  }
  const reply = (ns: string, text: string) => envelope(ns, `<t:EchoResponse xmlns:t="urn:t"><t:Result>${text}</t:Result></t:EchoResponse>`);

  it('SOAP 1.2: the action parameter of the Content-Type, application/soap+xml back; an example that is a Fault is sent with 500', async () => {
    const mock = await serve({ 'Echo.wsdl': echo('1.2', '/echo'), 'examples/EchoPort/Echo.response.xml': reply(SOAP12, 'hi') }, ['Echo.wsdl']);
    try {
      const ok = await post(envelope(SOAP12, '<x/>'), { 'Content-Type': 'application/soap+xml; charset=utf-8; action="urn:t/Echo"' }, `${mock.url}/echo`);
      expect(ok).toEqual({ status: 200, contentType: 'application/soap+xml; charset=utf-8', body: reply(SOAP12, 'hi') });
      const faultExample = envelope(SOAP12, '<s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang="en">down</s:Text></s:Reason></s:Fault>');
      writeFileSync(path.join(mock.dir, 'examples/EchoPort/Echo.response.xml'), faultExample);
      const fault = await post(envelope(SOAP12, '<x/>'), { 'Content-Type': 'application/soap+xml; action=urn:t/Echo' }, `${mock.url}/echo`);
      expect(fault).toEqual({ status: 500, contentType: 'application/soap+xml; charset=utf-8', body: faultExample });
    } finally {
      await mock.close();
    }
  });

  it('RPC style: the operation name in the soap:body namespace; a file directly in the examples folder answers', async () => {
    const wsdl = echoWsdl({ binding: rpcBinding, messages: rpcMessages });
    const mock = await serve({ 'Echo.wsdl': wsdl, 'examples/Echo.response.xml': 'plain' }, ['Echo.wsdl']);
    try {
      const ok = await post(envelope(SOAP11, '<r:Echo xmlns:r="urn:rpc"><Text>x</Text></r:Echo>'), { 'Content-Type': 'text/xml', SOAPAction: '""' }, `${mock.url}/`);
      expect(ok).toMatchObject({ status: 200, body: 'plain' });
      expect(mock.lines).toEqual(['POST /: 200 EchoPort.Echo: Echo.response.xml']);
    } finally {
      await mock.close();
    }
  });

  it('one-way operations without an example are accepted with 202', async () => {
    const mock = await serve({ 'Echo.wsdl': oneWay(echoWsdl()), 'examples/.keep': '' }, ['Echo.wsdl']);
    try {
      const accepted = await post(envelope(SOAP11, '<t:Echo xmlns:t="urn:t"/>'), { 'Content-Type': 'text/xml' }, `${mock.url}/echo`);
      expect(accepted).toMatchObject({ status: 202, body: '' });
    } finally {
      await mock.close();
    }
  });

  it('several folders: <examples>/<folder>/<Agent>/<Op>.response.xml first; the path decides between agents that share an action', async () => {
    const mock = await serve(
      {
        'wsdl/a/Echo.wsdl': echo('1.1', '/a'),
        'wsdl/b/Echo.wsdl': echo('1.1', '/b'),
        'examples/a/EchoPort/Echo.response.xml': reply(SOAP11, 'from a'),
        'examples/EchoPort/Echo.response.xml': reply(SOAP11, 'shared'),
      },
      ['wsdl'],
    );
    try {
      const headers = { 'Content-Type': 'text/xml', SOAPAction: '"urn:t/Echo"' };
      expect((await post(envelope(SOAP11, '<x/>'), headers, `${mock.url}/a`)).body).toContain('from a');
      expect((await post(envelope(SOAP11, '<x/>'), headers, `${mock.url}/b`)).body).toContain('shared');
      const ambiguous = await post(envelope(SOAP11, '<x/>'), headers, `${mock.url}/c`);
      expect(faultString(ambiguous.body)).toBe('the request matches several operations: a/EchoPort.Echo (at /a), b/EchoPort.Echo (at /b); send it to the path of one of them');
      expect(mock.lines).toEqual(['POST /a: 200 a/EchoPort.Echo: a/EchoPort/Echo.response.xml', 'POST /b: 200 b/EchoPort.Echo: EchoPort/Echo.response.xml', expect.stringMatching(/^POST \/c: 500 Fault: the request matches several/)]);
    } finally {
      await mock.close();
    }
  });
});

describe('unusedExamples', () => {
  it('names response files no operation would be answered with, and what was probably meant', async () => {
    const { unusedExamples } = await import('../../src/mock/examples.js');
    const { mockOperations } = await import('../../src/mock/operations.js');
    const dir = tempFiles({});
    cpSync(EXAMPLES, dir, { recursive: true });
    writeFileSync(path.join(dir, 'Diagnostics/FlushCache.response.xml'), '');
    mkdirSync(path.join(dir, 'Diagnostic'));
    writeFileSync(path.join(dir, 'Diagnostic/GetCacheNames.response.xml'), '');
    writeFileSync(path.join(dir, 'Unrelated.response.xml'), '');
    expect(unusedExamples(dir, mockOperations(loadModels(findInputs([SERVICES86]))))).toEqual([
      'Diagnostic/GetCacheNames.response.xml answers no operation; did you mean Diagnostics/GetCacheNames.response.xml?',
      'Diagnostics/FlushCache.response.xml answers no operation; did you mean Diagnostics/FlushCaches.response.xml?',
      'Unrelated.response.xml answers no operation',
    ]);
  });
});
