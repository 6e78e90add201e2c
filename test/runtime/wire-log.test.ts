/**
 * Seeing the wire: `onExchange` and WSDL_AGENTS_DEBUG get each exchange — URL, request headers
 * and envelope, response status, headers and text, duration, error — with credentials masked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticsAgent, SoapFaultError, SoapTransportError, type WireExchange } from '../../generated/Services86/index.js';
import { maskXml } from '../../templates/runtime/wire-log.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { SECRET_HEADERS, SECRET_HTTP_HEADERS, SECRET_TICKET, secretsIn } from '../transport/harness.js';

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const RESPONSE_TICKET = 'RespTicket-5e6f7a8b-SECRET-do-not-log';
const cacheNames =
  `<s:Envelope xmlns:s="${SOAP11}"><s:Header><Credentials xmlns="${TNS}"><Ticket>${RESPONSE_TICKET}</Ticket></Credentials></s:Header>` +
  `<s:Body><GetCacheNamesResponse xmlns="${TNS}"><Response xmlns:a="${ARRAYS}"><a:string>Lists</a:string></Response></GetCacheNamesResponse></s:Body></s:Envelope>`;
const fault = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>No</faultstring></s:Fault></s:Body></s:Envelope>`;
const WSSE_PASSWORD = 'WssePassword-0a1b2c3d-SECRET-do-not-log';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Every text form of an exchange, for looking for secrets. */
const everything = (exchanges: WireExchange[]) => JSON.stringify(exchanges) + exchanges.map((exchange) => String(exchange.error)).join('\n');
const secretMarks = (text: string) => [...secretsIn(new Error(text)), ...[RESPONSE_TICKET, WSSE_PASSWORD].filter((secret) => text.includes(secret))];

