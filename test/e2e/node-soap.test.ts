/**
 * End to end over loopback HTTP: the generated DiagnosticsAgent, sending with the global fetch,
 * against a node-soap server built from the same Diagnostics WSDL. node-soap parses what the agent
 * writes (body and SOAP headers) and writes the replies the agent decodes, so both directions are
 * checked by an independent SOAP implementation. A plain node:http server answering hand-written,
 * WCF-shaped envelopes covers what SuperOffice itself sends and node-soap cannot write exactly.
 */
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  DiagnosticsAgent,
  ServiceError,
  SoapError,
  SoapFaultError,
  type DiagnosticsResponseHeaders,
  type DiagnosticsServiceError,
  type SoExceptionInfo,
} from '../../generated/Services86/index.js';
import { closeServer, rejectionOf, startRawServer, startSoapServer, type RawReply, type RunningSoapServer } from './loopback.js';

const WSDL = readFileSync(new URL('../../wsdl/Services86/Diagnostics.wsdl', import.meta.url), 'utf8');
const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ACTION = `${NS}/Diagnostics/`;
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

const agentHeaders = { ApplicationToken: 'app-token-1234', Credentials: { Ticket: '7T:ticket==' } };

type Operation = 'FlushCaches' | 'GetCacheNames' | 'FlushCachesByName';

/** One call as the node-soap handler received it. */
interface ReceivedCall {
  readonly operation: Operation;
  /** The parsed body wrapper's content (node-soap's object form). */
  readonly args: unknown;
  /** The parsed SOAP headers (node-soap's third handler argument). */
  readonly headers: unknown;
  readonly soapAction: string | undefined;
  readonly contentType: string | undefined;
}

