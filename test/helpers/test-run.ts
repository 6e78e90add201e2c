/** vitest's global setup: the run's temporary folders (see temporary.ts), removed when it ends. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RUN_OUTPUT, RUN_TEMPORARY, TEST_OUTPUT } from './temporary.js';

export default function setup(): () => void {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  // set here, before the workers start: they inherit the environment
  const folders = [(process.env[RUN_TEMPORARY] = mkdtempSync(path.join(tmpdir(), 'wsdl-agents-tests-'))), (process.env[RUN_OUTPUT] = mkdtempSync(path.join(TEST_OUTPUT, 'run-')))];
  return () => {
    if (process.env['KEEP_TEST_OUTPUT']) {
      process.stdout.write(`test output kept in ${folders.join(' and ')}\n`);
      return;
    }
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  };
}