describe('onExchange', () => {
  it('gets URL, request headers and envelope, response status, headers and text, duration; credentials masked', async () => {
    const { fetch, requests } = recordingFetch({ body: cacheNames });
    const exchanges: WireExchange[] = [];
    const agent = new DiagnosticsAgent({
      endpoint: 'https://example.test/Diagnostics.svc',
      fetch,
      headers: SECRET_HEADERS,
      httpHeaders: { ...SECRET_HTTP_HEADERS, Cookie: 'session=abc', 'X-Trace': 'trace-1' },
      security: { username: 'ann', password: WSSE_PASSWORD },
      onExchange: (exchange) => exchanges.push(exchange),
    });
    await expect(agent.getCacheNames()).resolves.toEqual(['Lists']);
    expect(requests[0]?.body).toContain(SECRET_TICKET);

    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges as [WireExchange];
    expect(exchange).toMatchObject({ operation: 'Diagnostics.GetCacheNames', url: 'https://example.test/Diagnostics.svc', error: undefined });
    expect(exchange.durationMs).toBeGreaterThanOrEqual(0);
    expect(exchange.request.headers).toEqual({
      Accept: 'application/soap+xml, text/xml, */*',
      Authorization: '***',
      Cookie: '***',
      'X-Trace': '***', // every header the caller passed is masked
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: '"http://www.superoffice.net/ws/crm/NetServer/Services86/Diagnostics/GetCacheNames"',
    });
    const body = exchange.request.body;
    expect(body).toContain('<ns1:ApplicationToken>***</ns1:ApplicationToken>');
    expect(body).toContain('<ns1:Credentials><ns1:Ticket>***</ns1:Ticket></ns1:Credentials>');
    expect(body).toMatch(/<wsse:UsernameToken><wsse:Username>\*\*\*<\/wsse:Username><wsse:Password Type="[^"]+#PasswordText">\*\*\*<\/wsse:Password><wsse:Nonce EncodingType="[^"]+">\*\*\*<\/wsse:Nonce>/);
    expect(body).toContain('<ns1:GetCacheNames></ns1:GetCacheNames>');
    expect(exchange.response).toMatchObject({ status: 200, statusText: '', headers: { 'content-type': 'text/xml; charset=utf-8' } });
    expect(exchange.response?.body).toBe(cacheNames.replace(RESPONSE_TICKET, '***'));
    expect(secretMarks(everything(exchanges))).toEqual([]);
  });

  it('gets the error: a fault with its response, a network failure without one', async () => {
    const exchanges: WireExchange[] = [];
    const onExchange = (exchange: WireExchange) => exchanges.push(exchange);
    const faulting = new DiagnosticsAgent({ fetch: recordingFetch({ body: fault, status: 500 }).fetch, onExchange });
    await expect(faulting.flushCaches()).rejects.toBeInstanceOf(SoapFaultError);
    const failing = new DiagnosticsAgent({ fetch: () => Promise.reject(new TypeError('fetch failed')), onExchange });
    await expect(failing.flushCaches()).rejects.toBeInstanceOf(SoapTransportError);

    expect(exchanges[0]?.error).toBeInstanceOf(SoapFaultError);
    expect(exchanges[0]?.response).toMatchObject({ status: 500, body: fault });
    expect(exchanges[1]?.error).toBeInstanceOf(SoapTransportError);
    expect(exchanges[1]?.response).toBeUndefined();
  });

  it('a hook that throws changes nothing about the call', async () => {
    const agent = new DiagnosticsAgent({
      fetch: recordingFetch({ body: cacheNames }).fetch,
      onExchange: () => {
        throw new Error('faulty hook');
      },
    });
    await expect(agent.getCacheNames()).resolves.toEqual(['Lists']);
  });

  it('over the Node transport: the response headers as sent, Set-Cookie masked', async () => {
    const server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Set-Cookie': ['a=1', 'b=2'], 'X-Server': 'test' });
        response.end(cacheNames);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const exchanges: WireExchange[] = [];
      const { port } = server.address() as AddressInfo;
      const agent = new DiagnosticsAgent({ endpoint: `http://127.0.0.1:${port}/x`, transport: 'node', onExchange: (exchange) => exchanges.push(exchange) });
      await agent.getCacheNames();
      expect(exchanges[0]?.response?.headers).toMatchObject({ 'content-type': 'text/xml; charset=utf-8', 'set-cookie': '***', 'x-server': 'test' });
      expect(exchanges[0]?.response?.body).toBe(cacheNames.replace(RESPONSE_TICKET, '***'));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('WSDL_AGENTS_DEBUG', () => {
  const call = async () => {
    const agent = new DiagnosticsAgent({ fetch: recordingFetch({ body: cacheNames }).fetch, headers: SECRET_HEADERS, httpHeaders: SECRET_HTTP_HEADERS });
    await agent.getCacheNames();
  };

  it('=1 logs each exchange to stderr (console.error), masked', async () => {
    vi.stubEnv('WSDL_AGENTS_DEBUG', '1');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await call();
    expect(log).toHaveBeenCalledOnce();
    const text = String(log.mock.calls[0]?.[0]);
    expect(text).toMatch(/^\[wsdl-agents\] Diagnostics\.GetCacheNames: POST https:\/\/sod\.superoffice\.com\/Cust12345\/Remote\/Services86\/Diagnostics\.svc -> HTTP 200 in \d+\.\d ms\n/);
    expect(text).toContain('\n> Authorization: ***\n');
    expect(text).toContain('<ns1:Ticket>***</ns1:Ticket>');
    expect(text).toContain('\n< <s:Envelope');
    expect(secretMarks(text)).toEqual([]);
  });

  it.each([undefined, '', '0', 'false'])('=%o logs nothing', async (value) => {
    if (value !== undefined) vi.stubEnv('WSDL_AGENTS_DEBUG', value);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await call();
    expect(log).not.toHaveBeenCalled();
  });

  it('logs and calls onExchange when both are there', async () => {
    vi.stubEnv('WSDL_AGENTS_DEBUG', 'true');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onExchange = vi.fn();
    await new DiagnosticsAgent({ fetch: recordingFetch({ body: cacheNames }).fetch, onExchange }).getCacheNames();
    expect(log).toHaveBeenCalledOnce();
    expect(onExchange).toHaveBeenCalledOnce();
  });
});

describe('maskXml', () => {
  it.each([
    ['secret leaf', '<a><Password>x</Password><User>u</User></a>', '<a><Password>***</Password><User>u</User></a>'],
    ['everything inside a secret element', '<p:Credentials xmlns:p="urn:x"><p:Ticket>t</p:Ticket><p:Other>o</p:Other></p:Credentials>', '<p:Credentials xmlns:p="urn:x"><p:Ticket>***</p:Ticket><p:Other>***</p:Other></p:Credentials>'],
    ['any case, inside the name', '<APIKEY>k</APIKEY><userPwd>p</userPwd><AccessTokenValue>v</AccessTokenValue>', '<APIKEY>***</APIKEY><userPwd>***</userPwd><AccessTokenValue>***</AccessTokenValue>'],
    ['CDATA', '<Secret><![CDATA[<s>]]></Secret>', '<Secret><![CDATA[***]]></Secret>'],
    ['attributes so named', '<Login token="abc" user="u"/>', '<Login token="***" user="u"/>'],
    ['layout and comments kept', '<Token>\n  <!-- c -->\n  <V>v</V>\n</Token>', '<Token>\n  <!-- c -->\n  <V>***</V>\n</Token>'],
    ['self-closing secret elements mask nothing after them', '<Token/><Name>n</Name>', '<Token/><Name>n</Name>'],
    ['a quoted > in an attribute', '<a b="x>y"><Password>z</Password></a>', '<a b="x>y"><Password>***</Password></a>'],
    ['not XML at all', 'Service Unavailable', 'Service Unavailable'],
  ])('%s', (_, xml, masked) => {
    expect(maskXml(xml)).toBe(masked);
  });
});
