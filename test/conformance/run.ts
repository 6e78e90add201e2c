/**
 * `npm run conformance`: prints the scoreboard as tables, one row per WSDL and per sample, then
 * the totals, then the real-world section (real-world.ts). It is a report, so it exits 0 whatever
 * the results; the vitest files are the gate. `--keep` leaves the generated code in
 * .test-output/conformance-* for a closer look; `--real-world` prints the real-world section only.
 */
import { createOutputRoot, removeOutputRoot } from './generated-code.js';
import { checkRealWorld } from './real-world.js';
import { formatRealWorld } from './real-world-report.js';
import { computeScoreboard, percent, type Scoreboard, type Tally } from './scoreboard.js';

const started = Date.now();
const keepOutput = process.argv.includes('--keep');
if (!process.argv.includes('--real-world')) console.log(`${format(await computeScoreboard({ keepOutput }))}\n`);
const realWorldOutput = createOutputRoot();
try {
  console.log(formatRealWorld(await checkRealWorld(realWorldOutput)));
} finally {
  if (!keepOutput) removeOutputRoot(realWorldOutput);
}
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s${keepOutput ? '; generated code kept in .test-output/conformance-*' : ''})`);

function format({ wsdls, samples, summary }: Scoreboard): string {
  const wsdlRows = wsdls.flatMap((wsdl) => {
    const row = [wsdl.name, wsdl.expected, wsdl.passed ? 'pass' : 'FAIL', wsdl.reason ?? (wsdl.warnings > 0 ? plural(wsdl.warnings, 'warning') : '')];
    // a broken WSDL gets a second line: what is wrong with it, to judge the error against
    const lenient = wsdl.lenient ? [['', '', '', `(by default: ${wsdl.lenient.passed ? '' : 'FAIL: '}${wsdl.lenient.reason})`]] : [];
    return wsdl.brokenBecause ? [row, ...lenient, ['', '', '', `(broken: ${wsdl.brokenBecause})`]] : [row];
  });
  const sampleRows = samples.map((sample) => [sample.name, sample.status === 'fail' ? 'FAIL' : sample.status, sample.reason ?? sample.note ?? '']);
  const total = (label: string, tally: Tally, what: string) =>
    `  ${label.padEnd(14)} ${`${tally.passed}/${tally.total}`.padStart(7)}  ${percent(tally).padStart(4)}  ${what}`;
  const skipped = summary.samples.skipped > 0 ? ` (${summary.samples.skipped} more skipped: node-soap options)` : '';
  return [
    'WSDLs (test/fixtures/corpus/node-soap/wsdl)',
    table(['wsdl', 'expected', 'result', 'reason, or the error a broken WSDL gave'], wsdlRows),
    '',
    'Samples (test/fixtures/corpus/node-soap/samples)',
    table(['sample', 'result', 'reason'], sampleRows),
    '',
    'Totals',
    total('valid WSDLs', summary.validWsdls, 'generate with --strict and type-check strictly'),
    total('broken WSDLs', summary.brokenWsdls, 'end in a WsdlError naming file, line and column with --strict'),
    total('samples', summary.samples, `send node-soap's request and take its response${skipped}`),
  ].join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Columns padded to their widest cell, except the last, which runs on. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (column < header.length - 1 ? row[column].length : 0))));
  const render = (row: string[]) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
}
