/** The real command (`node dist/cli.js`, as `npx wsdl-agents` runs it) in a scratch project. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFiles } from '../helpers/wsdl-builder.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const DIAGNOSTICS = path.join(ROOT, 'test/fixtures/superoffice/Services86/Diagnostics.wsdl');

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch project holding wsdl/Services86/Diagnostics.wsdl, as the README's user has. */
function project(): string {
  const dir = tempFiles({});
  cpSync(DIAGNOSTICS, path.join(dir, 'wsdl/Services86/Diagnostics.wsdl'));
  return dir;
}

/** Every file under a folder with its content, to prove a folder was left alone. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isFile()) files[name] = readFileSync(full, 'utf8');
  }
  return files;
}

beforeAll(() => {
  // test what users run: the compiled CLI, built from the current source
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')]);
}, 120_000);

describe('wsdl-agents CLI', () => {
  it('--help documents the command and every option', () => {
    const { code, stdout } = run(ROOT, 'generate', '--help');
    expect(code).toBe(0);
    for (const text of ['generate [inputs..]', '--out', '--check', '--quiet', '--help', '--version', 'Default: wsdl/']) expect(stdout).toContain(text);
  });

  it('with no arguments generates wsdl/ into generated/, keeping sub-folders', () => {
    const dir = project();
    const { code, stdout, stderr } = run(dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'Services86/Diagnostics.wsdl: 1 agent, 11 operations, 18 types\n1 WSDL file: 1 agent, 11 operations, 18 types; wrote 16 files to generated/.\n',
    );
    expect(readFileSync(path.join(dir, 'generated/index.ts'), 'utf8')).toContain("export * as Services86 from './Services86/index.js';");
    expect(existsSync(path.join(dir, 'generated/Services86/DiagnosticsAgent.ts'))).toBe(true);
    expect(existsSync(path.join(dir, 'generated/runtime/decode.ts'))).toBe(true);

    expect(run(dir, 'generate').stdout).toContain('generated/ is already up to date');
    expect(run(dir, 'generate', '--check')).toMatchObject({ code: 0, stdout: expect.stringContaining('generated/ is up to date') });
  });

  it('--check exits 1 and names changed, missing and stale files, writing nothing', () => {
    const dir = project();
    run(dir);
    const agent = path.join(dir, 'generated/Services86/DiagnosticsAgent.ts');
    writeFileSync(agent, `${readFileSync(agent, 'utf8')}// edited\n`);
    writeFileSync(path.join(dir, 'generated/Services86/old.ts'), '');
    rmSync(path.join(dir, 'generated/runtime/xml.ts'));
    const before = snapshot(path.join(dir, 'generated'));

    const { code, stderr } = run(dir, 'generate', '--check');
    expect(code).toBe(1);
    expect(stderr).toContain('changed: generated/Services86/DiagnosticsAgent.ts');
    expect(stderr).toContain('missing: generated/runtime/xml.ts');
    expect(stderr).toContain('not generated (stale): generated/Services86/old.ts');
    expect(snapshot(path.join(dir, 'generated'))).toEqual(before);

    expect(run(dir).code).toBe(0);
    expect(existsSync(path.join(dir, 'generated/Services86/old.ts'))).toBe(false);
    expect(run(dir, 'generate', '--check').code).toBe(0);
  });

  it('one WSDL file generates <out>/index.ts exporting its agent and types', () => {
    const dir = project();
    const { code } = run(dir, 'generate', 'wsdl/Services86/Diagnostics.wsdl', '--out', 'src/soap');
    expect(code).toBe(0);
    const index = readFileSync(path.join(dir, 'src/soap/index.ts'), 'utf8');
    expect(index).toContain("export * from './DiagnosticsAgent.js';");
    expect(index).toContain("export * from './types/Services86.js';");
    expect(readFileSync(path.join(dir, 'src/soap/DiagnosticsAgent.ts'), 'utf8')).toContain("from './runtime/index.js'");
  });

  it('bad input: exit 1, a one-line error with file and line, and the previous output untouched', () => {
    const dir = project();
    run(dir);
    const before = snapshot(path.join(dir, 'generated'));
    const wsdl = path.join(dir, 'wsdl/Services86/Diagnostics.wsdl');
    writeFileSync(wsdl, readFileSync(wsdl, 'utf8').replace('type="tns:SoCredentials"', 'type="tns:SoCredential"'));

    const { code, stdout, stderr } = run(dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: wsdl\/Services86\/Diagnostics\.wsdl:17:7: the type \{http:\/\/www\.superoffice\.net\/ws\/crm\/NetServer\/Services86\}SoCredential is not declared in any schema\n$/);
    expect(stdout).toBe('');
    expect(snapshot(path.join(dir, 'generated'))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['generated', 'wsdl']);
  });

  it('refuses to replace a folder it did not generate', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'wsdl/notes.txt'), 'mine');
    const { code, stderr } = run(dir, 'generate', 'wsdl/Services86/Diagnostics.wsdl', '--out', 'wsdl');
    expect(code).toBe(1);
    expect(stderr).toMatch(/refusing to replace "wsdl": it is not empty and was not generated by wsdl-agents/);
    expect(readFileSync(path.join(dir, 'wsdl/notes.txt'), 'utf8')).toBe('mine');
  });

  it('an output folder that cannot be written is a one-line error', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'notes.txt'), 'a file, not a folder');
    const { code, stderr } = run(dir, 'generate', '--out', 'notes.txt/soap');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: cannot write "notes\.txt\/soap": .*ENOTDIR.*; the previous output is unchanged\n$/);
  });

  it('--quiet prints nothing on success; a missing input and an unknown option are errors', () => {
    const dir = project();
    expect(run(dir, '--quiet')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(run(dir, 'generate', 'nope.wsdl')).toMatchObject({ code: 1, stderr: 'error: cannot read "nope.wsdl": no such file or folder\n' });
    const unknown = run(dir, 'generate', '--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown argument: frobnicate');
  });
});
