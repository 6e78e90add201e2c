/**
 * Child processes for the new-user test, run asynchronously: the SOAP server the client calls
 * lives in the test's own process, so a blocking spawn would stop it from answering.
 */
import { execFile } from 'node:child_process';

export interface Finished {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; rejects with everything it printed when it fails or runs too long. */
export function run(command: string, args: readonly string[], options: { cwd: string; timeoutMs?: number }): Promise<Finished> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const how = error.killed ? `was stopped after ${options.timeoutMs ?? 120_000} ms` : `exited with ${error.code}`;
        reject(new Error(`\`${[command, ...args].join(' ')}\` in ${options.cwd} ${how}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}