describe('DiagnosticsAgent against a node-soap server (loopback HTTP)', () => {
  let server: RunningSoapServer;
  let received: ReceivedCall[];
  /** What each handler does with the parsed arguments; set per test. */
  let behaviour: Partial<Record<Operation, (args: unknown, callback: (result: unknown) => void) => unknown>>;
  /** The response headers node-soap adds to every reply: an object it serialises, or '' for none. */
  let responseHeaders: object | string;

  /** A node-soap handler (it always passes all four arguments): records the call, then does what the test asked. */
  const handler =
    (operation: Operation) =>
    (args: unknown, callback?: (result: unknown) => void, headers?: unknown, req?: IncomingMessage): unknown => {
      received.push({
        operation,
        args,
        headers,
        soapAction: req?.headers.soapaction as string | undefined,
        contentType: req?.headers['content-type'],
      });
      const act = behaviour[operation];
      // A returned value is the reply; undefined means the handler answers through the callback.
      return act ? act(args, callback ?? (() => undefined)) : {};
    };

  const agent = () => new DiagnosticsAgent({ endpoint: server.url, headers: agentHeaders });

  beforeAll(async () => {
    server = await startSoapServer(
      '/Remote/Services86/Diagnostics.svc',
      {
        WcfDiagnosticsService: {
          BasicHttpBinding_Diagnostics: {
            FlushCaches: handler('FlushCaches'),
            GetCacheNames: handler('GetCacheNames'),
            FlushCachesByName: handler('FlushCachesByName'),
          },
        },
      },
      WSDL,
    );
    // Called for every reply; an object is serialised by node-soap in the Services86 namespace.
    server.soap.addSoapHeader(() => responseHeaders, undefined, 'tns', NS);
  });

  afterAll(async () => {
    await closeServer(server.http);
  });

  beforeEach(() => {
    received = [];
    behaviour = {};
    responseHeaders = '';
  });

  describe('successful calls', () => {
    it('flushCaches() resolves undefined and sends the SOAP headers and SOAPAction', async () => {
      await expect(agent().flushCaches()).resolves.toBeUndefined();

      expect(received).toHaveLength(1);
      const [call] = received;
      expect(call.operation).toBe('FlushCaches');
      expect(call.soapAction).toBe(`"${ACTION}FlushCaches"`);
      expect(call.contentType).toBe('text/xml; charset=utf-8');
      expect(call.headers).toEqual({ ApplicationToken: 'app-token-1234', Credentials: { Ticket: '7T:ticket==' } });
    });

    it('getCacheNames() resolves to the strings the server returned, typed (string | null)[] | null', async () => {
      behaviour.GetCacheNames = () => ({ Response: { string: ['Lists', 'Prefs'] } });

      const names = await agent().getCacheNames();

      expectTypeOf(names).toEqualTypeOf<(string | null)[] | null>();
      // node-soap writes the items as <string> in the Services86 default namespace, not in the
      // Arrays namespace the schema gives them; the runtime matches array items by local name.
      expect(names).toEqual(['Lists', 'Prefs']);
      expect(received.map((c) => c.soapAction)).toEqual([`"${ACTION}GetCacheNames"`]);
    });

    it('getCacheNames() keeps markup characters and non-ASCII text intact', async () => {
      const tricky = ['A & B', '<Prefs>', 'Bjørn 😀', ''];
      behaviour.GetCacheNames = () => ({ Response: { string: tricky } });

      await expect(agent().getCacheNames()).resolves.toEqual(tricky);
    });

    it('getCacheNames() resolves null when the response has no <Response> element', async () => {
      behaviour.GetCacheNames = () => ({});

      await expect(agent().getCacheNames()).resolves.toBeNull();
    });

    it('flushCachesByName([...]) delivers the names, the SOAP headers and the SOAPAction to the server', async () => {
      await expect(agent().flushCachesByName(['A', 'B'])).resolves.toBeUndefined();

      expect(received).toHaveLength(1);
      const [call] = received;
      expect(call.operation).toBe('FlushCachesByName');
      expect(call.args).toEqual({ CacheNames: { string: ['A', 'B'] } });
      expect(call.headers).toMatchObject({ ApplicationToken: 'app-token-1234', Credentials: { Ticket: '7T:ticket==' } });
      expect(call.soapAction).toBe(`"${ACTION}FlushCachesByName"`);
    });

    it('flushCachesByName escapes markup in the names it sends', async () => {
      await agent().flushCachesByName(['A & <B>', 'Bjørn 😀']);

      expect(received[0].args).toEqual({ CacheNames: { string: ['A & <B>', 'Bjørn 😀'] } });
    });

    it('per-call headers replace the agent headers of the same name and add the others', async () => {
      await agent().flushCachesByName(['A'], {
        headers: { Credentials: { Ticket: '7T:other==' }, TimeZone: { SoTimeZoneId: 5, SoTimeZoneLocationCode: 'UTC' } },
      });

      // node-soap leaves header scalars as text, hence '5'.
      expect(received[0].headers).toEqual({
        ApplicationToken: 'app-token-1234',
        Credentials: { Ticket: '7T:other==' },
        TimeZone: { SoTimeZoneId: '5', SoTimeZoneLocationCode: 'UTC' },
      });
    });
  });

  describe('SOAP faults', () => {
    it('a fault thrown by the handler rejects with SoapFaultError carrying code, reason, detail and status 500', async () => {
      behaviour.FlushCaches = () => {
        // statusCode is node-soap's switch for the HTTP status; without it a fault goes out as 200.
        throw { Fault: { faultcode: 'soap:Server', faultstring: 'Cache is locked', detail: { Reason: 'x' }, statusCode: 500 } };
      };

      const error = await rejectionOf(agent().flushCaches());

      expect(error).toBeInstanceOf(SoapFaultError);
      expect(error).toBeInstanceOf(SoapError);
      const fault = error as SoapFaultError;
      expect(fault.code).toBe('soap:Server');
      expect(fault.reason).toBe('Cache is locked');
      expect(fault.status).toBe(500);
      expect(fault.detail).toMatch(/^<Reason\b[^>]*>x<\/Reason>$/);
      expect(fault.message).toBe('SOAP fault soap:Server: Cache is locked');
      expect(received).toHaveLength(1);
    });

    it('a fault passed to the handler callback rejects the same way (node-soap sends it with HTTP 200)', async () => {
      // The callback form: the handler returns undefined and calls back with { Fault }.
      behaviour.FlushCachesByName = (_args, callback) => {
        callback({ Fault: { faultcode: 'soap:Client', faultstring: 'Unknown cache' } });
        return undefined;
      };

      const error = await rejectionOf(agent().flushCachesByName(['Nope']));

      expect(error).toBeInstanceOf(SoapFaultError);
      const fault = error as SoapFaultError;
      expect(fault.code).toBe('soap:Client');
      expect(fault.reason).toBe('Unknown cache');
      expect(fault.detail).toBeUndefined();
      expect(fault.status).toBe(200);
    });

    it('a handler that throws a plain Error rejects with SoapFaultError and status 500', async () => {
      behaviour.FlushCaches = () => {
        throw new Error('disk full');
      };

      const error = await rejectionOf(agent().flushCaches());

      expect(error).toBeInstanceOf(SoapFaultError);
      expect((error as SoapFaultError).status).toBe(500);
    });

    // node-soap 1.13 writes a SOAP 1.2-shaped fault (Code/Value, Subcode, Reason/Text) inside the
    // SOAP 1.1 envelope for a plain Error; the decoder reads either vocabulary in either envelope.
    it('a handler that throws a plain Error surfaces node-soap\'s code and reason', async () => {
      behaviour.FlushCaches = () => {
        throw new Error('disk full');
      };

      const fault = (await rejectionOf(agent().flushCaches())) as SoapFaultError;

      expect(fault.code).toBe('SOAP-ENV:Server');
      expect(fault.subcodes).toEqual(['InternalServerError']);
      expect(fault.reason).toBe('Error: disk full');
    });
  });

  describe('status headers', () => {
    it('an ExceptionInfo response header rejects with a typed ServiceError carrying the headers', async () => {
      behaviour.GetCacheNames = () => ({ Response: { string: ['Lists'] } });
      responseHeaders = {
        ExceptionInfo: {
          Message: 'Ticket expired',
          StackTrace: 'at NetServer.Validate()',
          ExceptionType: 'SoSessionExpiredException',
          Source: 'NetServer',
          InnerException: { Message: 'inner', ExceptionType: 'SoException' },
          Parameters: { SoExceptionInfoParametersKeyValuePair: [{ Key: 'ticket', Value: '7T' }] },
        },
        Succeeded: false,
      };
      let seen: DiagnosticsResponseHeaders | undefined;

      const error = await rejectionOf(agent().getCacheNames({ onResponseHeaders: (headers) => (seen = headers) }));

      expect(error).toBeInstanceOf(ServiceError);
      const serviceError = error as DiagnosticsServiceError;
      expectTypeOf(serviceError.exceptionInfo).toEqualTypeOf<SoExceptionInfo | null | undefined>();
      expectTypeOf(serviceError.headers).toEqualTypeOf<DiagnosticsResponseHeaders>();
      const expectedInfo: SoExceptionInfo = {
        Message: 'Ticket expired',
        StackTrace: 'at NetServer.Validate()',
        ExceptionType: 'SoSessionExpiredException',
        Source: 'NetServer',
        InnerException: { Message: 'inner', ExceptionType: 'SoException' },
        Parameters: { ticket: '7T' },
      };
      expect(serviceError.exceptionInfo).toEqual(expectedInfo);
      expect(serviceError.exceptionInfo?.Message).toBe('Ticket expired');
      expect(serviceError.headers).toEqual({ ExceptionInfo: expectedInfo, Succeeded: false });
      expect(serviceError.status).toBe(200);
      expect(serviceError.message).toBe('SoSessionExpiredException: Ticket expired');
      expect(seen).toEqual(serviceError.headers);
    });

    it('a Succeeded false response header alone rejects with ServiceError without exceptionInfo', async () => {
      responseHeaders = { Succeeded: false };

      const error = await rejectionOf(agent().flushCaches());

      expect(error).toBeInstanceOf(ServiceError);
      const serviceError = error as DiagnosticsServiceError;
      expect(serviceError.exceptionInfo).toBeUndefined();
      expect(serviceError.headers).toEqual({ Succeeded: false });
      expect(serviceError.message).toBe('the service reported that the call did not succeed');
    });

    it('Succeeded true with ExtraInfo and TimeZone resolves and hands the typed headers to onResponseHeaders', async () => {
      behaviour.GetCacheNames = () => ({ Response: { string: ['Lists', 'Prefs'] } });
      responseHeaders = {
        ExtraInfo: {
          ExtraInfoNameValuePair: [
            { Key: 'server', Value: 'app01' },
            { Key: 'elapsed', Value: '12' },
          ],
        },
        Succeeded: true,
        TimeZone: { SoTimeZoneId: 7, SoTimeZoneLocationCode: 'NO' },
      };
      const seen: DiagnosticsResponseHeaders[] = [];

      const names = await agent().getCacheNames({ onResponseHeaders: (headers) => seen.push(headers) });

      expect(names).toEqual(['Lists', 'Prefs']);
      expect(seen).toEqual([
        {
          ExtraInfo: { server: 'app01', elapsed: '12' },
          Succeeded: true,
          TimeZone: { SoTimeZoneId: 7, SoTimeZoneLocationCode: 'NO' },
        },
      ]);
      expectTypeOf(seen[0].TimeZone?.SoTimeZoneId).toEqualTypeOf<number | undefined>();
    });
  });
});

