/**
 * Guards the real-world section of the scoreboard (real-world.ts; `npm run conformance` prints it):
 * every real-world WSDL must give the result REAL_WORLD_EXPECTED names. Generating all of them (in
 * this process: the scoreboard runs each in a process of its own, for its measurements) and
 * type-checking the output takes a minute or two on the 2-core VM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createOutputRoot, removeOutputRoot } from './generated-code.js';
import { checkRealWorld, type RealWorldResult } from './real-world.js';
import { REAL_WORLD_EXPECTED } from './real-world-expected.js';
import { realWorldWsdls, totalBytes } from './real-world-fixtures.js';

let results: RealWorldResult[];

beforeAll(async () => {
  const outputRoot = createOutputRoot();
  try {
    results = await checkRealWorld(outputRoot, { inProcess: true });
  } finally {
    removeOutputRoot(outputRoot);
  }
}, 15 * 60_000);

describe('real-world WSDLs', () => {
  it('has an expected result for every fixture, and a fixture for every expected result', () => {
    const names = realWorldWsdls().map((wsdl) => wsdl.name);
    expect(Object.keys(REAL_WORLD_EXPECTED).sort()).toEqual([...names].sort());
  });

  it('covers what the issue asks for: 20 WSDLs or more, 5 or more over 500 KiB with their imports', () => {
    const wsdls = realWorldWsdls();
    expect(wsdls.length).toBeGreaterThanOrEqual(20);
    expect(wsdls.filter((wsdl) => totalBytes(wsdl) > 500 * 1024).length).toBeGreaterThanOrEqual(5);
  });

  it('gives each WSDL its expected result: green stays green, red fails under --strict as described and by default as expected', () => {
    const unexpected = results.flatMap((result) => {
      const expected = REAL_WORLD_EXPECTED[result.name];
      if (expected.status === 'pass') return result.passed ? [] : [`${result.name}: no longer passes: ${result.error}`];
      if (result.passed) return [`${result.name}: passes now; mark it pass in real-world-expected.ts`];
      if (!result.error?.includes(expected.error)) return [`${result.name}: fails differently now: ${result.error}`];
      const lenient = result.lenient?.passed ? 'pass' : 'fail';
      return lenient === expected.lenient ? [] : [`${result.name}: by default it should ${expected.lenient} but does not: ${result.lenient?.error ?? 'passes'}`];
    });
    expect(unexpected).toEqual([]);
  });
});
