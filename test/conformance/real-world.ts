/**
 * The real-world section of the scoreboard: every WSDL of test/fixtures/real-world generated in a
 * child process of its own (real-world-worker.ts: wall time and peak memory are its own), offline
 * (imports by URL come from the fixture's URL map, well-known schemas from the generator's
 * catalog), then all generated folders type-checked strictly in one program.
 *
 * A WSDL passes (is green) when it generates under `strict` — nothing in it worked around — and
 * its output type-checks. One that does not is red; it is then also generated as users get it by
 * default (lenient: the faults the generator can work around become warnings), and `lenient` says
 * whether that generates and type-checks. A WSDL whose schemas are truly absent stays red, but
 * passes leniently.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPOSITORY_ROOT } from './corpus.js';
import { typecheckGenerated } from './generated-code.js';
import { REAL_WORLD_ROOT, realWorldWsdls, totalBytes, type RealWorldWsdl } from './real-world-fixtures.js';
import { generateRealWorld, type WorkerReport } from './real-world-generate.js';

export interface RealWorldResult {
  readonly name: string;
  readonly vendor: string;
  /** The WSDL with every file it imports, in bytes. */
  readonly bytes: number;
  readonly passed: boolean;
  /** Where it failed. */
  readonly stage?: 'generate' | 'typecheck';
  /** The first error: the WsdlError or crash, or the first type error (`(+N more)` when there are more). */
  readonly error?: string;
  readonly warnings: number;
  /** Wall time of generateAsync in its child process. */
  readonly generateMs: number;
  /** The child's peak resident memory (Node and the generator's modules included). */
  readonly maxRssKiB: number;
  /** Only for a WSDL that failed under strict: the result by default, faults worked around with warnings. */
  readonly lenient?: { readonly passed: boolean; readonly error?: string; readonly warnings: number };
}

const WORKER = fileURLToPath(new URL('./real-world-worker.ts', import.meta.url));
/** A WSDL whose generation takes longer than this is reported as a crash (a hang is a bug too). */
const WORKER_TIMEOUT_MS = 5 * 60_000;

/**
 * One after the other: two at once would measure each other's memory pressure and CPU. Each in a
 * process of its own for the scoreboard, whose times and memory are its own; `inProcess` (for the
 * test, which asserts results, not measurements) saves a process start per WSDL.
 */
export async function checkRealWorld(outputRoot: string, options: { inProcess?: boolean } = {}): Promise<RealWorldResult[]> {
  const runWorker = options.inProcess ? generateRealWorld : runWorkerProcess;
  const wsdls = realWorldWsdls();
  // the workers write here; typecheckGenerated lays the files out again with a shared runtime
  const generatedDir = (mode: Mode, wsdl: RealWorldWsdl) => path.join(outputRoot, 'generated', mode, wsdl.name);
  const folderOf = (mode: Mode, wsdl: RealWorldWsdl) => path.join(outputRoot, 'typecheck', mode, wsdl.name);
  const runs: { wsdl: RealWorldWsdl; report: WorkerReport; lenient?: WorkerReport }[] = [];
  for (const wsdl of wsdls) {
    const report = await runWorker(wsdl.name, generatedDir('strict', wsdl), 'strict');
    const lenient = report.kind !== 'generated' ? await runWorker(wsdl.name, generatedDir('lenient', wsdl), 'lenient') : undefined;
    runs.push({ wsdl, report, lenient });
  }

  const generated = new Map<string, ReadonlyMap<string, string>>();
  for (const { wsdl, report, lenient } of runs) {
    if (report.kind === 'generated') generated.set(folderOf('strict', wsdl), readGenerated(generatedDir('strict', wsdl)));
    if (lenient?.kind === 'generated') generated.set(folderOf('lenient', wsdl), readGenerated(generatedDir('lenient', wsdl)));
  }
  const diagnostics = typecheckGenerated(generated, path.join(outputRoot, 'real-world-runtime'));

  return runs.map(({ wsdl, report, lenient }) => {
    const judged = judge(report, diagnostics.get(folderOf('strict', wsdl)) ?? []);
    const result: RealWorldResult = {
      name: wsdl.name,
      vendor: wsdl.vendor,
      bytes: totalBytes(wsdl),
      ...judged,
      warnings: report.kind === 'generated' ? report.warnings.length : 0,
      generateMs: report.generateMs,
      maxRssKiB: report.maxRssKiB,
    };
    if (!lenient) return result;
    const { passed, error } = judge(lenient, diagnostics.get(folderOf('lenient', wsdl)) ?? []);
    const warnings = lenient.kind === 'generated' ? lenient.warnings.length : 0;
    return { ...result, lenient: error === undefined ? { passed, warnings } : { passed, error, warnings } };
  });
}

function judge(report: WorkerReport, diagnostics: readonly string[]): Pick<RealWorldResult, 'passed' | 'stage' | 'error'> {
  if (report.kind === 'crash') return { passed: false, stage: 'generate', error: `generator crashed: ${shorten(report.message)}` };
  if (report.kind === 'wsdlError') return { passed: false, stage: 'generate', error: shorten(report.message) };
  if (diagnostics.length === 0) return { passed: true };
  const more = diagnostics.length > 1 ? ` (+${diagnostics.length - 1} more)` : '';
  return { passed: false, stage: 'typecheck', error: `${diagnostics[0]}${more}` };
}

/** Paths inside the fixtures are named from test/fixtures/real-world/. */
function shorten(message: string): string {
  return message.split(REAL_WORLD_ROOT).join('');
}

/** The generated files in `dir`, relative path → content. */
function readGenerated(dir: string): ReadonlyMap<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  return new Map(names.sort().map((name) => [name.split(path.sep).join('/'), readFileSync(path.join(dir, name), 'utf8')]));
}

type Mode = 'strict' | 'lenient';

function runWorkerProcess(name: string, outputDir: string, mode: Mode): Promise<WorkerReport> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, name, outputDir, mode], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: WORKER_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => {
      const lastLine = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(lastLine) as WorkerReport);
      } catch {
        const why = signal ? `killed by ${signal}${signal === 'SIGTERM' ? ` (over ${WORKER_TIMEOUT_MS / 1000} s?)` : ''}` : `exit code ${code}`;
        resolve({ kind: 'crash', message: `the worker process ended without a report: ${why}; ${stderr.trim().split('\n').slice(-3).join(' | ')}`, generateMs: 0, maxRssKiB: 0 });
      }
    });
  });
}
