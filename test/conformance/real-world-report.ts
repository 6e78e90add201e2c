/** The real-world section of `npm run conformance` as a table, with totals. */
import type { RealWorldResult } from './real-world.js';
import { REAL_WORLD_EXPECTED } from './real-world-expected.js';

export function formatRealWorld(results: readonly RealWorldResult[]): string {
  const rows = results.flatMap((result) => {
    const expected = REAL_WORLD_EXPECTED[result.name];
    const row = [
      result.name,
      kib(result.bytes),
      result.passed ? 'pass' : 'FAIL',
      expected?.status === 'fail' ? expected.failureClass : '',
      `${(result.generateMs / 1000).toFixed(2)} s`,
      `${Math.round(result.maxRssKiB / 1024)} MiB`,
      result.error ?? (result.warnings > 0 ? `${result.warnings} warning${result.warnings === 1 ? '' : 's'}` : ''),
    ];
    const lenient = result.lenient
      ? [['', '', '', '', '', '', `(by default, faults worked around: ${result.lenient.passed ? `pass, ${result.lenient.warnings} warning${result.lenient.warnings === 1 ? '' : 's'}` : result.lenient.error})`]]
      : [];
    const why = expected?.status === 'fail' ? [['', '', '', '', '', '', `(${expected.reason})`]] : [];
    return [row, ...lenient, ...why];
  });
  const passed = results.filter((result) => result.passed).length;
  const lenient = results.filter((result) => result.lenient?.passed).length;
  const totalMs = results.reduce((sum, result) => sum + result.generateMs, 0);
  const peak = Math.max(...results.map((result) => result.maxRssKiB));
  const big = results.filter((result) => result.bytes > 500 * 1024);
  return [
    'Real-world WSDLs (test/fixtures/real-world; generated offline with --strict, type-checked strictly; a red one also as by default)',
    table(['wsdl', 'with imports', 'result', 'failure class', 'generate', 'peak RSS', 'first error'], rows),
    '',
    `  ${passed}/${results.length} generate with --strict and type-check; ${big.filter((result) => result.passed).length}/${big.length} of those over 500 KiB.` +
      ` ${passed + lenient}/${results.length} generate by default (${lenient} with faults worked around) and type-check.` +
      ` Generation ${(totalMs / 1000).toFixed(1)} s in all, peak RSS at most ${Math.round(peak / 1024)} MiB (each in its own process, Node and the generator's modules included).`,
  ].join('\n');
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
}

/** Columns padded to their widest cell, except the last, which runs on. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (column < header.length - 1 ? row[column].length : 0))));
  const render = (row: string[]) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
}
