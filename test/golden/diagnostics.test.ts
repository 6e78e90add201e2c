/** The whole generated output for Diagnostics.wsdl, against committed golden files, type-checked strictly. */
import { describe, expect, it } from 'vitest';
import { findInputs, generate } from '../../src/generate.js';
import { expectGoldenFolder } from '../helpers/golden.js';
import { listTsFiles, typecheck } from '../helpers/typecheck.js';

const GOLDEN = 'test/golden/diagnostics';

describe('golden output: Diagnostics.wsdl', () => {
  const result = generate(findInputs(['test/fixtures/superoffice/Services86/Diagnostics.wsdl']));

  it('matches the committed files byte for byte', () => {
    expectGoldenFolder(GOLDEN, result.files);
  });

  it('is the same on every run', () => {
    const again = generate(findInputs(['test/fixtures/superoffice/Services86/Diagnostics.wsdl']));
    expect([...again.files.entries()]).toEqual([...result.files.entries()]);
  });

  it('type-checks under --strict with NodeNext and the strictest common options', () => {
    expect(typecheck(listTsFiles(GOLDEN))).toEqual([]);
  });

  it('imports nothing at run time but saxes and its own files', () => {
    const imported = new Set<string>();
    for (const content of result.files.values()) {
      for (const [, specifier] of content.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)';/gms)) imported.add(specifier);
    }
    expect([...imported].filter((specifier) => !specifier.startsWith('.'))).toEqual(['saxes']);
    expect([...imported].every((specifier) => !specifier.startsWith('.') || specifier.endsWith('.js'))).toBe(true);
  });

  it('warns about nothing', () => {
    expect(result.warnings).toEqual([]);
  });
});