describe('DiagnosticsAgent against hand-written WCF-shaped replies (loopback HTTP)', () => {
  let server: Awaited<ReturnType<typeof startRawServer>>;
  let reply: RawReply;

  const agent = () => new DiagnosticsAgent({ endpoint: `${server.base}/Diagnostics.svc`, headers: agentHeaders });
  /** A SOAP 1.1 envelope as WCF writes it: s: prefix, default-namespace header entries, i: for nil. */
  const envelope = (headers: string, body: string) =>
    `<s:Envelope xmlns:s="${SOAP11}"><s:Header>${headers}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;

  beforeAll(async () => {
    server = await startRawServer(() => reply);
  });

  afterAll(async () => {
    await closeServer(server.http);
  });

  beforeEach(() => {
    server.requests.length = 0;
  });

  it('an ExceptionInfo header with nil members, a Parameters dictionary and Succeeded false rejects with ServiceError', async () => {
    reply = {
      body: envelope(
        `<ExceptionInfo xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
          '<Message>Ticket expired</Message><StackTrace i:nil="true"/><FriendlyText>Please log in again</FriendlyText>' +
          '<ExceptionType>SoSessionExpiredException</ExceptionType><Source i:nil="true"/><InnerException i:nil="true"/>' +
          '<Parameters><SoExceptionInfoParametersKeyValuePair><Key>ticket</Key><Value i:nil="true"/></SoExceptionInfoParametersKeyValuePair></Parameters>' +
          '</ExceptionInfo>' +
          `<ExtraInfo xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/>` +
          `<Succeeded xmlns="${NS}">false</Succeeded>`,
        `<FlushCachesResponse xmlns="${NS}"/>`,
      ),
    };

    const error = await rejectionOf(agent().flushCaches());

    expect(error).toBeInstanceOf(ServiceError);
    const serviceError = error as DiagnosticsServiceError;
    const info: SoExceptionInfo = {
      Message: 'Ticket expired',
      StackTrace: null,
      FriendlyText: 'Please log in again',
      ExceptionType: 'SoSessionExpiredException',
      Source: null,
      InnerException: null,
      Parameters: { ticket: null },
    };
    expect(serviceError.exceptionInfo).toEqual(info);
    expect(serviceError.headers).toEqual({ ExceptionInfo: info, ExtraInfo: null, Succeeded: false });
    expect(serviceError.status).toBe(200);

    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/Diagnostics.svc');
    expect(request.headers.soapaction).toBe(`"${ACTION}FlushCaches"`);
  });

  it('a nil ExceptionInfo with Succeeded true resolves and delivers ExtraInfo through onResponseHeaders', async () => {
    reply = {
      body: envelope(
        `<ExceptionInfo xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/>` +
          `<ExtraInfo xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
          '<ExtraInfoNameValuePair><Key>server</Key><Value>app01</Value></ExtraInfoNameValuePair>' +
          '<ExtraInfoNameValuePair><Key>note</Key><Value i:nil="true"/></ExtraInfoNameValuePair>' +
          '</ExtraInfo>' +
          `<Succeeded xmlns="${NS}">true</Succeeded>`,
        `<GetCacheNamesResponse xmlns="${NS}"><Response xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays">` +
          '<a:string>Lists</a:string><a:string>Prefs</a:string></Response></GetCacheNamesResponse>',
      ),
    };
    let seen: DiagnosticsResponseHeaders | undefined;

    const names = await agent().getCacheNames({ onResponseHeaders: (headers) => (seen = headers) });

    expect(names).toEqual(['Lists', 'Prefs']);
    expect(seen).toEqual({ ExceptionInfo: null, ExtraInfo: { server: 'app01', note: null }, Succeeded: true });
    expect(server.requests[0].headers.soapaction).toBe(`"${ACTION}GetCacheNames"`);
  });
});
