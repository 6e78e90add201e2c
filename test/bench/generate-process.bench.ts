/**
 * 7. Generation as a build step sees it: each generator's CLI as a whole process (Node's start
 * and module loading included), ours built (dist/cli.js) against wsdl-tsclient's CLI, on
 * Diagnostics.wsdl and on all of wsdl/, with unchanged inputs (our manifest: nothing to do) and
 * changed ones (a full run); then the largest real-world WSDLs: time and peak memory of
 * generation, the output's size against the WSDL's, and `tsc --noEmit` on each output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_DIR, ROOT, WSDL_DIR } from './fixtures.js';
import { formatMs, formatNumber, spread, table } from './harness.js';

const RUNS = 5;
const WORK = path.join(OUTPUT_DIR, 'generate-process');
const OUR_CLI = path.join(ROOT, 'dist/cli.js');
const THEIR_CLI = path.join(ROOT, 'node_modules/wsdl-tsclient/dist/src/cli.js');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
/** Preloaded into each measured process: its peak resident memory, written when it exits. */
const PEAK = path.join(WORK, 'peak-rss.cjs');
/** The real-world WSDLs of 2 MB and more with their imports (see test/fixtures/real-world). */
const LARGEST = ['e-conomic/economic.wsdl', 'workday-revenue/workday.wsdl', 'virtualbox/vboxweb.wsdl'];

interface Measured {
  readonly ms: number;
  readonly peakMiB: number;
  readonly ok: boolean;
}

/** One whole process: wall time, and the peak RSS it reports through the preload. */
function measure(args: readonly string[], cwd = WORK): Measured {
  const report = path.join(WORK, `peak-${process.pid}.txt`);
  rmSync(report, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--require', PEAK, ...args], { cwd, env: { ...process.env, PEAK_RSS_FILE: report }, encoding: 'utf8' });
  const ms = performance.now() - start;
  let peakMiB = 0;
  try {
    peakMiB = Number(readFileSync(report, 'utf8')) / 1024;
  } catch {
    // a process that never exited normally reports nothing
  }
  return { ms, peakMiB, ok: run.status === 0 };
}

function repeated(run: () => Measured): { median: number; min: number; max: number; peakMiB: number; ok: boolean } {
  const runs = Array.from({ length: RUNS }, run);
  return { ...spread(runs.map((r) => r.ms)), peakMiB: Math.max(...runs.map((r) => r.peakMiB)), ok: runs.every((r) => r.ok) };
}

function folderBytes(folder: string, filter: (name: string) => boolean = () => true): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => filter(name) && statSync(path.join(folder, name)).isFile())
    .reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0);
}

function tsFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name));
}

/** `tsc --noEmit` over a generated folder, strict, as a client project would; node-soap's types for wsdl-tsclient's. */
function typecheck(folder: string): Measured {
  const options = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules/@types')];
  return measure([TSC, ...options, ...tsFiles(folder)], ROOT);
}

