/** wsdl-agents.config.json on the command line, and `wsdl-agents init`. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonc, plainValue } from '../../src/config/jsonc.js';
import { tempFiles } from '../helpers/wsdl-builder.js';
import { ROOT, runCli } from './source-cli.js';

const DIAGNOSTICS = path.join(ROOT, 'test/fixtures/superoffice/Services86/Diagnostics.wsdl');

/** A scratch project holding wsdl/Services86/Diagnostics.wsdl and the given files. */
function project(files: Record<string, string> = {}): string {
  const dir = tempFiles(files);
  cpSync(DIAGNOSTICS, path.join(dir, 'wsdl/Services86/Diagnostics.wsdl'));
  return dir;
}

const config = (value: object) => JSON.stringify(value, null, 2);

describe('generate with wsdl-agents.config.json', () => {
  it('takes inputs, output folder and quiet from the file in the current folder', () => {
    const dir = project({ 'wsdl-agents.config.json': config({ inputs: ['wsdl/Services86/Diagnostics.wsdl'], out: 'src/soap', quiet: true }) });
    expect(runCli(dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(path.join(dir, 'src/soap/DiagnosticsAgent.ts'))).toBe(true);
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('flags and arguments override the file', () => {
    const dir = project({ 'wsdl-agents.config.json': config({ inputs: ['nope.wsdl'], out: 'src/soap', quiet: true }) });
    const { code, stdout, stderr } = runCli(dir, 'generate', 'wsdl', '--out', 'other', '--no-quiet');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/wrote \d+ files to other\/\./);
    expect(existsSync(path.join(dir, 'other/Services86/DiagnosticsAgent.ts'))).toBe(true);
    expect(existsSync(path.join(dir, 'src'))).toBe(false);
  });

  it('--config reads another file, whose relative paths are relative to it', () => {
    const dir = project({ 'settings/wsdl.json': config({ inputs: ['../wsdl'], out: '../build/soap' }) });
    const { code, stdout } = runCli(dir, '--config', 'settings/wsdl.json');
    expect(code).toBe(0);
    expect(stdout).toContain(`files to ${path.normalize('build/soap')}/.`);
    expect(existsSync(path.join(dir, 'build/soap/Services86/DiagnosticsAgent.ts'))).toBe(true);
  });

  it('a mistake in the file is bad input: exit 1, file:line:col, the key path and what was expected; nothing written', () => {
    const dir = project({ 'wsdl-agents.config.json': '{\n  // where\n  "out": "src/soap",\n  "options": { "parameters": "objects" }\n}\n' });
    expect(runCli(dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: wsdl-agents.config.json:4:30: options.parameters must be one of "positional", "object", "auto", found "objects"\n',
    });
    writeFileSync(path.join(dir, 'wsdl-agents.config.json'), config({ ouput: 'x' }));
    expect(runCli(dir)).toMatchObject({ code: 1, stderr: 'error: wsdl-agents.config.json:2:3: unknown key "ouput"; did you mean "out"?\n' });
    expect(runCli(dir, '--config', 'nope.json')).toMatchObject({ code: 1, stderr: 'error: cannot read the configuration "nope.json": no such file\n' });
    expect(readdirSync(dir).sort()).toEqual(['wsdl', 'wsdl-agents.config.json']);
  });

  it('code options are flags too, checked like the file (wrong usage: exit 2)', () => {
    const dir = project();
    expect(runCli(dir, '--dates', 'date')).toMatchObject({ code: 2, stderr: 'error: --dates must be one of "Date", "string"\nRun "wsdl-agents generate --help" for usage.\n' });
    expect(runCli(dir, '--agent-prefix', '1st')).toMatchObject({ code: 2, stderr: expect.stringContaining('--agent-prefix must be empty or the start of a TypeScript name') });
    expect(runCli(dir, '--max-positional-parameters', '1.5')).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-positional-parameters must be a whole number from 0 to 100') });
    expect(runCli(dir, '--parameters', 'object', '--parameters', 'auto')).toMatchObject({ code: 2, stderr: expect.stringContaining('--parameters is given more than once') });
    expect(runCli(dir, '--int64', 'bigint', '--agent-suffix=', '--descriptors', 'folder', '-q')).toMatchObject({ code: 0, stderr: '' });
    expect(runCli(dir, '--watch', '--check')).toMatchObject({ code: 2, stderr: expect.stringContaining('--watch and --check cannot be given together') });
  });

  it('the help names the configuration, --watch, and every code option with its default', () => {
    const { stdout } = runCli(ROOT, 'generate', '--help');
    for (const text of ['--config', '--watch', '--strict', '--parameters', '[default: auto]', '--max-positional-parameters', '--dates', '--int64', '--agent-prefix', '--agent-suffix', '[default: Agent]', '--type-prefix', '--type-suffix', '--descriptors', '[default: wsdl]']) {
      expect(stdout).toContain(text);
    }
    const top = runCli(ROOT, '--help').stdout;
    expect(top).toMatch(/wsdl-agents init \[inputs\.\.\] +Write a starter wsdl-agents\.config\.json/);
    expect(top).toMatch(/wsdl-agents mock \[inputs\.\.\] +Answer SOAP requests over HTTP with example responses/);
  });
});

describe('wsdl-agents init', () => {
  it('writes a documented starter config for wsdl/, which generate then follows; never over one that exists without --force', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'src'));
    const { code, stdout } = runCli(dir, 'init');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote wsdl-agents\.config\.json: inputs wsdl; output src\/soap\/\.\nNext:\n {2}npx wsdl-agents generate {10}generate as it says\n/);
    const text = readFileSync(path.join(dir, 'wsdl-agents.config.json'), 'utf8');
    const value = plainValue(parseJsonc(text, 'c.json')) as Record<string, unknown>;
    expect(value).toMatchObject({ inputs: ['wsdl'], out: 'src/soap', quiet: false, options: { parameters: 'auto' } });
    // $schema leads to the schema this package ships (here: the clone's, as nothing is installed)
    expect(readFileSync(path.resolve(dir, value['$schema'] as string), 'utf8')).toBe(readFileSync(path.join(ROOT, 'wsdl-agents.schema.json'), 'utf8'));

    expect(runCli(dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/wrote \d+ files to src\/soap\/\./) });

    writeFileSync(path.join(dir, 'wsdl-agents.config.json'), '{}');
    expect(runCli(dir, 'init')).toEqual({ code: 1, stdout: '', stderr: 'error: wsdl-agents.config.json exists; run with --force to replace it\n' });
    expect(readFileSync(path.join(dir, 'wsdl-agents.config.json'), 'utf8')).toBe('{}');
    expect(runCli(dir, 'init', '--force').code).toBe(0);
    expect(readFileSync(path.join(dir, 'wsdl-agents.config.json'), 'utf8')).toBe(text);
  });

  it('points $schema at the installed package when there is one', () => {
    const dir = project({ 'node_modules/wsdl-agents/wsdl-agents.schema.json': '{}' });
    expect(runCli(dir, 'init').code).toBe(0);
    const value = plainValue(parseJsonc(readFileSync(path.join(dir, 'wsdl-agents.config.json'), 'utf8'), 'c.json'));
    expect(value).toMatchObject({ $schema: './node_modules/wsdl-agents/wsdl-agents.schema.json', out: 'generated' });
  });

  it('takes inputs and output as arguments, written relative to the file it writes', () => {
    const dir = project();
    const { code, stdout } = runCli(dir, 'init', 'wsdl/Services86/Diagnostics.wsdl', 'https://host/A.svc?wsdl', 'missing', '--out', 'build/soap', '--config', 'settings/soap.json');
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote settings/soap.json: inputs ../wsdl/Services86/Diagnostics.wsdl, https://host/A.svc?wsdl, ../missing; output ../build/soap/.\n');
    expect(stdout).toContain('../missing does not exist yet: put your WSDL files there, or change "inputs".\n');
    expect(stdout).toContain('npx wsdl-agents generate --config settings/soap.json --watch');
    const value = plainValue(parseJsonc(readFileSync(path.join(dir, 'settings/soap.json'), 'utf8'), 'c.json'));
    expect(value).toMatchObject({ inputs: ['../wsdl/Services86/Diagnostics.wsdl', 'https://host/A.svc?wsdl', '../missing'], out: '../build/soap' });
  });
});
