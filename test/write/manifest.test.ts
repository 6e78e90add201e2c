/** The output manifest: up to date only when generator, options, WSDLs, every input read and every output file are unchanged. */
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs, generate } from '../../src/generate.js';
import { isUpToDate, manifestText, MANIFEST_FILE, type Manifest } from '../../src/write/manifest.js';
import { writeOutput } from '../../src/write/output.js';
import { tempFiles } from '../helpers/wsdl-builder.js';

const GENERATOR = 'wsdl-agents test';

/** A project with wsdl/ (Diagnostics) and its output in generated/, manifest included. */
function project(options: Record<string, unknown> = {}) {
  const dir = tempFiles({});
  cpSync('wsdl/Services86/Diagnostics.wsdl', path.join(dir, 'wsdl/Diagnostics.wsdl'));
  const inputs = findInputs([path.join(dir, 'wsdl')]);
  const result = generate(inputs);
  const out = path.join(dir, 'generated');
  const subject = {
    generator: GENERATOR,
    options,
    wsdls: inputs.map((input) => input.file),
    inputs: result.models.flatMap(({ model }) => model.sources.flatMap((source) => source.files)),
  };
  const files = new Map(result.files);
  files.set(MANIFEST_FILE, manifestText(out, subject, files));
  writeOutput(out, files);
  return { dir, out, subject };
}

describe('the output manifest', () => {
  it('names the generator, the options, every input and output file with its hash, relative to the output', () => {
    const { out } = project({ parameters: 'auto', dates: undefined });
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(manifest.generator).toBe(GENERATOR);
    expect(manifest.options).toEqual({ parameters: 'auto' });
    expect(manifest.wsdls).toEqual(['../wsdl/Diagnostics.wsdl']);
    expect(manifest.inputs).toEqual([{ file: '../wsdl/Diagnostics.wsdl', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(Object.keys(manifest.outputs)).toContain('DiagnosticsAgent.ts');
    expect(Object.keys(manifest.outputs)).not.toContain(MANIFEST_FILE);
  });

  it('is up to date until anything it covers changes', () => {
    const check = (edit: (p: ReturnType<typeof project>) => void, options: Record<string, unknown> = {}) => {
      const p = project();
      edit(p);
      return isUpToDate(p.out, { generator: GENERATOR, options, wsdls: p.subject.wsdls });
    };
    expect(check(() => undefined)).toBe(true);
    // line ends do not count: a checkout with CRLF is the same input
    expect(check(({ dir }) => writeFileSync(path.join(dir, 'wsdl/Diagnostics.wsdl'), readFileSync(path.join(dir, 'wsdl/Diagnostics.wsdl'), 'utf8').replace(/\n/g, '\r\n')))).toBe(true);
    expect(check(({ dir }) => appendFileSync(path.join(dir, 'wsdl/Diagnostics.wsdl'), '<!-- edited -->'))).toBe(false);
    expect(check(({ out }) => appendFileSync(path.join(out, 'DiagnosticsAgent.ts'), '// edited'))).toBe(false);
    expect(check(({ out }) => writeFileSync(path.join(out, 'extra.ts'), ''))).toBe(false);
    expect(check(({ out }) => rmSync(path.join(out, 'index.ts')))).toBe(false);
    expect(check(({ out }) => rmSync(path.join(out, MANIFEST_FILE)))).toBe(false);
    expect(check(({ out }) => writeFileSync(path.join(out, MANIFEST_FILE), '{'))).toBe(false);
    expect(check(() => undefined, { parameters: 'object' })).toBe(false);
    const other = project();
    expect(isUpToDate(other.out, { generator: 'wsdl-agents 9.9.9', options: {}, wsdls: other.subject.wsdls })).toBe(false);
    expect(isUpToDate(other.out, { generator: GENERATOR, options: {}, wsdls: [...other.subject.wsdls, path.join(other.dir, 'wsdl/New.wsdl')] })).toBe(false);
  });

  it('never counts a remote input as unchanged', () => {
    const { out, subject } = project();
    const files = new Map([['index.ts', '']]);
    writeFileSync(path.join(out, MANIFEST_FILE), manifestText(out, { ...subject, inputs: ['https://example.com/x.wsdl'] }, files));
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).inputs).toEqual([{ file: 'https://example.com/x.wsdl' }]);
    expect(isUpToDate(out, { generator: GENERATOR, options: {}, wsdls: subject.wsdls })).toBe(false);
  });
});
