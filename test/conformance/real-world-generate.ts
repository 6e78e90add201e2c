/**
 * Generates one real-world WSDL: `strict` refuses every fault (as --strict does); `lenient` is the
 * default, which works around the faults it can with a warning. Imports by URL are served offline
 * from the fixture's URL map (the catalog of well-known schemas is the generator's own: it needs no
 * network); any other URL is a 404. Writes the generated files to `outputDir`. The peak memory it
 * reports is the process's: its own only in a process of its own (real-world-worker.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WsdlError, formatWarning } from '../../src/errors.js';
import { findInputs, generateAsync } from '../../src/generate.js';
import { describeCrash } from './describe.js';
import { writeFiles } from './generated-code.js';
import { fixtureDir, realWorldWsdls } from './real-world-fixtures.js';

export type WorkerReport =
  | { readonly kind: 'generated'; readonly files: number; readonly warnings: readonly string[]; readonly generateMs: number; readonly maxRssKiB: number }
  | { readonly kind: 'wsdlError' | 'crash'; readonly message: string; readonly generateMs: number; readonly maxRssKiB: number };

/** URL → local file, for the fetch that stands in for the network. */
function urlMap(name: string): Map<string, string> {
  const wsdl = realWorldWsdls().find((candidate) => candidate.name === name);
  if (!wsdl) throw new Error(`no real-world fixture named "${name}"`);
  return new Map(Object.entries(wsdl.urls).map(([url, file]) => [url, path.join(fixtureDir(wsdl), file)]));
}

function offlineFetch(map: ReadonlyMap<string, string>): typeof fetch {
  return async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    const file = map.get(url);
    if (!file) return new Response('not in the offline URL map', { status: 404, statusText: 'Not Found (offline: not in the URL map)' });
    return new Response(readFileSync(file));
  };
}

export async function generateRealWorld(name: string, outputDir: string, mode: 'strict' | 'lenient'): Promise<WorkerReport> {
  const wsdl = realWorldWsdls().find((candidate) => candidate.name === name)!;
  const started = performance.now();
  let report: WorkerReport;
  try {
    const result = await generateAsync(findInputs([path.join(fixtureDir(wsdl), wsdl.wsdl)]), {
      allowRemote: true,
      strict: mode === 'strict',
      fetch: offlineFetch(urlMap(name)),
    });
    const generateMs = performance.now() - started;
    report = { kind: 'generated', files: result.files.size, warnings: result.warnings.map(formatWarning), generateMs, maxRssKiB: process.resourceUsage().maxRSS };
    writeFiles(outputDir, result.files);
  } catch (error) {
    const generateMs = performance.now() - started;
    const maxRssKiB = process.resourceUsage().maxRSS;
    report =
      error instanceof WsdlError
        ? { kind: 'wsdlError', message: error.message, generateMs, maxRssKiB }
        : { kind: 'crash', message: describeCrash(error), generateMs, maxRssKiB };
  }
  return report;
}
