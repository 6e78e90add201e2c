/**
 * A new user, as the reporter was: packs the tarball, installs it into fresh client
 * projects (ESM with NodeNext, CommonJS, and a bundler project built by esbuild) without network,
 * generates the Diagnostics agent with `npx wsdl-agents generate`, builds a client that calls
 * `flushCaches()` and runs it against a SOAP server on 127.0.0.1 that answers as SuperOffice's
 * documentation says, checking that the request means what the documented one does.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, startRawServer } from '../e2e/loopback.js';
import { meaningDifferences } from '../helpers/xml-meaning.js';
import { clientLockfile, type PackageManifest } from './client-lock.js';
import { clientProject, type ClientKind } from './client-projects.js';
import { packFromSources, type PackedTarball } from './pack.js';
import { run } from './processes.js';
import { temporaryFolder } from '../helpers/temporary.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIAGNOSTICS_WSDL = path.join(ROOT, 'test/fixtures/superoffice/Services86/Diagnostics.wsdl');
const EXAMPLES = path.join(ROOT, 'test/fixtures/superoffice/Services86/examples/Diagnostics');
const SERVICE_PATH = '/Cust12345/Remote/Services86/Diagnostics.svc';

let workspace: string;
let tarball: PackedTarball;
let manifest: PackageManifest & { readonly scripts?: Readonly<Record<string, string>> };

beforeAll(async () => {
  workspace = temporaryFolder('wsdl-agents-new-user-');
  tarball = await packFromSources(ROOT, workspace);
  manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as typeof manifest;
}, 120_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the compiled generator, its API declarations, the runtime templates, the schema catalog, the JSON Schema of the configuration, README and LICENSE, and nothing else', () => {
    const sources = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.split(path.sep).join('/').replace(/\.ts$/, ''));
    const isCli = (module: string) => module === 'cli' || module.startsWith('cli/');
    const templates = readdirSync(path.join(ROOT, 'templates/runtime')).map((name) => `templates/runtime/${name}`);
    // the catalog of well-known schemas: data the generator reads, with its licences and sources
    const catalog = readdirSync(path.join(ROOT, 'src/read/catalog'))
      .filter((name) => !name.startsWith('.'))
      .map((name) => `src/read/catalog/${name}`);
    const expected = [
      'LICENSE',
      'README.md',
      'package.json',
      ...sources.map((module) => `dist/${module}.js`),
      // the command line is no API: its declarations stay out
      ...sources.filter((module) => !isCli(module)).map((module) => `dist/${module}.d.ts`),
      ...templates,
      'wsdl-agents.schema.json',
      ...catalog,
    ].sort();
    expect(tarball.files).toEqual(expected);
  });

  it('runs nothing when installed, and says where it lives', () => {
    const installTime = ['preinstall', 'install', 'postinstall', 'prepare'];
    expect(Object.keys(manifest.scripts ?? {}).filter((script) => installTime.includes(script))).toEqual([]);
    expect(manifest).toMatchObject({
      license: 'MIT',
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\//) },
      bugs: { url: expect.stringMatching(/^https:\/\//) },
      homepage: expect.stringMatching(/^https:\/\//),
    });
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the wsdl-agents authors\n/);
  });
});

describe.each<ClientKind>(['esm', 'commonjs', 'bundler'])('a new %s project', (kind) => {
  it('installs the tarball offline, generates the Diagnostics agent, builds, and calls flushCaches() over HTTP', async () => {
    const project = clientProject(kind);
    const dir = path.join(workspace, `client-${kind}`);
    const tarballSpec = `file:../${path.basename(tarball.file)}`;
    const packageJson = {
      name: `client-${kind}`,
      version: '1.0.0',
      private: true,
      type: project.type,
      dependencies: project.dependencies,
      devDependencies: { [manifest.name]: tarballSpec, ...project.devDependencies },
    };
    write(dir, 'package.json', JSON.stringify(packageJson, null, 2));
    const lock = clientLockfile(path.join(ROOT, 'package-lock.json'), packageJson, {
      manifest,
      spec: tarballSpec,
      integrity: tarball.integrity,
    });
    write(dir, 'package-lock.json', JSON.stringify(lock, null, 2));
    write(dir, 'tsconfig.json', JSON.stringify(project.tsconfig, null, 2));
    for (const [name, content] of Object.entries(project.files)) write(dir, name, content);
    copyFileSync(DIAGNOSTICS_WSDL, path.join(dir, 'Diagnostics.wsdl'));

    await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: dir });

    // --offline: were the bin missing, npx would look for the name on the registry
    const generated = await run('npx', ['--offline', manifest.name, 'generate', 'Diagnostics.wsdl', '--out', 'src/soap'], { cwd: dir });
    expect(generated.stdout).toContain('1 WSDL file: 1 agent, 11 operations, 18 types; wrote');
    expect(generated.stderr).toBe('');
    if (kind === 'esm') {
      // the installed package finds the catalog of well-known schemas it ships (xml.xsd by its URL here)
      const xmlImport = '<xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/>';
      write(dir, 'Catalog.wsdl', readFileSync(DIAGNOSTICS_WSDL, 'utf8').replace(/(<xs:schema [^>]*>)/, `$1${xmlImport}`));
      const catalog = await run('npx', ['--offline', manifest.name, 'generate', 'Catalog.wsdl', '--out', path.join(workspace, 'catalog-check')], { cwd: dir });
      expect(catalog.stdout).toMatch(/^using xml-2009-01\.xsd \(W3C, /m);
    }

    for (const step of project.build) await run(process.execPath, step, { cwd: dir });
    if (kind === 'commonjs') expect(readFileSync(path.join(dir, project.main), 'utf8')).toContain('require("./soap/index.js")');

    const server = await startRawServer(() => ({ body: readFileSync(path.join(EXAMPLES, 'FlushCaches.response.xml'), 'utf8') }));
    const called = await run(process.execPath, [project.main, `${server.base}${SERVICE_PATH}`], { cwd: dir, timeoutMs: 30_000 }).finally(() =>
      closeServer(server.http),
    );

    expect(called).toEqual({ stdout: 'flushCaches resolved with undefined\n', stderr: '' });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: SERVICE_PATH });
    expect(request.headers).toMatchObject({
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '"http://www.superoffice.net/ws/crm/NetServer/Services86/Diagnostics/FlushCaches"',
    });
    expect(meaningDifferences(request.body, readFileSync(path.join(EXAMPLES, 'FlushCaches.request.xml'), 'utf8'))).toEqual([]);
  }, 180_000);
});

function write(dir: string, name: string, content: string): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), content.endsWith('\n') ? content : `${content}\n`);
}
