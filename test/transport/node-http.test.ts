/**
 * What only the Node transport has: its keep-alive pool and connection limits, TLS settings
 * (a private CA, client certificates), decompression, and how an agent chooses between node:http
 * and fetch. The guarantees both transports share are in transport.test.ts, run over each.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticsAgent, SoapError, SoapResponseError, SoapTransportError, type AgentOptions, type DiagnosticsRequestHeaders } from '../../generated/Services86/index.js';
import { ENDPOINT_PATH, SECRET_HEADERS, SECRET_HTTP_HEADERS, responseHead, secretsIn, startRawServer } from './harness.js';

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const cacheNames = (names: string[]) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetCacheNamesResponse xmlns="${TNS}">` +
  `<Response xmlns:a="${ARRAYS}">${names.map((n) => `<a:string>${n}</a:string>`).join('')}</Response></GetCacheNamesResponse></s:Body></s:Envelope>`;

const tls = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url), 'utf8');
const CA = tls('ca.crt');

interface SoapServer {
  readonly url: string;
  /** Connections accepted so far, and how many were open at most at once. */
  readonly stats: { connections: number; open: number; mostOpen: number };
  readonly requests: http.IncomingMessage[];
  close(): Promise<void>;
}

type Reply = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const servers: SoapServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const answerCacheNames: Reply = (_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
  response.end(cacheNames(['Lists']));
};

