/**
 * Temporary folders for tests. Under vitest each run gets one folder in the system's temporary
 * folder and one under .test-output/ (made by test/helpers/test-run.ts), removed when the run
 * ends, so thousands of runs leave nothing behind; KEEP_TEST_OUTPUT=1 keeps them to look into.
 * Outside vitest (the scoreboard and bench scripts), folders go straight into those places.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUN_TEMPORARY = 'WSDL_AGENTS_TEST_TMP';
export const RUN_OUTPUT = 'WSDL_AGENTS_TEST_OUTPUT';
export const TEST_OUTPUT = fileURLToPath(new URL('../../.test-output', import.meta.url));

/**
 * A new, empty folder whose name starts with `prefix`. `inRepo` puts it under the repository's
 * .test-output/, where generated code resolves @types/node and is an ES module.
 */
export function temporaryFolder(prefix: string, options: { inRepo?: boolean } = {}): string {
  const parent = options.inRepo ? (process.env[RUN_OUTPUT] ?? TEST_OUTPUT) : (process.env[RUN_TEMPORARY] ?? tmpdir());
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(path.join(parent, prefix));
}
