import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/cli/suggest.js';

describe('did you mean', () => {
  it.each([
    ['generate', 'generate', 0],
    ['generat', 'generate', 1],
    ['quite', 'quiet', 1], // two neighbours swapped count one
    ['chek', 'check', 1],
    ['', 'out', 3],
    ['kitten', 'sitting', 3],
  ])('editDistance(%j, %j) is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('suggests the nearest candidate within one edit for short words and two for longer ones', () => {
    const commands = ['generate', 'diff', 'mock', 'init'];
    expect(closest('genrate', commands)).toBe('generate');
    expect(closest('GENERATE', commands)).toBe('generate');
    expect(closest('gnrate', commands)).toBe('generate');
    expect(closest('dif', commands)).toBe('diff');
    expect(closest('mcok', commands)).toBe('mock');
    expect(closest('int', commands)).toBe('init');
    expect(closest('in', commands)).toBeUndefined();
    expect(closest('generation', commands)).toBeUndefined();
    expect(closest('Diagnostics', commands)).toBeUndefined();
    expect(closest('x', ['out', 'check'])).toBeUndefined();
  });
});