/** An HTTP (or, given TLS options, HTTPS) server on 127.0.0.1 that answers each request after reading it. */
async function startServer(reply: Reply = answerCacheNames, tlsOptions?: https.ServerOptions): Promise<SoapServer> {
  const stats = { connections: 0, open: 0, mostOpen: 0 };
  const requests: http.IncomingMessage[] = [];
  const handler = (request: http.IncomingMessage, response: http.ServerResponse) => {
    requests.push(request);
    request.resume();
    request.on('end', () => reply(request, response));
  };
  const server = tlsOptions ? https.createServer(tlsOptions, handler) : http.createServer(handler);
  server.on(tlsOptions ? 'secureConnection' : 'connection', (socket: Socket) => {
    stats.connections++;
    stats.mostOpen = Math.max(stats.mostOpen, ++stats.open);
    socket.on('close', () => stats.open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const started: SoapServer = {
    url: `${tlsOptions ? 'https' : 'http'}://127.0.0.1:${port}${ENDPOINT_PATH}`,
    stats,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(started);
  return started;
}

function agent(server: SoapServer, options: Partial<AgentOptions<DiagnosticsRequestHeaders>> = {}): DiagnosticsAgent {
  return new DiagnosticsAgent({ endpoint: server.url, headers: SECRET_HEADERS, httpHeaders: SECRET_HTTP_HEADERS, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to reject');
}

describe('the connection pool', () => {
  it('calls one after another share one kept-alive connection', async () => {
    const server = await startServer();
    const diagnostics = agent(server);
    for (let i = 0; i < 5; i++) await expect(diagnostics.getCacheNames()).resolves.toEqual(['Lists']);
    expect(server.requests).toHaveLength(5);
    expect(server.stats.connections).toBe(1);
  });

  it('copies made by withHeaders share the pool of their agent', async () => {
    const server = await startServer();
    const diagnostics = agent(server, { http: { maxSockets: 4 } });
    await diagnostics.getCacheNames();
    await diagnostics.withHeaders({ ApplicationToken: 'other' }).getCacheNames();
    expect(server.stats.connections).toBe(1);
  });

  it('keepAlive: false opens a connection per call and closes it', async () => {
    const server = await startServer();
    const diagnostics = agent(server, { http: { keepAlive: false } });
    for (let i = 0; i < 3; i++) await diagnostics.getCacheNames();
    expect(server.stats.connections).toBe(3);
    expect(server.requests.every((request) => request.headers.connection === 'close')).toBe(true);
  });

  it('maxSockets bounds the connections open at once; further calls wait for one', async () => {
    let pending: (() => void)[] = [];
    const server = await startServer((_request, response) => pending.push(() => answerCacheNames(_request, response)));
    const diagnostics = agent(server, { http: { maxSockets: 2 } });
    const calls = Array.from({ length: 6 }, () => diagnostics.getCacheNames());
    while (server.requests.length < 6) {
      await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0));
      const answering = pending;
      pending = [];
      for (const answer of answering) answer();
    }
    await expect(Promise.all(calls)).resolves.toHaveLength(6);
    expect(server.stats.mostOpen).toBe(2);
  });

  it('a call that times out while waiting for a connection leaves the pool as it was', async () => {
    let release: (() => void) | undefined;
    const server = await startServer((request, response) => {
      if (server.requests.length === 1) release = () => answerCacheNames(request, response);
      else answerCacheNames(request, response);
    });
    const diagnostics = agent(server, { http: { maxSockets: 1 } });
    const first = diagnostics.getCacheNames();
    await vi.waitFor(() => expect(release).toBeDefined());
    const queued = await rejection(diagnostics.getCacheNames({ timeout: 100 }));
    expect(queued).toBeInstanceOf(SoapTransportError);
    expect(queued).toMatchObject({ reason: 'timeout' });
    release!();
    await expect(first).resolves.toEqual(['Lists']);
    await expect(diagnostics.getCacheNames()).resolves.toEqual(['Lists']);
    expect(server.requests).toHaveLength(2); // the timed-out call never reached the server
    expect(server.stats.connections).toBe(1);
  });

  it('a connection the server closed while idle is not reused: the next call opens another', async () => {
    // a raw server that keeps the connection after its answer, announces no timeout, and closes it 100 ms later
    const raw = await startRawServer((socket) => {
      const body = Buffer.from(cacheNames(['Lists']));
      socket.write(Buffer.concat([Buffer.from(responseHead('200 OK', { Connection: 'keep-alive', 'Content-Type': 'text/xml', 'Content-Length': body.length })), body]));
      setTimeout(() => socket.end(), 100);
    });
    try {
      const diagnostics = new DiagnosticsAgent({ endpoint: raw.url });
      await expect(diagnostics.getCacheNames()).resolves.toEqual(['Lists']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(diagnostics.getCacheNames()).resolves.toEqual(['Lists']);
      expect(raw.connections).toHaveLength(2);
      expect(raw.requests).toHaveLength(2);
    } finally {
      await raw.close();
    }
  });

  it('sends Content-Length (no chunked request body) and asks for compression', async () => {
    const server = await startServer();
    await agent(server).getCacheNames();
    const [request] = server.requests;
    expect(request?.headers['content-length']).toMatch(/^\d+$/);
    expect(request?.headers['transfer-encoding']).toBeUndefined();
    expect(request?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it("keeps the caller's Accept-Encoding", async () => {
    const server = await startServer();
    await agent(server, { httpHeaders: { 'accept-encoding': 'identity' } }).getCacheNames();
    expect(server.requests[0]?.headers['accept-encoding']).toBe('identity');
  });
});

describe('TLS', () => {
  const serverTls = { key: tls('server.key'), cert: tls('server.crt') };

  it('trusts a private CA given as http.ca', async () => {
    const server = await startServer(answerCacheNames, serverTls);
    await expect(agent(server, { http: { ca: CA } }).getCacheNames()).resolves.toEqual(['Lists']);
  });

  it("refuses a certificate of a CA it does not know: SoapTransportError 'network', no secret in it", async () => {
    const server = await startServer(answerCacheNames, serverTls);
    const error = await rejection(agent(server).getCacheNames());
    expect(error).toBeInstanceOf(SoapTransportError);
    expect(error).toMatchObject({ reason: 'network' });
    expect(error.message).toMatch(/certificate/);
    expect(secretsIn(error)).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('rejectUnauthorized: false accepts it (for test servers)', async () => {
    const server = await startServer(answerCacheNames, serverTls);
    await expect(agent(server, { http: { rejectUnauthorized: false } }).getCacheNames()).resolves.toEqual(['Lists']);
  });

  it('presents a client certificate (cert and key) to a server that requires one', async () => {
    const server = await startServer(answerCacheNames, { ...serverTls, ca: CA, requestCert: true, rejectUnauthorized: true });
    const withCertificate = agent(server, { http: { ca: CA, cert: tls('client.crt'), key: tls('client.key') } });
    await expect(withCertificate.getCacheNames()).resolves.toEqual(['Lists']);
    const peer = (server.requests[0]?.socket as TLSSocket).getPeerCertificate();
    expect(peer.subject.CN).toBe('wsdl-agents test client');

    const without = await rejection(agent(server, { http: { ca: CA } }).getCacheNames());
    expect(without).toBeInstanceOf(SoapTransportError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('compressed responses', () => {
  const body = cacheNames(['Lists', 'Ærø 😀']);
  it.each([
    ['gzip', 'gzip', gzipSync],
    ['x-gzip', 'gzip', gzipSync],
    ['deflate', 'zlib-wrapped', deflateSync],
    ['deflate', 'raw (as some servers send it)', deflateRawSync],
    ['br', 'Brotli', brotliCompressSync],
  ])('Content-Encoding %s (%s) is decompressed', async (encoding, _, compress) => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Encoding': encoding });
      response.end(compress(Buffer.from(body)));
    });
    await expect(agent(server).getCacheNames()).resolves.toEqual(['Lists', 'Ærø 😀']);
  });

  it('an empty body under Content-Encoding gzip is an empty body (a one-way answer), not a truncated stream', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(202, { 'Content-Encoding': 'gzip' });
      response.end();
    });
    await expect(agent(server).logViewState('x')).resolves.toBeUndefined();
  });

  it('an encoding it cannot decode → SoapResponseError naming it', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'compress' });
      response.end('\x1f\x9d...');
    });
    const error = await rejection(agent(server).getCacheNames());
    expect(error).toBeInstanceOf(SoapResponseError);
    expect(error.message).toContain('the body is encoded as "compress", which is not supported');
  });

  it('corrupt gzip → a typed error, not a crash', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
      response.end(Buffer.from('not gzip at all'));
    });
    const error = await rejection(agent(server).getCacheNames());
    expect(error).toBeInstanceOf(SoapTransportError);
    expect(error).toMatchObject({ reason: 'network' });
  });
});

describe('choosing the transport', () => {
  const fetchAnswering = () =>
    vi.fn(async (_url: string, _init: unknown) => new Response(cacheNames(['by fetch']), { headers: { 'content-type': 'text/xml' } }));

  it("'auto' sends through node:http in Node (the global fetch is not called)", async () => {
    const server = await startServer();
    const fetch = fetchAnswering();
    vi.stubGlobal('fetch', fetch);
    await expect(agent(server).getCacheNames()).resolves.toEqual(['Lists']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("'auto' uses the global fetch where process.getBuiltinModule is missing (Node before 20.16, browsers, edge runtimes)", async () => {
    const fetch = fetchAnswering();
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never);
    await expect(new DiagnosticsAgent().getCacheNames()).resolves.toEqual(['by fetch']);
    expect(fetch).toHaveBeenCalledOnce();
    expect(() => new DiagnosticsAgent({ transport: 'node' })).toThrow(
      new SoapError("Diagnostics: transport 'node' needs node:http through process.getBuiltinModule (Node 20.16 or later)"),
    );
  });

  it("transport 'fetch' uses the global fetch, as it is at the time of the call", async () => {
    const diagnostics = new DiagnosticsAgent({ transport: 'fetch' });
    const fetch = fetchAnswering();
    vi.stubGlobal('fetch', fetch);
    await expect(diagnostics.getCacheNames()).resolves.toEqual(['by fetch']);
  });

  it('contradicting options are a SoapError at construction', () => {
    const fetch = fetchAnswering();
    expect(() => new DiagnosticsAgent({ fetch, transport: 'node' })).toThrow("Diagnostics: options.fetch cannot be used with transport 'node'");
    expect(() => new DiagnosticsAgent({ fetch, http: { ca: CA } })).toThrow('Diagnostics: options.http applies to the Node transport, not to options.fetch');
    expect(() => new DiagnosticsAgent({ transport: 'fetch', http: { maxSockets: 1 } })).toThrow('Diagnostics: options.http applies to the Node transport, which is not in use');
    // @ts-expect-error not a transport
    expect(() => new DiagnosticsAgent({ transport: 'xhr' })).toThrow("Diagnostics: options.transport must be 'auto', 'node' or 'fetch'");
    // @ts-expect-error not a function
    expect(() => new DiagnosticsAgent({ fetch: 'https://example.com' })).toThrow('Diagnostics: options.fetch is not a function');
    expect(() => new DiagnosticsAgent({ fetch, transport: 'fetch', endpoint: undefined, http: undefined })).not.toThrow();
  });

  it.each([
    [{ maxSockets: 0 }, 'Diagnostics: options.http.maxSockets must be a whole number of at least 1'],
    [{ maxSockets: 1.5 }, 'Diagnostics: options.http.maxSockets must be a whole number of at least 1'],
    [{ keepAlive: 'yes' }, 'Diagnostics: options.http.keepAlive must be true or false'],
    [{ rejectUnauthorized: 0 }, 'Diagnostics: options.http.rejectUnauthorized must be true or false'],
    [{ passphrase: 1234 }, 'Diagnostics: options.http.passphrase must be a string'],
  ])('http settings Node would reject are a SoapError at construction: %o', (http, message) => {
    // @ts-expect-error deliberately wrong settings
    expect(() => new DiagnosticsAgent({ http })).toThrow(new SoapError(message));
  });

  it.each([
    ['not a URL', 'no such thing', 'the endpoint is not an absolute http: or https: URL'],
    ['another scheme', 'ftp://127.0.0.1/x', "the endpoint's scheme ftp: is not http: or https:"],
    ['credentials in the URL', `http://user:${SECRET_HEADERS.Credentials.Ticket}@127.0.0.1/x`, 'the endpoint URL carries credentials: pass them in httpHeaders instead'],
  ])('an endpoint that is %s → SoapError, nothing sent, no secret in it', async (_, endpoint, message) => {
    const error = await rejection(new DiagnosticsAgent({ endpoint }).getCacheNames());
    expect(error).toBeInstanceOf(SoapError);
    expect(error.message).toBe(message);
    expect(secretsIn(error)).toEqual([]);
  });

  it('the runtime imports no node: module (bundles for browsers never see one)', () => {
    for (const name of ['agent', 'node-http', 'transport', 'cancellation', 'security', 'wire-log']) {
      const source = readFileSync(new URL(`../../templates/runtime/${name}.ts`, import.meta.url), 'utf8');
      expect(source).not.toMatch(/\bfrom\s+['"]node:|import\(\s*['"]node:|require\(/);
    }
  });
});
