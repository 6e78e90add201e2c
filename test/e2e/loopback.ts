/** Loopback HTTP servers for the end-to-end tests: started on 127.0.0.1 port 0, closed without leftovers. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as soap from 'soap';

/** Starts listening on 127.0.0.1 at a free port; resolves to the base URL. */
export function listenOnLoopback(server: http.Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const { address, port } = server.address() as AddressInfo;
      resolve(`http://${address}:${port}`);
    });
  });
}

/** Stops accepting, drops keep-alive connections (fetch pools them) and waits for the close. */
export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections?.();
  });
}

export interface RunningSoapServer {
  readonly http: http.Server;
  readonly soap: soap.Server;
  /** The service URL, path included. */
  readonly url: string;
}

/** A node-soap server for `wsdlXml` at `path`; resolves once node-soap has parsed the WSDL. */
export async function startSoapServer(path: string, services: soap.IServices, wsdlXml: string): Promise<RunningSoapServer> {
  const server = http.createServer();
  const base = await listenOnLoopback(server);
  let soapServer!: soap.Server;
  await new Promise<void>((resolve, reject) => {
    soapServer = soap.listen(server, path, services, wsdlXml, (error: unknown) => (error ? reject(error) : resolve()));
  });
  return { http: server, soap: soapServer, url: `${base}${path}` };
}

/** One request as a plain server saw it. */
export interface RawRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface RawReply {
  readonly status?: number;
  readonly contentType?: string;
  readonly body: string;
}

/** A plain node:http server that records each request and answers with `reply(request)`. */
export async function startRawServer(reply: (request: RawRequest) => RawReply) {
  const requests: RawRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RawRequest = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const answer = reply(request);
      res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? 'text/xml; charset=utf-8' });
      res.end(answer.body);
    });
  });
  const base = await listenOnLoopback(server);
  return { http: server, base, requests };
}

/** What a promise rejected with; fails when it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}
