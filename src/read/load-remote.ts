/**
 * Loading WSDLs that are, or import, http(s) URLs. The loader itself is synchronous; this runs it,
 * fetches each remote file it asks for (with a timeout and a size limit), and runs it again until
 * it has every file. Files are parsed once across the reruns.
 */
import { WsdlError } from '../errors.js';
import { decodeXmlBytes } from './decode-text.js';
import type { WsdlDocument } from './document.js';
import type { ParsedXml } from './xml.js';
import { DEFAULT_MAX_FILE_BYTES, loadWsdl, megabytes, readLocalFile, RemoteFileNeeded, type LoadOptions } from './load.js';

export interface RemoteOptions extends LoadOptions {
  /** Milliseconds for each remote file. Default 30 s. */
  readonly fetchTimeout?: number;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

const MAX_REDIRECTS = 5;

export async function loadWsdlWithRemote(location: string, options: RemoteOptions = {}): Promise<WsdlDocument> {
  const fetched = new Map<string, string>();
  // each rerun meets the files already read again: parse each once
  const parsed = new Map<string, ParsedXml>();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const readOther = options.readFile ?? ((name: string) => readLocalFile(name, maxBytes));
  // a download that failed fails the rerun where the file is read, which knows who imports it
  const failed = new Map<string, WsdlError>();
  const readFile = (name: string) => {
    const failure = failed.get(name);
    if (failure) throw failure;
    return fetched.get(name) ?? readOther(name);
  };
  for (;;) {
    try {
      return loadWsdl(location, { ...options, parsed, readFile });
    } catch (error) {
      if (!(error instanceof RemoteFileNeeded)) throw error;
      try {
        fetched.set(error.url, await fetchText(error.url, options));
      } catch (failure) {
        if (!(failure instanceof WsdlError)) throw failure;
        failed.set(error.url, failure);
      }
    }
  }
}

async function fetchText(url: string, options: RemoteOptions): Promise<string> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const timeout = options.fetchTimeout ?? 30_000;
  const fetchFunction = options.fetch ?? globalThis.fetch;
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetchFunction(current, { redirect: 'manual', signal: AbortSignal.timeout(timeout), headers: { Accept: 'text/xml, application/xml, */*' } });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeout} ms` : ((error as Error).cause as Error)?.message ?? (error as Error).message;
      throw new WsdlError(`cannot fetch ${current}: ${reason}`);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      const target = new URL(response.headers.get('location')!, current);
      await response.body?.cancel();
      // a redirect may not take the download elsewhere behind the user's back
      if (target.origin !== new URL(current).origin) {
        throw new WsdlError(`cannot fetch ${current}: it redirects to another host (${target.origin}); give that URL instead`);
      }
      if (redirects >= MAX_REDIRECTS) throw new WsdlError(`cannot fetch ${url}: more than ${MAX_REDIRECTS} redirects`);
      current = target.href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new WsdlError(`cannot fetch ${current}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    return readLimited(response, current, maxBytes);
  }
}

async function readLimited(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = () => new WsdlError(`cannot fetch ${url}: it is larger than the limit of ${megabytes(maxBytes)} (raise it with --max-file-size)`);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch((error: Error) => {
      throw new WsdlError(`cannot fetch ${url}: ${error.name === 'TimeoutError' ? 'the download timed out' : error.message}`);
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return decodeXmlBytes(Buffer.concat(chunks), url);
}
