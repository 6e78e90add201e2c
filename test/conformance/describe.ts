/** One-line descriptions of errors for the scoreboard's reasons. */
import path from 'node:path';
import { CORPUS_ROOT } from './corpus.js';

/** Error messages name absolute paths; inside the corpus, the path from its wsdl/ folder or root is enough. */
export function shortenPaths(message: string): string {
  return message.split(path.join(CORPUS_ROOT, 'wsdl') + path.sep).join('').split(CORPUS_ROOT).join('');
}

/** An expected kind of error: its class and first line, without the body excerpt SoapResponseError appends. */
export function describeError(error: unknown): string {
  if (error === undefined) return 'no error';
  if (!(error instanceof Error)) return String(error);
  return `${error.name}: ${error.message.split('\n')[0].replace(/; the body starts: [\s\S]*$/, '')}`;
}

/** An unexpected error (a crash): as describeError, plus where it was thrown, instead of a whole stack trace. */
export function describeCrash(error: unknown): string {
  const frame = error instanceof Error ? error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim() : undefined;
  return `${describeError(error)}${frame ? ` (${frame})` : ''}`;
}