export async function runGenerateProcessBench(): Promise<string> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  writeFileSync(PEAK, "process.on('exit', () => require('node:fs').writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });

  // a project of its own (node_modules/.cache holds our stamp), with a copy of wsdl/ to change
  const project = path.join(WORK, 'project');
  mkdirSync(path.join(project, 'node_modules'), { recursive: true });
  const wsdls = readdirSync(WSDL_DIR).filter((name) => name.endsWith('.wsdl')).sort();
  for (const name of wsdls) {
    mkdirSync(path.join(project, 'wsdl'), { recursive: true });
    copyFileSync(path.join(WSDL_DIR, name), path.join(project, 'wsdl', name));
  }
  const ours = (inputs: string[], out: string) => () => measure([OUR_CLI, 'generate', ...inputs, '--out', out, '--quiet'], project);
  const theirs = (inputs: string[], out: string) => () => measure([THEIR_CLI, ...inputs, '-o', path.join(project, out), '--quiet'], project);
  const touch = (files: string[]) => {
    for (const file of files) appendFileSync(path.join(project, file), '\n');
  };

  const cases = [
    { label: 'Diagnostics.wsdl', inputs: ['wsdl/Diagnostics.wsdl'] },
    { label: `all of wsdl/ (${wsdls.length} WSDLs)`, inputs: ['wsdl'] },
  ];
  const rows: string[][] = [];
  const ratios: string[][] = [];
  for (const { label, inputs } of cases) {
    const theirInputs = inputs[0] === 'wsdl' ? wsdls.map((name) => `wsdl/${name}`) : inputs;
    const out = `out-${label.length}`;
    ours(inputs, out)(); // the first run writes the output, the manifest and the stamp
    const unchanged = repeated(ours(inputs, out));
    const changed = repeated(() => {
      touch(theirInputs);
      return ours(inputs, out)();
    });
    const wsdlTsclient = repeated(theirs(theirInputs, `${out}-theirs`));
    rows.push(
      [label, 'ours, inputs unchanged', formatMs(unchanged.median), `${formatNumber(unchanged.min)}–${formatNumber(unchanged.max)}`, `${formatNumber(unchanged.peakMiB)} MiB`],
      [label, 'ours, an input changed', formatMs(changed.median), `${formatNumber(changed.min)}–${formatNumber(changed.max)}`, `${formatNumber(changed.peakMiB)} MiB`],
      [label, 'wsdl-tsclient', formatMs(wsdlTsclient.median), `${formatNumber(wsdlTsclient.min)}–${formatNumber(wsdlTsclient.max)}`, `${formatNumber(wsdlTsclient.peakMiB)} MiB`],
    );
    ratios.push(
      [`${label}, unchanged inputs: wsdl-tsclient ÷ ours (target ≥ 5×)`, `${(wsdlTsclient.median / unchanged.median).toFixed(2)}×`],
      [`${label}, changed inputs: wsdl-tsclient ÷ ours`, `${(wsdlTsclient.median / changed.median).toFixed(2)}×`],
    );
  }

  const large: string[][] = [];
  for (const wsdl of LARGEST) {
    const file = path.join(ROOT, 'test/fixtures/real-world', wsdl);
    const inputBytes = folderBytes(path.dirname(file));
    const ourOut = path.join(WORK, 'large-ours', path.dirname(wsdl));
    const theirOut = path.join(WORK, 'large-theirs', path.dirname(wsdl));
    const ourRun = measure([OUR_CLI, 'generate', file, '--out', ourOut, '--quiet'], project);
    const theirRun = measure([THEIR_CLI, file, '-o', theirOut, '--quiet'], project);
    // the runtime is the same for every output: the size that follows the WSDL is the rest
    const ourBytes = folderBytes(ourOut, (name) => !name.startsWith('runtime'));
    const theirBytes = theirRun.ok ? folderBytes(theirOut) : 0;
    const ourTsc = typecheck(ourOut);
    const theirTsc = theirRun.ok ? typecheck(theirOut) : undefined;
    large.push([
      `${path.dirname(wsdl)} (${formatNumber(inputBytes / 1024)} KiB)`,
      `${formatMs(ourRun.ms)}, ${formatNumber(ourRun.peakMiB)} MiB`,
      theirRun.ok ? `${formatMs(theirRun.ms)}, ${formatNumber(theirRun.peakMiB)} MiB` : 'fails',
      `${formatNumber(ourBytes / 1024)} KiB (${(ourBytes / inputBytes).toFixed(2)}× the WSDL)`,
      theirRun.ok ? `${formatNumber(theirBytes / 1024)} KiB` : '–',
      `${formatMs(ourTsc.ms)}${theirTsc ? ` (${(ourTsc.ms / theirTsc.ms).toFixed(2)}× theirs, target ≤ 1.5×)` : ''}`,
      theirTsc ? formatMs(theirTsc.ms) : '–',
    ]);
  }

  return [
    '## 7. Generation as a build step: whole processes, CLI against CLI',
    '',
    table(['input', 'run', `median of ${RUNS}`, 'min–max ms', 'peak RSS'], rows),
    '',
    table(['comparison', 'ratio'], ratios),
    '',
    'The largest real-world WSDLs (generation once each; `tsc --noEmit --strict` on each output, ours without its runtime folder counted in size):',
    '',
    table(['WSDL (with imports)', 'ours: time, peak RSS', 'wsdl-tsclient', 'our output', 'theirs', 'tsc on ours', 'tsc on theirs'], large),
  ].join('\n');
}
