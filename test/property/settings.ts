/**
 * fast-check settings shared by test/property and test/fuzz.
 *
 * Runs are reproducible: every property uses the fixed seed below unless FC_SEED is set.
 *
 *   npx vitest run test/property test/fuzz                  # fixed seed (CI)
 *   FC_SEED=random npx vitest run test/property test/fuzz   # a fresh seed; a failure prints it
 *   FC_SEED=1234567 npx vitest run test/property            # replay a reported seed
 *   FC_RUNS=10 npx vitest run test/property                 # 10× the runs (a longer soak)
 *
 * On failure fast-check reports the seed, the path and the shrunk counterexample; to replay only
 * that case, pass them back as `{ seed, path }` (see https://fast-check.dev/docs/tutorials/quick-start/read-test-reports/).
 */
import type fc from 'fast-check';

export const FIXED_SEED = 20251128;

function chooseSeed(): number {
  const configured = process.env.FC_SEED;
  if (!configured) return FIXED_SEED;
  if (configured === 'random') return (Date.now() ^ (Math.random() * 0x100000000)) | 0;
  const seed = Number(configured);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not "${configured}"`);
  return seed;
}

/** One seed per test file run, printed when it is not the fixed one. */
export const SEED = chooseSeed();
if (SEED !== FIXED_SEED) console.log(`fast-check seed: FC_SEED=${SEED}`);

const RUN_FACTOR = Math.max(1, Number(process.env.FC_RUNS ?? 1) || 1);

/** Parameters for fc.assert: the seed above, and `numRuns` (scaled by FC_RUNS). */
export function runs<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.round(numRuns * RUN_FACTOR), ...extra };
}
