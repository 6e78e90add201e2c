/**
 * Bounded generator fuzzing (fixed seed; FC_SEED=random for a fresh one, see ../property/settings.ts).
 *
 * Each case takes a WSDL — the four SuperOffice ones, self-contained corpus and real-world ones —
 * applies one to three structure-aware mutations (wsdl-mutate.ts: derivation loops, deleted,
 * duplicated and swapped declarations, self-references, groups including themselves, lists of
 * lists, unions of lists, simpleContent over itself, complex restricting simple, deep nesting)
 * and runs it through the programmatic `generate`, strict or not. Asserted for every case: it
 * returns a result, or throws a WsdlError that names the WSDL's file with a line and column —
 * never a RangeError, TypeError or other crash — within a wall-clock limit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { WsdlError } from '../../src/errors.js';
import { findInputs, generate } from '../../src/generate.js';
import { runs } from '../property/settings.js';
import { mutateWsdl, wsdlMutation, type WsdlMutation } from './wsdl-mutate.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
/** WSDLs that import nothing, so the mutated text is all there is to read. */
const SEED_FILES = [
  'superoffice/Services86/Diagnostics.wsdl',
  'superoffice/Services86/Preference.wsdl',
  'corpus/node-soap/wsdl/self_referencing.wsdl',
  'corpus/node-soap/wsdl/extended_recursive.wsdl',
  'corpus/node-soap/wsdl/recursive_with_ref.wsdl',
  'corpus/node-soap/wsdl/wsdl_with_restriction_attributes.wsdl',
  'corpus/node-soap/wsdl/array_namespace_override.wsdl',
  'corpus/node-soap/wsdl/rpcexample.wsdl',
  'real-world/eu-vies/checkVatService.wsdl',
  'real-world/telefonkatalogen-sms/telefonkatalogen.wsdl',
].map((file) => path.join(FIXTURES, file));
const SEED_TEXTS = SEED_FILES.map((file) => readFileSync(file, 'utf8'));

const CASES = 150;
/** A case taking longer than this is a failure (a hang, or work that grows out of bounds). */
const WALL_CLOCK_LIMIT_MS = 5000;

interface Case {
  readonly seed: number;
  readonly mutations: WsdlMutation[];
  readonly strict: boolean;
}

const fuzzCase: fc.Arbitrary<Case> = fc.record({
  seed: fc.nat({ max: SEED_FILES.length - 1 }),
  mutations: fc.array(wsdlMutation, { minLength: 1, maxLength: 3 }),
  strict: fc.boolean(),
});

const outcomes = new Map<string, number>();

afterAll(() => {
  const lines = [...outcomes].sort(([, a], [, b]) => b - a).map(([outcome, count]) => `  ${String(count).padStart(4)}  ${outcome}`);
  console.log(`generator fuzz outcomes:\n${lines.join('\n')}`);
});

describe('generate, given mutated WSDLs', () => {
  it(`returns a result or throws a WsdlError naming the file (${CASES} cases)`, () => {
    fc.assert(
      fc.property(fuzzCase, ({ seed, mutations, strict }) => {
        const file = SEED_FILES[seed]!;
        const text = mutateWsdl(SEED_TEXTS[seed]!, mutations);
        const started = performance.now();
        let outcome: string;
        try {
          const result = generate(findInputs([file]), { strict, readFile: (name) => (name === path.normalize(file) ? text : readFileSync(name, 'utf8')) });
          outcome = result.warnings.length > 0 ? 'generated with warnings' : 'generated';
        } catch (error) {
          if (!(error instanceof WsdlError)) throw error;
          expect(error.loc?.file, error.message).toBe(path.normalize(file));
          expect(error.loc!.line).toBeGreaterThan(0);
          expect(error.loc!.column).toBeGreaterThan(0);
          // the kind of error, without the names and places that vary
          outcome = `WsdlError: ${error.problem.replace(/ at \S+$|"[^"]*"|\{[^}]*\}\S*|\b\w*Fz\w*|\(.*\)/g, '…')}`;
        }
        expect(performance.now() - started).toBeLessThan(WALL_CLOCK_LIMIT_MS);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      runs(CASES),
    );
  }, 120_000);
});
