/**
 * Timing, memory and table helpers shared by the benchmark suites.
 *
 * Throughput: every contender of a case is warmed up, its batch size is calibrated to about one
 * round's time, and then the rounds are interleaved (round 1 of every contender, then round 2 …,
 * starting with a different contender each round), so that drift of the machine (frequency,
 * other load) lands on all contenders alike. Each round is preceded by a full GC, so that one
 * contender's garbage is not collected on another's clock, and then by a few untimed operations
 * of its contender, as a forced GC shrinks the young generation.
 */
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** `global.gc`, exposed at run time when node was not started with --expose-gc. */
export const gc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export interface Contender {
  readonly name: string;
  /** One operation; a returned promise is awaited before the next one starts. */
  readonly run: () => unknown;
}

export interface Throughput {
  readonly name: string;
  /** Operations per second, one value per round, in round order. */
  readonly rounds: readonly number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface TimingOptions {
  readonly rounds: number;
  /** Target duration of one round of one contender. */
  readonly roundMs: number;
  readonly warmupMs: number;
}

export const DEFAULT_TIMING: TimingOptions = { rounds: 7, roundMs: 200, warmupMs: 300 };
/** For the large messages, whose single operations take longer than a round. */
export const LARGE_TIMING: TimingOptions = { ...DEFAULT_TIMING, rounds: 5 };

/**
 * Where results go, so that the optimiser cannot drop work whose result is never used: the last
 * result of each contender is kept, as an application keeps what its last call returned. (With
 * one shared place, the full GC between rounds would find no object of a contender's result
 * alive, and the engine would drop the hidden classes those objects had, and with them what the
 * contender's optimised code had learnt: every round would start by relearning it.)
 */
export const sinks: unknown[] = [];
export let sink: unknown;

/**
 * What a batch is timed with. 'cpu' (the default): CPU time of this process (user + system,
 * all threads, from process.cpuUsage), so time the machine gives to other processes, which
 * swings by a factor of two on a shared VM, counts for no contender; 'wall' (BENCH_CLOCK=wall):
 * elapsed time. Everything measured runs in this process, so for it CPU time is the work done.
 */
export const CLOCK: 'cpu' | 'wall' = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';

/** Milliseconds on CLOCK since an arbitrary start. */
export function clockMs(): number {
  if (CLOCK === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs `run` `count` times (awaiting each result that is a promise), keeping the last result in sinks[slot]; returns elapsed ms on CLOCK. */
async function timeBatch(run: () => unknown, count: number, slot: number): Promise<number> {
  const start = clockMs();
  for (let i = 0; i < count; i++) {
    const result = run();
    sinks[slot] = result instanceof Promise ? await result : result;
  }
  return clockMs() - start;
}

/** Warms up for at least `warmupMs` and returns how many operations fit into `roundMs` (at least 1). */
async function calibrate(run: () => unknown, warmupMs: number, roundMs: number, slot: number): Promise<number> {
  let count = 1;
  let total = 0;
  let operations = 0;
  while (total < warmupMs) {
    const elapsed = await timeBatch(run, count, slot);
    total += elapsed;
    operations += count;
    if (elapsed < 10) count *= 2;
  }
  return Math.max(1, Math.round(roundMs / (total / operations)));
}

export async function measureThroughput(contenders: readonly Contender[], options: TimingOptions = DEFAULT_TIMING): Promise<Throughput[]> {
  const batches: number[] = [];
  sinks.length = 0;
  for (const [index, contender] of contenders.entries()) {
    gc();
    batches.push(await calibrate(contender.run, options.warmupMs, options.roundMs, index));
  }
  const rounds: number[][] = contenders.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      gc();
      // A forced GC also shrinks the young generation; untimed operations let it grow back to
      // what this contender needs, so that the round measures it in its steady state.
      await timeBatch(contenders[index].run, Math.max(2, Math.ceil(batches[index] / 5)), index);
      const elapsed = await timeBatch(contenders[index].run, batches[index], index);
      rounds[index].push((batches[index] * 1000) / elapsed);
    }
  }
  sinks.length = 0;
  return contenders.map((contender, index) => ({ name: contender.name, rounds: rounds[index], ...spread(rounds[index]) }));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * How many times more operations per second `ours` did than `theirs`: the ratio of the medians,
 * and the range of the per-round ratios (rounds are interleaved, so round i of both ran close together).
 */
export function throughputRatio(ours: Throughput, theirs: Throughput): { median: number; min: number; max: number } {
  const perRound = ours.rounds.map((value, round) => value / theirs.rounds[round]);
  return { median: ours.median / theirs.median, min: Math.min(...perRound), max: Math.max(...perRound) };
}

// ---------------------------------------------------------------------------------------------
// Ratios, recorded for the targets and for results.json

export interface RecordedRatio {
  readonly suite: string;
  readonly case: string;
  readonly comparison: string;
  /** 'speed': ours ÷ peer in ops/s (> 1 is faster); 'memory': ours ÷ peer in bytes (< 1 is less). */
  readonly kind: 'speed' | 'memory';
  readonly ratio: number;
  /** The range of the per-round ratios, when there were rounds. */
  readonly min?: number;
  readonly max?: number;
  /** The project's target for this ratio: at least this (speed) or at most this (memory). */
  readonly target?: number;
}

/** Every ratio the suites computed in this run, in order. */
export const recordedRatios: RecordedRatio[] = [];

/** Records a ratio and returns its table cell (`1.25× (1.05–1.40)`, or `0.30×` without rounds). */
export function ratioCell(ratio: RecordedRatio): string {
  recordedRatios.push(ratio);
  return ratio.min === undefined || ratio.max === undefined ? `${ratio.ratio.toFixed(2)}×` : formatRatio({ median: ratio.ratio, min: ratio.min, max: ratio.max });
}

/** Records a throughput ratio of ours to a peer (see throughputRatio) and returns its cell. */
export function speedCell(suite: string, caseName: string, comparison: string, ours: Throughput, theirs: Throughput, target?: number): string {
  const { median, min, max } = throughputRatio(ours, theirs);
  return ratioCell({ suite, case: caseName, comparison, kind: 'speed', ratio: median, min, max, ...(target === undefined ? {} : { target }) });
}

/** Whether a recorded ratio meets its target, and by how much it misses. */
export function targetVerdict(ratio: RecordedRatio): string {
  if (ratio.target === undefined) return '';
  const met = ratio.kind === 'speed' ? ratio.ratio >= ratio.target : ratio.ratio <= ratio.target;
  if (met) return 'met';
  const short = ratio.kind === 'speed' ? ratio.target / ratio.ratio : ratio.ratio / ratio.target;
  return `missed: ${((short - 1) * 100).toFixed(0)}% short`;
}

// ---------------------------------------------------------------------------------------------
// Memory

let session: Session | undefined;

export interface MemoryUse {
  /** Bytes allocated on the JS heap per run, garbage included (an estimate). */
  readonly allocated: number;
  /** Bytes of JS heap per kept result, after a full GC. */
  readonly retained: number;
}

/**
 * Runs `run` `times` times, keeping what `keep` picks of each result alive, and measures:
 * - allocated: V8's sampling heap profiler, with objects collected by minor and major GCs kept in
 *   the profile (sample sizes are scaled, so their sum estimates all allocations);
 * - retained: heapUsed after a full GC with the kept results alive, less heapUsed before.
 * The profiler's own records live outside the JS heap, so the two do not disturb each other.
 */
/** Stops the sampling heap profiler; returns the sum of its (scaled) sample sizes. */
async function stopSampling(inspector: Session): Promise<number> {
  const { profile } = await inspector.post('HeapProfiler.stopSampling');
  let total = 0;
  const visit = (node: { selfSize: number; children: typeof node[] }) => {
    total += node.selfSize;
    node.children.forEach(visit);
  };
  visit(profile.head);
  return total;
}

export async function memoryUse(run: () => unknown, times: number, keep: (result: unknown) => unknown = (result) => result): Promise<MemoryUse> {
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('HeapProfiler.enable');
  }
  const kept: unknown[] = [];
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < times; i++) {
    const result = run();
    kept.push(keep(result instanceof Promise ? await result : result));
  }
  // the profile is a JS object: summed in a function of its own, so none of it is alive below
  const allocated = await stopSampling(session);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  sink = kept; // used after the GCs, so the results are alive through them
  return { allocated: allocated / times, retained: (after - before) / times };
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Columns padded to their widest cell; cells of later columns that start with a number are right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) => (column > 0 && /^[-\d]/.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)].join('\n');
}

/** 3 significant digits, thousands separated: 12,300 · 1,230 · 123 · 12.3 · 1.23 · 0.123. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  const rounded = magnitude >= 1000 ? Number(value.toPrecision(3)) : value;
  return rounded.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatRatio(ratio: { median: number; min: number; max: number }): string {
  const format = (value: number) => (value >= 100 ? formatNumber(value) : value.toFixed(2));
  return `${format(ratio.median)}× (${format(ratio.min)}–${format(ratio.max)})`;
}

export const MIB = 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  return `${formatNumber(bytes / MIB)} MiB`;
}

export function formatBytes(bytes: number): string {
  const magnitude = Math.abs(bytes);
  if (magnitude >= MIB) return formatMegabytes(bytes);
  if (magnitude >= 1024) return `${formatNumber(bytes / 1024)} KiB`;
  return `${Math.round(bytes)} B`;
}

export function formatMs(ms: number): string {
  if (ms >= 1) return `${formatNumber(ms)} ms`;
  if (ms >= 0.001) return `${formatNumber(ms * 1000)} µs`;
  return `${formatNumber(ms * 1e6)} ns`;
}
