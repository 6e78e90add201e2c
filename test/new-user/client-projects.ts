/**
 * Fresh client projects of three kinds, set up as their authors would: package.json, tsconfig.json
 * and one source file that calls a generated agent. Each kind says how it is built and run.
 */
import { readFileSync } from 'node:fs';

/** The versions this repository uses, which its lock file (and so the npm cache) holds. */
const repository = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

export type ClientKind = 'esm' | 'commonjs' | 'bundler';

/** The documented header values of SuperOffice's examples, so that the request matches the documented one. */
const CLIENT_SOURCE = `import { DiagnosticsAgent } from './soap/index.js';

async function flushCaches(endpoint: string): Promise<void> {
  const agent = new DiagnosticsAgent({
    endpoint,
    headers: { ApplicationToken: '1234567-1234-9876', Credentials: { Ticket: '7T:1234abcxyzExample==' } },
  });
  const result: void = await agent.flushCaches();
  console.log(\`flushCaches resolved with \${String(result)}\`);
}

const endpoint = process.argv[2];
if (!endpoint) throw new Error('usage: main <endpoint>');
flushCaches(endpoint).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** What demanding projects turn on, as `tsc --init` of TypeScript 5.9 does. */
const STRICT = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  skipLibCheck: true,
  target: 'es2022',
  lib: ['es2022'],
  types: ['node'],
};

export interface ClientProject {
  readonly type: 'module' | 'commonjs';
  /** Besides wsdl-agents itself, a devDependency (the generator runs at build time only). */
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly tsconfig: object;
  /** Files besides package.json and tsconfig.json, by path. */
  readonly files: Readonly<Record<string, string>>;
  /** `node` arguments, run in order, that build the client into `main`. */
  readonly build: readonly (readonly string[])[];
  /** The built program, run with `node main <endpoint>`. */
  readonly main: string;
}

const TSC = 'node_modules/typescript/bin/tsc';

export function clientProject(kind: ClientKind): ClientProject {
  // the generated code needs no package at run time
  const dependencies = {};
  const devDependencies = { typescript: repository.devDependencies.typescript, '@types/node': repository.devDependencies['@types/node'] };
  switch (kind) {
    case 'esm':
      return {
        type: 'module',
        dependencies,
        devDependencies,
        tsconfig: {
          compilerOptions: { ...STRICT, module: 'nodenext', verbatimModuleSyntax: true, isolatedModules: true, rootDir: 'src', outDir: 'dist' },
          include: ['src'],
        },
        files: { 'src/main.ts': CLIENT_SOURCE },
        build: [[TSC, '-p', '.']],
        main: 'dist/main.js',
      };
    case 'commonjs':
      // module nodenext in a package without "type": "module" compiles to require() calls
      return {
        type: 'commonjs',
        dependencies,
        devDependencies,
        tsconfig: { compilerOptions: { ...STRICT, module: 'nodenext', rootDir: 'src', outDir: 'dist' }, include: ['src'] },
        files: { 'src/main.ts': CLIENT_SOURCE },
        build: [[TSC, '-p', '.']],
        main: 'dist/main.js',
      };
    case 'bundler':
      // tsc only type-checks, as bundler projects do; esbuild builds one file
      return {
        type: 'module',
        dependencies,
        devDependencies: { ...devDependencies, esbuild: repository.devDependencies.esbuild },
        tsconfig: {
          compilerOptions: { ...STRICT, module: 'preserve', moduleResolution: 'bundler', verbatimModuleSyntax: true, noEmit: true },
          include: ['src'],
        },
        files: {
          'src/main.ts': CLIENT_SOURCE,
          'build.mjs': `import { build } from 'esbuild';

await build({ entryPoints: ['src/main.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: 'dist/main.js' });
`,
        },
        build: [[TSC, '-p', '.'], ['build.mjs']],
        main: 'dist/main.js',
      };
  }
}
