/** How the runtime turns every kind of response into a value or a typed error. */
import { describe, expect, it } from 'vitest';
import {
  DiagnosticsAgent,
  ServiceError,
  SoapFaultError,
  SoapHttpError,
  SoapResponseError,
  SoapTransportError,
  type DiagnosticsServiceError,
} from '../../generated/Services86/index.js';
import { recordingFetch } from '../helpers/recording-fetch.js';

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

const envelope11 = (body: string, header = '') =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
  `${header ? `<s:Header>${header}</s:Header>` : ''}<s:Body>${body}</s:Body></s:Envelope>`;

const cacheNames = (inner: string) =>
  envelope11(`<GetCacheNamesResponse xmlns="${TNS}"><Response xmlns:a="${ARRAYS}">${inner}</Response></GetCacheNamesResponse>`);

function agentAnswering(body: string, status = 200, contentType = 'text/xml; charset=utf-8') {
  const { fetch } = recordingFetch({ body, status, contentType });
  return new DiagnosticsAgent({ fetch, headers: { ApplicationToken: 'app-token-secret', Credentials: { Ticket: 'ticket-secret' } } });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to reject');
}

describe('decoding values', () => {
  it.each([
    ['items, nil and empty', '<a:string>x</a:string><a:string i:nil="true"/><a:string></a:string><a:string/>', ['x', null, '', '']],
    ['no items', '', []],
    ['entities, character references and CDATA', '<a:string>a&amp;b&lt;&#x1F600;</a:string><a:string><![CDATA[<raw>]]></a:string>', ['a&b<😀', '<raw>']],
    ['significant whitespace kept', '<a:string>  two  </a:string>', ['  two  ']],
    ['unknown elements skipped (a newer server)', '<a:string>x</a:string><a:future><a:string>no</a:string></a:future>', ['x']],
    ['unqualified items matched by name', '<string xmlns="">y</string>', ['y']],
  ])('%s', async (_, inner, expected) => {
    await expect(agentAnswering(cacheNames(inner)).getCacheNames()).resolves.toEqual(expected);
  });

  it('reads an absent optional result as null and a nil one as null', async () => {
    await expect(agentAnswering(envelope11(`<GetCacheNamesResponse xmlns="${TNS}"/>`)).getCacheNames()).resolves.toBeNull();
    await expect(agentAnswering(envelope11(`<GetCacheNamesResponse xmlns="${TNS}"><Response i:nil="true"/></GetCacheNamesResponse>`)).getCacheNames()).resolves.toBeNull();
  });

  it('accepts a SOAP 1.2 envelope and a UTF-8 body split across chunks', async () => {
    const body = cacheNames('<a:string>Ærø 😀</a:string>').replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope');
    const bytes = new TextEncoder().encode(body);
    const agent = new DiagnosticsAgent({
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
              controller.close();
            },
          }),
        ),
    });
    await expect(agent.getCacheNames()).resolves.toEqual(['Ærø 😀']);
  });

  it('delivers typed response headers to onResponseHeaders, per call', async () => {
    const header =
      `<h:Succeeded xmlns:h="${TNS}">true</h:Succeeded>` +
      `<h:ExtraInfo xmlns:h="${TNS}"><h:ExtraInfoNameValuePair><h:Key>a</h:Key><h:Value>1</h:Value></h:ExtraInfoNameValuePair>` +
      `<h:ExtraInfoNameValuePair><h:Key>__proto__</h:Key><h:Value i:nil="true"/></h:ExtraInfoNameValuePair></h:ExtraInfo>` +
      `<h:TimeZone xmlns:h="${TNS}"><h:SoTimeZoneId>7</h:SoTimeZoneId><h:SoTimeZoneLocationCode>NO</h:SoTimeZoneLocationCode></h:TimeZone>`;
    const agent = agentAnswering(envelope11(`<FlushCachesResponse xmlns="${TNS}"/>`, header));
    let seen: unknown;
    await agent.flushCaches({ onResponseHeaders: (headers) => (seen = headers) });
    expect(seen).toEqual({ Succeeded: true, ExtraInfo: { a: '1', ['__proto__']: null }, TimeZone: { SoTimeZoneId: 7, SoTimeZoneLocationCode: 'NO' } });
    expect(Object.getPrototypeOf((seen as { ExtraInfo: object }).ExtraInfo)).toBe(Object.prototype);
  });
});

