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
  it('top-level --help names every command with examples, and the exit codes', () => {
    for (const request of ['--help', '-h', 'help']) {
      const { code, stdout, stderr } = run(ROOT, request);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('wsdl-agents <command> [options]');
      expect(stdout).toMatch(/Commands:\n +wsdl-agents generate \[inputs\.\.\] +Generate typed TypeScript agents from WSDL files \(the default command\)/);
      expect(stdout).toMatch(/Examples:\n +wsdl-agents generate +Generate wsdl\/ into generated\//);
      expect(stdout).toContain('wsdl-agents generate Services.wsdl --out src/soap');
      expect(stdout).toContain('Exit codes of generate:\n  0  generated, or already up to date\n  1  bad input, or --check found differences\n  2  wrong usage\n');
      expect(stdout).toContain('Run "wsdl-agents <command> --help" for the options of a command.');
      expect(stdout).not.toContain('--max-file-size'); // options are in the command's own help
    }
  });

  it('generate --help documents every option, the examples and the exit codes', () => {
    const { code, stdout } = run(ROOT, 'generate', '--help');
    expect(code).toBe(0);
    for (const text of ['wsdl-agents generate [inputs..]', '-o, --out', '--check', '-q, --quiet', '--strict', '--allow-remote', '--max-file-size', '--fetch-timeout', '--help', '--version', 'Default: wsdl/']) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toContain('wsdl-agents generate --check');
    expect(stdout).toContain('Exit codes of generate:');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(ROOT, '--version')).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('with no arguments generates wsdl/ into generated/, keeping sub-folders', () => {
    const dir = project();
    const { code, stdout, stderr } = run(dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Services86\/Diagnostics\.wsdl: 1 agent, 11 operations, 18 types\n1 WSDL file: 1 agent, 11 operations, 18 types; wrote \d+ files to generated\/\.\n$/);
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
    writeFileSync(agent, readFileSync(agent, 'utf8').replace("'FlushCaches', []", "'FlushCache', []"));
    const types = path.join(dir, 'generated/Services86/types/Services.ts');
    writeFileSync(types, readFileSync(types, 'utf8').replace('  Version?: number;\n', '').replace('export interface Carrier', 'export interface Holder {\n}\n\nexport interface Carrier'));
    writeFileSync(path.join(dir, 'generated/Services86/old.ts'), '');
    rmSync(path.join(dir, 'generated/runtime/xml.ts'));
    const before = snapshot(path.join(dir, 'generated'));

    const { code, stderr } = run(dir, 'generate', '--check');
    expect(code).toBe(1);
    // which declarations differ, not only which files
    expect(stderr).toContain('changed: generated/Services86/DiagnosticsAgent.ts: DiagnosticsAgent.flushCaches() changed\n');
    expect(stderr).toContain('changed: generated/Services86/types/Services.ts: WebAppUsage changed; Holder removed\n');
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
    expect(index).toContain("export * from './types/Services.js';");
    expect(readFileSync(path.join(dir, 'src/soap/DiagnosticsAgent.ts'), 'utf8')).toContain("from './runtime/index.js'");
  });

  it('bad input: exit 1, a one-line error with file and line, and the previous output untouched', () => {
    const dir = project();
    run(dir);
    const before = snapshot(path.join(dir, 'generated'));
    const wsdl = path.join(dir, 'wsdl/Services86/Diagnostics.wsdl');
    writeFileSync(wsdl, readFileSync(wsdl, 'utf8').replace('type="tns:SoCredentials"', 'type="tns:SoCredential"'));

    const { code, stdout, stderr } = run(dir, 'generate', '--strict');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: wsdl\/Services86\/Diagnostics\.wsdl:17:7: the type \{http:\/\/www\.superoffice\.net\/ws\/crm\/NetServer\/Services86\}SoCredential is not declared in any schema\n$/);
    expect(stdout).toBe('');
    expect(snapshot(path.join(dir, 'generated'))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['generated', 'wsdl']);

    // without --strict the fault is worked around: a warning at the same place, and exit 0
    const lenient = run(dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(
      'wsdl/Services86/Diagnostics.wsdl:17:7: warning: the type {http://www.superoffice.net/ws/crm/NetServer/Services86}SoCredential is not declared in any schema; it is typed unknown\n',
    );
  });

  it('reads well-known schemas from the catalog it ships, and names each one used', () => {
    const dir = project();
    const wsdl = path.join(dir, 'wsdl/Services86/Diagnostics.wsdl');
    // an import of xml.xsd by its URL, which the catalog has: no network, no --allow-remote
    const xmlImport = '<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/>';
    writeFileSync(wsdl, readFileSync(wsdl, 'utf8').replace(/(<xs:schema [^>]*>)/, `$1${xmlImport}`));
    const { code, stdout, stderr } = run(dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^using xml-2009-01\.xsd \(W3C, 2009\/01 edition [^)]*\)\) for http:\/\/www\.w3\.org\/XML\/1998\/namespace$/m);
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

  it('--quiet prints nothing on success; a missing input is bad input (exit 1)', () => {
    const dir = project();
    expect(run(dir, '--quiet')).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(run(dir, 'generate', 'nope.wsdl')).toMatchObject({ code: 1, stderr: 'error: cannot read "nope.wsdl": no such file or folder\n' });
  });

  it('a bare run without a wsdl/ folder says what to do next', () => {
    const dir = tempFiles({});
    expect(run(dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: usageError('no inputs given and no wsdl/ folder here: run `wsdl-agents generate <file.wsdl|folder|url> --out <dir>`'),
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('wsdl-agents CLI: wrong usage is exit code 2, says what was wrong and writes nothing', () => {
  /** Runs in a project with wsdl/ and expects a usage error with `message`, and no output folder. */
  function expectUsageError(args: string[], message: string) {
    const dir = project();
    expect(run(dir, ...args)).toEqual({ code: 2, stdout: '', stderr: usageError(message) });
    expect(readdirSync(dir)).toEqual(['wsdl']);
  }

  it.each([
    [['generat', 'wsdl/Services86/Diagnostics.wsdl'], 'unknown command "generat"; did you mean "generate"?'],
    [['Generate'], 'unknown command "Generate"; did you mean "generate"?'],
    [['genrate', '--out', 'src/soap'], 'unknown command "genrate"; did you mean "generate"?'],
  ])('a first word close to a command is a misspelled command: %j', (args, message) => {
    expectUsageError(args, message);
  });

  it('a first word that is an existing folder is an input, however close to a command', () => {
    const dir = project();
    cpSync(DIAGNOSTICS, path.join(dir, 'generat/Diagnostics.wsdl'));
    expect(run(dir, 'generat', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(path.join(dir, 'generated/DiagnosticsAgent.ts'))).toBe(true);
  });

  it.each([
    [['--chek'], 'unknown option --chek; did you mean --check?'],
    [['generate', '--quite'], 'unknown option --quite; did you mean --quiet?'],
    [['--max-filesize', '4'], 'unknown option --max-filesize; did you mean --max-file-size?'],
    [['--allow-remotes'], 'unknown option --allow-remotes; did you mean --allow-remote?'],
    [['generate', '--frobnicate'], 'unknown option --frobnicate'],
    [['-x'], 'unknown option -x'],
    [['-qx'], 'unknown option -x'],
  ])('an unknown option is named, with the one probably meant: %j', (args, message) => {
    expectUsageError(args, message);
  });

  it.each([
    [['-o'], '-o needs a value'],
    [['generate', '--out'], '--out needs a value'],
    [['--out', '--check'], '--out needs a value'],
    [['-o', '-q'], '-o needs a value'],
    [['-qo'], '-o needs a value'],
    [['--out='], '--out needs a value'],
    [['--fetch-timeout'], '--fetch-timeout needs a value'],
    [['-o', 'a', '-o', 'b'], '--out is given more than once'],
  ])('an option that takes a value must have one: %j', (args, message) => {
    expectUsageError(args, message);
  });

  it.each([
    [['--max-file-size', 'abc'], '--max-file-size must be a number above 0 and at most 512 (MiB)'],
    [['--max-file-size', '0'], '--max-file-size must be a number above 0 and at most 512 (MiB)'],
    [['--max-file-size', '1000'], '--max-file-size must be a number above 0 and at most 512 (MiB)'],
    [['--fetch-timeout', '-1'], '--fetch-timeout must be a number above 0 and at most 2147483 (seconds)'],
    [['--fetch-timeout=1e10'], '--fetch-timeout must be a number above 0 and at most 2147483 (seconds)'],
  ])('numbers are checked: %j', (args, message) => {
    expectUsageError(args, message);
  });

  it('options may come in every form yargs reads: --name=value, camelCase, -qo value, --no-flag', () => {
    const dir = project();
    expect(run(dir, '--out=a', '--maxFileSize', '2', '--no-check', '-q')).toMatchObject({ code: 0, stderr: '' });
    expect(run(dir, '-qo', 'b', 'wsdl')).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(dir).sort()).toEqual(['a', 'b', 'wsdl']);
  });
});

function usageError(message: string, command = 'generate'): string {
  return `error: ${message}\nRun "wsdl-agents ${command} --help" for usage.\n`;
}
