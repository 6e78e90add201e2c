/**
 * Where the mock server finds the reply to an operation: the layout of SuperOffice's documented
 * examples (`<examples>/<Agent>/<Operation>.response.xml`, Agent being the portType's name), with
 * the output sub-folder in front when several folders are served
 * (`<examples>/Services86/Diagnostics/FlushCaches.response.xml`), and a file directly in
 * `<examples>` answering an operation of that name of any agent. The most specific file wins.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest } from '../cli/suggest.js';
import type { MockOperation } from './operations.js';

const RESPONSE_SUFFIX = '.response.xml';

/** The files that may answer an operation, most specific first (posix paths, relative to the examples folder). */
export function exampleCandidates(operation: MockOperation): string[] {
  const file = `${operation.name}${RESPONSE_SUFFIX}`;
  return [...(operation.group ? [`${operation.group}/${operation.agent}/${file}`] : []), `${operation.agent}/${file}`, file];
}

/** The first candidate that exists, if any. */
export function findExample(examples: string, operation: MockOperation): string | undefined {
  return exampleCandidates(operation).find((candidate) => isFile(path.join(examples, candidate)));
}

/**
 * Response files that no operation would ever be answered with (a misspelt operation or agent),
 * each with what was probably meant.
 */
export function unusedExamples(examples: string, operations: readonly MockOperation[]): string[] {
  const used = [...new Set(operations.flatMap(exampleCandidates))];
  return responseFiles(examples)
    .filter((file) => !used.includes(file))
    .map((file) => {
      const meant = closest(file, used);
      return `${file} answers no operation${meant ? `; did you mean ${meant}?` : ''}`;
    });
}

function responseFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return responseFiles(path.join(folder, entry.name), relative);
      return entry.isFile() && entry.name.endsWith(RESPONSE_SUFFIX) ? [relative] : [];
    });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
