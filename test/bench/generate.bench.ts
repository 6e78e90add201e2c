/**
 * 6. Generation (build time): our generator against wsdl-tsclient on the same four Services86
 * WSDLs, each writing its output under .test-output/bench. Both run in this process with their
 * modules already loaded; the first run of each is reported apart (it pays for JIT warm-up, and
 * for both that includes a TypeScript compiler instance inside ts-morph), then the warm runs
 * alternate between the two.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAndGenerate } from 'wsdl-tsclient';
import { findInputs, generate } from '../../src/generate.js';
import { writeOutput } from '../../src/write/output.js';
import { OUTPUT_DIR, ROOT, WSDL_DIR } from './fixtures.js';
import { formatMs, formatNumber, spread, table } from './harness.js';

const WARM_RUNS = 5;
const OURS_OUT = path.join(OUTPUT_DIR, 'generate-ours');
const THEIRS_OUT = path.join(OUTPUT_DIR, 'generate-wsdl-tsclient');

async function ours(): Promise<void> {
  // the CLI's job: find the inputs, generate in memory, write the output folder
  const result = generate(findInputs([path.join(ROOT, 'wsdl')]));
  writeOutput(OURS_OUT, result.files);
}

async function theirs(): Promise<void> {
  rmSync(THEIRS_OUT, { recursive: true, force: true });
  for (const file of readdirSync(WSDL_DIR).filter((name) => name.endsWith('.wsdl')).sort()) {
    await parseAndGenerate(path.join(WSDL_DIR, file), path.join(THEIRS_OUT, path.basename(file, '.wsdl')), { quiet: true, colors: false });
  }
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Files and bytes under a folder. */
function outputSize(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  visit(folder);
  return { files, bytes };
}

export async function runGenerateBench(): Promise<string> {
  const first = { ours: await timed(ours), theirs: await timed(theirs) };
  const warm = { ours: [] as number[], theirs: [] as number[] };
  for (let i = 0; i < WARM_RUNS; i++) {
    warm.theirs.push(await timed(theirs));
    warm.ours.push(await timed(ours));
  }
  const wsdls = readdirSync(WSDL_DIR).filter((name) => name.endsWith('.wsdl'));
  const row = (label: string, firstMs: number, runs: number[], folder: string) => {
    const { median, min, max } = spread(runs);
    const size = outputSize(folder);
    return [label, formatMs(firstMs), formatMs(median), `${formatNumber(min)}–${formatNumber(max)}`, `${size.files} files, ${formatNumber(size.bytes / 1024)} KiB`];
  };
  const ratio = (theirMs: number, ourMs: number) => `${(theirMs / ourMs).toFixed(2)}×`;
  return [
    `## 6. Generation (build time): ${wsdls.length} Services86 WSDLs → TypeScript on disk`,
    '',
    table(
      ['generator', 'first run', `warm (median of ${WARM_RUNS})`, 'warm (min–max ms)', 'output'],
      [
        row('ours: generate(findInputs([wsdl])) + writeOutput', first.ours, warm.ours, OURS_OUT),
        row('wsdl-tsclient: parseAndGenerate() per WSDL', first.theirs, warm.theirs, THEIRS_OUT),
      ],
    ),
    '',
    table(
      ['comparison (wsdl-tsclient time ÷ ours; > 1: ours is faster)', 'ratio'],
      [
        ['first run', ratio(first.theirs, first.ours)],
        ['warm runs (medians)', ratio(spread(warm.theirs).median, spread(warm.ours).median)],
      ],
    ),
  ].join('\n');
}