describe('errors', () => {
  it('a SOAP 1.1 Fault → SoapFaultError with code, reason, detail and status', async () => {
    const body = envelope11(
      '<s:Fault><faultcode>s:Client</faultcode><faultstring>Bad ticket</faultstring><faultactor>urn:x</faultactor>' +
        '<detail><e:Info xmlns:e="urn:e">expired</e:Info></detail></s:Fault>',
    );
    const error = await rejection(agentAnswering(body, 500).flushCaches());
    expect(error).toBeInstanceOf(SoapFaultError);
    expect(error).toMatchObject({ code: 's:Client', reason: 'Bad ticket', actor: 'urn:x', detail: '<e:Info xmlns:e="urn:e">expired</e:Info>', status: 500 });
    expect(error.message).toBe('SOAP fault s:Client: Bad ticket');
  });

  it('a SOAP 1.2 Fault with subcodes and no detail → SoapFaultError', async () => {
    const body =
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>' +
      '<env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:Timeout</env:Value><env:Subcode><env:Value>m:Late</env:Value></env:Subcode></env:Subcode></env:Code>' +
      '<env:Reason><env:Text xml:lang="en">Too late</env:Text><env:Text xml:lang="no">For sent</env:Text></env:Reason>' +
      '</env:Fault></env:Body></env:Envelope>';
    const error = await rejection(agentAnswering(body, 500, 'application/soap+xml').flushCaches());
    expect(error).toBeInstanceOf(SoapFaultError);
    expect(error).toMatchObject({ code: 'env:Sender', subcodes: ['m:Timeout', 'm:Late'], reason: 'Too late', detail: undefined, status: 500 });
  });

  it('an ExceptionInfo header → ServiceError carrying it and the headers', async () => {
    const header =
      `<h:ExceptionInfo xmlns:h="${TNS}"><h:Message>No access</h:Message><h:ExceptionType>SoSecurityException</h:ExceptionType>` +
      `<h:Parameters><h:SoExceptionInfoParametersKeyValuePair><h:Key>table</h:Key><h:Value>contact</h:Value></h:SoExceptionInfoParametersKeyValuePair></h:Parameters></h:ExceptionInfo>` +
      `<h:Succeeded xmlns:h="${TNS}">false</h:Succeeded>`;
    const error = await rejection(agentAnswering(envelope11(`<FlushCachesResponse xmlns="${TNS}"/>`, header)).flushCaches());
    expect(error).toBeInstanceOf(ServiceError);
    const serviceError = error as DiagnosticsServiceError;
    expect(serviceError.exceptionInfo?.Message).toBe('No access');
    expect(serviceError.exceptionInfo?.Parameters).toEqual({ table: 'contact' });
    expect(serviceError.headers.Succeeded).toBe(false);
    expect(serviceError.message).toBe('SoSecurityException: No access');
    expect(serviceError.status).toBe(200);
  });

  it('Succeeded false without ExceptionInfo → ServiceError', async () => {
    const error = await rejection(agentAnswering(envelope11(`<FlushCachesResponse xmlns="${TNS}"/>`, `<h:Succeeded xmlns:h="${TNS}">0</h:Succeeded>`)).flushCaches());
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).exceptionInfo).toBeUndefined();
  });

  const replies: { name: string; body: string; status: number; kind: typeof SoapHttpError | typeof SoapResponseError; message: RegExp }[] = [
    { name: 'an HTML error page with 500', body: '<!doctype html><html><body><h1>Internal Server Error</h1></body></html>', status: 500, kind: SoapHttpError, message: /HTTP 500/ },
    { name: 'plain text with 503', body: 'Service Unavailable', status: 503, kind: SoapHttpError, message: /HTTP 503.*Service Unavailable/ },
    { name: 'an empty body with 500', body: '', status: 500, kind: SoapHttpError, message: /HTTP 500/ },
    { name: 'an HTML page with 200', body: '<html><body>login</body></html>', status: 200, kind: SoapResponseError, message: /expected a SOAP Envelope, found <html>/ },
    { name: 'plain text with 200', body: 'OK', status: 200, kind: SoapResponseError, message: /the body is not XML/ },
    { name: 'an empty body with 200', body: '', status: 200, kind: SoapResponseError, message: /the body is empty/ },
    { name: 'malformed XML with 200', body: envelope11(`<FlushCachesResponse xmlns="${TNS}">`), status: 200, kind: SoapResponseError, message: /not well-formed XML/ },
    { name: 'a truncated body with 200', body: envelope11(`<FlushCachesResponse xmlns="${TNS}"/>`).slice(0, 90), status: 200, kind: SoapResponseError, message: /not well-formed|no SOAP Body/ },
    { name: 'a DOCTYPE with 200', body: `<!DOCTYPE x [<!ENTITY a "aaaa">]>${envelope11(`<FlushCachesResponse xmlns="${TNS}"/>`)}`, status: 200, kind: SoapResponseError, message: /DOCTYPE is not allowed/ },
    { name: 'the wrong response element', body: envelope11(`<LogViewStateResponse xmlns="${TNS}"/>`), status: 200, kind: SoapResponseError, message: /expected <FlushCachesResponse>/ },
    { name: 'an envelope without Body', body: '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"/>', status: 200, kind: SoapResponseError, message: /no SOAP Body/ },
    { name: 'a valid reply with 500', body: envelope11(`<FlushCachesResponse xmlns="${TNS}"/>`), status: 500, kind: SoapHttpError, message: /HTTP 500/ },
  ];

  it.each(replies)('$name → $kind.name', async ({ body, status, kind, message }) => {
    const error = await rejection(agentAnswering(body, status).flushCaches());
    expect(error).toBeInstanceOf(kind);
    expect(error.message).toMatch(message);
    expect((error as SoapHttpError | SoapResponseError).status).toBe(status);
    expect(error.message).not.toMatch(/secret/);
  });

  it('fails fast on deep nesting and on attribute bombs', async () => {
    const deep = envelope11(`<FlushCachesResponse xmlns="${TNS}">${'<a>'.repeat(100_000)}`);
    const started = Date.now();
    const error = await rejection(agentAnswering(deep).flushCaches());
    expect(error).toBeInstanceOf(SoapResponseError);
    expect(error.message).toMatch(/elements are nested more than 256 deep/);
    const attributes = Array.from({ length: 100_000 }, (_, i) => ` a${i}="x"`).join('');
    const bomb = envelope11(`<FlushCachesResponse xmlns="${TNS}"${attributes}/>`);
    const bombed = await rejection(agentAnswering(bomb).flushCaches());
    expect(bombed.message).toMatch(/an element has more than 256 attributes/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps the start of the body on the error', async () => {
    const page = `<html><body>${'x'.repeat(5000)}</body></html>`;
    const error = (await rejection(agentAnswering(page, 502).flushCaches())) as SoapHttpError;
    expect(error.bodyStart).toBe(page.slice(0, 1024));
  });

  it('a value of the wrong type in the response → SoapResponseError naming where', async () => {
    const body = envelope11(`<FlushCachesResponse xmlns="${TNS}"/>`, `<h:Succeeded xmlns:h="${TNS}">maybe</h:Succeeded>`);
    const error = await rejection(agentAnswering(body).flushCaches());
    expect(error).toBeInstanceOf(SoapResponseError);
    expect(error.message).toMatch(/"maybe" is not a boolean at Envelope\/Header\/Succeeded/);
  });

  it('a response larger than maxResponseBytes is rejected', async () => {
    const { fetch } = recordingFetch({ body: cacheNames('<a:string>x</a:string>'.repeat(1000)) });
    const agent = new DiagnosticsAgent({ fetch, maxResponseBytes: 1000 });
    const error = await rejection(agent.getCacheNames());
    expect(error).toBeInstanceOf(SoapResponseError);
    expect(error.message).toMatch(/larger than 1000 bytes/);
  });
});

