/**
 * Remote WSDLs and imports, against real servers on 127.0.0.1: fetched only when given or
 * allowed, never to another scheme or host silently, with a timeout and a size limit.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WsdlError } from '../../src/errors.js';
import { findInputs, generate, generateAsync } from '../../src/generate.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';

const typesXsd = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:types" elementFormDefault="qualified">
  <xs:complexType name="Money"><xs:sequence><xs:element name="Amount" type="xs:decimal"/></xs:sequence></xs:complexType>
</xs:schema>`;

const importing = (location: string) =>
  echoWsdl({
    namespaces: ' xmlns:m="urn:types"',
    schema: `<xs:import namespace="urn:types" schemaLocation="${location}"/>`,
    output: '<xs:element name="Price" type="m:Money"/>',
  });

type Route = (url: string) => { status?: number; headers?: Record<string, string>; body?: string; hang?: boolean };

async function serve(route: Route): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const answer = route(request.url ?? '/');
    if (answer.hang) return; // never answers
    response.writeHead(answer.status ?? 200, { 'content-type': 'text/xml', ...answer.headers });
    response.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function failure(promise: Promise<unknown>): Promise<WsdlError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WsdlError);
    return error as WsdlError;
  }
  throw new Error('expected a WsdlError');
}

describe('remote WSDLs and imports', () => {
  let home: { origin: string; server: Server };
  let other: { origin: string; server: Server };

  beforeAll(async () => {
    other = await serve((url) => (url === '/types.xsd' ? { body: typesXsd } : { status: 404 }));
    home = await serve((url) => {
      switch (url) {
        case '/svc/echo.wsdl':
          return { body: importing('types.xsd') };
        case '/svc/types.xsd':
          return { body: typesXsd };
        case '/svc/away.wsdl':
          return { body: importing(`${other.origin}/types.xsd`) };
        case '/svc/passwd.wsdl':
          return { body: importing('file:///etc/passwd') };
        case '/svc/moved.wsdl':
          return { status: 301, headers: { location: '/svc/echo.wsdl' } };
        case '/svc/elsewhere.wsdl':
          return { status: 302, headers: { location: `${other.origin}/types.xsd` } };
        case '/svc/huge.wsdl':
          return { body: `${importing('types.xsd')}<!--${'x'.repeat(300_000)}-->` };
        case '/svc/slow.wsdl':
          return { hang: true };
        case '/svc/gone-import.wsdl':
          return { body: importing('gone.xsd') };
        default:
          return { status: 404, body: 'not here' };
      }
    });
  });

  afterAll(async () => {
    for (const { server } of [home, other]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('fetches a WSDL given as a URL, and its imports from the same origin', async () => {
    const { files } = await generateAsync(findInputs([`${home.origin}/svc/echo.wsdl`]));
    expect(files.get('types/types.ts')).toContain('export interface Money {');
    expect(files.get('index.ts')).toContain('// Source: echo.wsdl');
  });

  it('follows a redirect within the origin, refuses one to another host', async () => {
    await expect(generateAsync(findInputs([`${home.origin}/svc/moved.wsdl`]))).resolves.toBeDefined();
    const error = await failure(generateAsync(findInputs([`${home.origin}/svc/elsewhere.wsdl`])));
    expect(error.message).toBe(`cannot fetch ${home.origin}/svc/elsewhere.wsdl: it redirects to another host (${other.origin}); give that URL instead`);
  });

  it('refuses an import to another host unless allowed', async () => {
    const error = await failure(generateAsync(findInputs([`${home.origin}/svc/away.wsdl`])));
    expect(error.message).toMatch(
      new RegExp(`^${home.origin}/svc/away\\.wsdl:7:1: the import of "${other.origin}/types\\.xsd" is not followed: it leaves ${home.origin} \\(allow imports from other hosts with --allow-remote\\)$`),
    );
    await expect(generateAsync(findInputs([`${home.origin}/svc/away.wsdl`]), { allowRemote: true })).resolves.toBeDefined();
  });

  it('never follows file: or other schemes, even when remote imports are allowed', async () => {
    const error = await failure(generateAsync(findInputs([`${home.origin}/svc/passwd.wsdl`]), { allowRemote: true }));
    expect(error.message).toMatch(/the import of "file:\/\/\/etc\/passwd" is not followed: only http and https are read \(not file:\)/);
  });

  it('reads remote imports of a local WSDL only when allowed', async () => {
    const dir = tempFiles({ 'local.wsdl': importing(`${home.origin}/svc/types.xsd`) });
    const input = findInputs([path.join(dir, 'local.wsdl')]);
    const error = await failure(generateAsync(input));
    expect(error.message).toMatch(/is not followed: remote imports of a local WSDL are read only with --allow-remote$/);
    expect(() => generate(input)).toThrow(/remote imports of a local WSDL are read only with --allow-remote/);
    await expect(generateAsync(input, { allowRemote: true })).resolves.toBeDefined();
  });

  it('gives up after the fetch timeout, and on HTTP errors', async () => {
    const started = Date.now();
    const slow = await failure(generateAsync(findInputs([`${home.origin}/svc/slow.wsdl`]), { fetchTimeout: 200 }));
    expect(slow.message).toBe(`cannot fetch ${home.origin}/svc/slow.wsdl: no answer within 200 ms`);
    expect(Date.now() - started).toBeLessThan(2000);
    const missing = await failure(generateAsync(findInputs([`${home.origin}/svc/nothing.wsdl`])));
    expect(missing.message).toBe(`cannot fetch ${home.origin}/svc/nothing.wsdl: HTTP 404 Not Found`);
  });

  it('names the importing file, line and column when an import cannot be downloaded; by default it is left out', async () => {
    const input = findInputs([`${home.origin}/svc/gone-import.wsdl`]);
    const strict = await failure(generateAsync(input, { strict: true }));
    expect(strict.message).toBe(`${home.origin}/svc/gone-import.wsdl:7:1: cannot fetch ${home.origin}/svc/gone.xsd: HTTP 404 Not Found`);
    const { warnings } = await generateAsync(input);
    expect(warnings).toContainEqual({
      message: `cannot fetch ${home.origin}/svc/gone.xsd: HTTP 404 Not Found; the xs:import is left out (what it declares is typed unknown where it is used)`,
      loc: { file: `${home.origin}/svc/gone-import.wsdl`, line: 7, column: 1 },
    });
  });

  it('reads well-known schemas from the catalog, never from the network, even when remote imports are allowed', async () => {
    const dir = tempFiles({
      'local.wsdl': echoWsdl({
        namespaces: ' xmlns:xmime="http://www.w3.org/2005/05/xmlmime"',
        schema: '<xs:import namespace="http://www.w3.org/2005/05/xmlmime" schemaLocation="http://www.w3.org/2005/05/xmlmime"/>',
        output: '<xs:element name="Picture" type="xmime:base64Binary"/>',
      }),
    });
    const fetched: string[] = [];
    const noNetwork: typeof fetch = async (url) => {
      fetched.push(String(url));
      throw new Error('no network');
    };
    const { catalogSchemas } = await generateAsync(findInputs([path.join(dir, 'local.wsdl')]), { allowRemote: true, fetch: noNetwork });
    expect(catalogSchemas.map((schema) => schema.file)).toEqual(['xmlmime-2005-05.xsd']);
    expect(fetched).toEqual([]);
  });

  it('refuses remote and local files over the size limit', async () => {
    const remote = await failure(generateAsync(findInputs([`${home.origin}/svc/huge.wsdl`]), { maxFileBytes: 100_000 }));
    expect(remote.message).toBe(`cannot fetch ${home.origin}/svc/huge.wsdl: it is larger than the limit of 0.1 MiB (raise it with --max-file-size)`);
    const dir = tempFiles({ 'big.wsdl': `${echoWsdl()}<!--${' '.repeat(20 * 1024 * 1024)}-->` });
    const started = Date.now();
    const local = await failure(generateAsync(findInputs([path.join(dir, 'big.wsdl')])));
    expect(local.message).toBe(`"${path.join(dir, 'big.wsdl')}" is 20.0 MiB, more than the limit of 16.0 MiB (raise it with --max-file-size)`);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
