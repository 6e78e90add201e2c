/**
 * The command line run from its sources (node --import tsx src/cli.ts), as a child process in a
 * scratch folder. cli.test.ts tests the compiled dist/cli.js, which it builds; these tests run the
 * same code without building it again, so the two never write dist/ at once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli.ts');
// tsx by its full path: the scratch folders the command runs in have no node_modules
const NODE_ARGUMENTS = ['--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, CLI];

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(cwd: string, ...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [...NODE_ARGUMENTS, ...args], { cwd, encoding: 'utf8', env: cliEnvironment() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A command that keeps running (mock, generate --watch), with what it has printed so far. */
export class RunningCli {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private readonly exited: Promise<number | null>;

  constructor(cwd: string, args: readonly string[]) {
    this.child = spawn(process.execPath, [...NODE_ARGUMENTS, ...args], { cwd, env: cliEnvironment() });
    this.child.stdout!.setEncoding('utf8').on('data', (text: string) => (this.stdout += text));
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves once stdout and stderr together match, failing after `timeout` ms with what was printed. */
  async waitFor(pattern: RegExp, timeout = 20_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const match = (this.stdout + this.stderr).match(pattern);
      if (match) return match;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`no ${pattern} in the output of the command:\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Resolves once stdout and stderr together hold `count` matches of the (global) pattern. */
  async waitForCount(pattern: RegExp, count: number, timeout = 20_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (((this.stdout + this.stderr).match(pattern)?.length ?? 0) < count) {
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`fewer than ${count} of ${pattern} in the output of the command:\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Sends Ctrl-C's signal and resolves to the exit code. */
  async interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }

  /** Ends the process however it is, for cleanup. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

function cliEnvironment(): NodeJS.ProcessEnv {
  // no colours or terminal width from the test runner's terminal
  return { ...process.env, FORCE_COLOR: '0', COLUMNS: '110' };
}