describe('transport', () => {
  const hanging = (signalSeen: (signal: AbortSignal) => void) =>
    new DiagnosticsAgent({
      fetch: (_url, init) =>
        new Promise((_, reject) => {
          init.signal.addEventListener('abort', () => reject(init.signal.reason));
          signalSeen(init.signal);
        }),
    });

  it('times out with SoapTransportError reason "timeout"', async () => {
    const error = await rejection(hanging(() => undefined).flushCaches({ timeout: 20 }));
    expect(error).toBeInstanceOf(SoapTransportError);
    expect(error).toMatchObject({ reason: 'timeout', message: 'the call timed out after 20 ms' });
  });

  it('is cancelled by the caller’s AbortSignal (per call and per agent)', async () => {
    const controller = new AbortController();
    const pending = hanging(() => controller.abort()).flushCaches({ signal: controller.signal });
    await expect(pending).rejects.toMatchObject({ reason: 'aborted' });

    const agentController = new AbortController();
    agentController.abort();
    const agent = new DiagnosticsAgent({ signal: agentController.signal, fetch: (_u, init) => Promise.reject(init.signal.reason) });
    await expect(agent.flushCaches()).rejects.toBeInstanceOf(SoapTransportError);
  });

  it('a network failure → SoapTransportError reason "network"', async () => {
    const agent = new DiagnosticsAgent({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    const error = await rejection(agent.flushCaches());
    expect(error).toMatchObject({ reason: 'network', message: 'the request failed: fetch failed' });
  });
});
