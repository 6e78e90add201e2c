/** The committed default output: all four SuperOffice agents, generated together. */
import { describe, expect, it } from 'vitest';
import { findInputs, generate } from '../../src/generate.js';
import { listTsFiles, typecheck } from '../helpers/typecheck.js';

describe('generated/ (wsdl/Services86: BLOB, Configuration, Diagnostics, Preference)', () => {
  it('type-checks under --strict with NodeNext and the strictest common options', () => {
    expect(typecheck(listTsFiles('generated'))).toEqual([]);
  });

  it('is generated without warnings, shared types once', () => {
    const result = generate(findInputs(['wsdl']));
    expect(result.warnings).toEqual([]);
    const types = result.files.get('Services86/types/Services.ts')!;
    for (const shared of ['Carrier', 'TableRight', 'SoExceptionInfo', 'FieldProperty']) {
      expect(types.match(new RegExp(`export interface ${shared} \\{`, 'g'))).toHaveLength(1);
    }
    expect(result.summary).toEqual([
      { source: 'Services86/BLOB.wsdl', agents: 1, operations: 29, types: expect.any(Number) },
      { source: 'Services86/Configuration.wsdl', agents: 1, operations: 36, types: expect.any(Number) },
      { source: 'Services86/Diagnostics.wsdl', agents: 1, operations: 11, types: 18 },
      { source: 'Services86/Preference.wsdl', agents: 1, operations: 28, types: expect.any(Number) },
    ]);
  });
});
