/**
 * The generated files land in the user's source tree and are compiled with the user's tsconfig,
 * so they must compile under every configuration a TypeScript project plausibly has: the compiler
 * options of each row below (from `strict` off to @tsconfig/strictest and `tsc --init`), each with
 * three module systems, each with and without @types/node. Compiled: `generated/` (the committed
 * output of wsdl/), the golden Diagnostics output with the runtime templates, and a client file
 * that passes undefined-able values to every optional option (for exactOptionalPropertyTypes).
 * The TypeScript compiler runs in-process, with parsed files shared between programs.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listTsFiles } from '../helpers/typecheck.js';
import { tempFiles } from '../helpers/wsdl-builder.js';

/* ---------------------------------------------------------------------------------------------
 * The matrix
 * ------------------------------------------------------------------------------------------- */

/** @tsconfig/strictest, as installed (its JSON has no comments). */
const strictest = (JSON.parse(readFileSync('node_modules/@tsconfig/strictest/tsconfig.json', 'utf8')) as { compilerOptions: Record<string, unknown> })
  .compilerOptions;

/**
 * What `tsc --init` of TypeScript 5.9 writes (its comments left out). Note `types: []`: no
 * @types package is included unless listed, so the env rows below override `types` only where
 * they add @types/node.
 */
const TSC_INIT_5_9: Record<string, unknown> = {
  module: 'nodenext',
  target: 'esnext',
  types: [],
  sourceMap: true,
  declaration: true,
  declarationMap: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  strict: true,
  jsx: 'react-jsx',
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUncheckedSideEffectImports: true,
  moduleDetection: 'force',
  skipLibCheck: true,
};

/**
 * Under every row: the target, and skipLibCheck as nearly every project sets it (without it,
 * each case would type-check lib.dom.d.ts and @types/node again); its own row turns it off.
 */
const BASE: Record<string, unknown> = { target: 'es2022', skipLibCheck: true };

/** Compiler options as a tsconfig.json writes them; each row is compiled with every module and env below. */
const OPTION_SETS: Record<string, Record<string, unknown>> = {
  'strict off': { strict: false },
  strict: { strict: true },
  '@tsconfig/strictest': strictest,
  'tsc --init (5.9)': TSC_INIT_5_9,
  noUncheckedIndexedAccess: { strict: true, noUncheckedIndexedAccess: true },
  exactOptionalPropertyTypes: { strict: true, exactOptionalPropertyTypes: true },
  erasableSyntaxOnly: { strict: true, erasableSyntaxOnly: true },
  isolatedDeclarations: { strict: true, declaration: true, isolatedDeclarations: true },
  verbatimModuleSyntax: { strict: true, verbatimModuleSyntax: true },
  // TypeScript's own lib files are still skipped: they are not what this row is about
  'skipLibCheck false': { strict: true, skipLibCheck: false, skipDefaultLibCheck: true },
};

const MODULES: Record<string, Record<string, unknown>> = {
  NodeNext: { module: 'nodenext', moduleResolution: 'nodenext' },
  'ESNext + bundler': { module: 'esnext', moduleResolution: 'bundler' },
  'CommonJS + node10': { module: 'commonjs', moduleResolution: 'node10' },
};

const ENVIRONMENTS: Record<string, Record<string, unknown>> = {
  'ES2022 + DOM, no @types/node': { lib: ['es2022', 'dom'], types: [] },
  'ES2022 + @types/node': { lib: ['es2022'], types: ['node'] },
};

/**
 * Combinations no source written with `import`/`export` can compile under: verbatimModuleSyntax
 * keeps imports as written, so a CommonJS output would need `import x = require()`.
 * The test checks that these fail for that reason alone, so the list stays honest.
 */
const IMPOSSIBLE: Record<string, string> = {
  'tsc --init (5.9) | CommonJS + node10': 'verbatimModuleSyntax with CommonJS output rejects ESM syntax (TS1286, TS1287, TS1295)',
  'verbatimModuleSyntax | CommonJS + node10': 'verbatimModuleSyntax with CommonJS output rejects ESM syntax (TS1286, TS1287, TS1295)',
};
const IMPOSSIBLE_CODES = new Set([1286, 1287, 1295]);


/* ---------------------------------------------------------------------------------------------
 * The inputs
 * ------------------------------------------------------------------------------------------- */

/** A client as users write it: every optional option given a value that may be undefined. */
const CLIENT = `import { DiagnosticsAgent, type AgentOptions, type DiagnosticsRequestHeaders, type HttpOptions, type SecurityOptions, type WireExchange } from './index.js';

declare const maybe: { string?: string; number?: number; boolean?: boolean; signal?: AbortSignal; headers?: Record<string, string> };
declare const env: Record<string, string | undefined>;

const http: HttpOptions = {
  ca: env['CA'],
  cert: env['CERT'],
  key: env['KEY'],
  passphrase: env['PASSPHRASE'],
  rejectUnauthorized: maybe.boolean,
  maxSockets: maybe.number,
  keepAlive: maybe.boolean,
};
const security: SecurityOptions = {
  username: env['USER'] ?? '',
  password: env['PASSWORD'] ?? '',
  passwordType: env['DIGEST'] ? 'PasswordDigest' : undefined,
  timestamp: maybe.boolean,
  mustUnderstand: maybe.boolean,
};
const options: AgentOptions<DiagnosticsRequestHeaders> = {
  endpoint: env['X'],
  headers: env['TICKET'] ? { Credentials: { Ticket: env['TICKET'] } } : undefined,
  httpHeaders: maybe.headers,
  transport: env['TRANSPORT'] === 'fetch' ? 'fetch' : undefined,
  fetch: undefined,
  http,
  timeout: maybe.number,
  signal: maybe.signal,
  maxResponseBytes: maybe.number,
  security,
  onExchange: env['DEBUG'] ? (exchange: WireExchange) => console.log(exchange.operation) : undefined,
};

export async function client(): Promise<(string | null)[] | null> {
  const agent = new DiagnosticsAgent({ endpoint: env['X'], timeout: maybe.number, security: undefined });
  new DiagnosticsAgent(options);
  return agent.getCacheNames({ headers: undefined, timeout: maybe.number, signal: maybe.signal, onResponseHeaders: undefined });
}
`;

/** The golden Diagnostics output with the runtime templates beside it, and the client, in one folder of the repository. */
function goldenWithClient(): string[] {
  const dir = tempFiles({ 'client.ts': CLIENT }, { inRepo: true });
  cpSync('test/golden/diagnostics', dir, { recursive: true });
  mkdirSync(path.join(dir, 'runtime'));
  for (const file of listTsFiles('templates/runtime')) writeFileSync(path.join(dir, 'runtime', path.basename(file)), readFileSync(file));
  return listTsFiles(dir);
}

/* ---------------------------------------------------------------------------------------------
 * Compiling
 * ------------------------------------------------------------------------------------------- */

/** Parsed files by name and parse settings, shared by every program of the matrix (lib.dom.d.ts alone is 1.5 MB). */
const parsed = new Map<string, ts.SourceFile>();

function compile(files: string[], tsconfigOptions: Record<string, unknown>): { file: string | undefined; code: number; text: string }[] {
  const converted = ts.convertCompilerOptionsFromJson(tsconfigOptions, process.cwd());
  expect(converted.errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n'))).toEqual([]);
  const options: ts.CompilerOptions = { ...converted.options, noEmit: true, typeRoots: [path.resolve('node_modules/@types')] };
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const settings = typeof languageVersion === 'object' ? `${languageVersion.languageVersion}|${languageVersion.impliedNodeFormat}` : String(languageVersion);
    const key = `${fileName}|${settings}`;
    let file = parsed.get(key);
    if (!file) {
      file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) parsed.set(key, file);
    }
    return file;
  };
  const program = ts.createProgram({ rootNames: files, options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return { file: undefined, code: diagnostic.code, text: `TS${diagnostic.code}: ${text}` };
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const file = path.relative(process.cwd(), diagnostic.file.fileName);
    return { file, code: diagnostic.code, text: `${file.replace(/^\.test-output[\\/][^\\/]+/, '<golden>')}:${line + 1}:${character + 1}: TS${diagnostic.code}: ${text}` };
  });
}

describe('the generated code compiles under every client tsconfig', () => {
  const files = [...listTsFiles('generated'), ...goldenWithClient()];
  const cases = Object.entries(OPTION_SETS).flatMap(([setName, set]) =>
    Object.entries(MODULES).flatMap(([moduleName, module]) =>
      Object.entries(ENVIRONMENTS).map(([envName, env]) => ({
        name: `${setName} | ${moduleName} | ${envName}`,
        key: `${setName} | ${moduleName}`,
        options: { ...BASE, ...set, ...module, ...env },
      })),
    ),
  );

  it.each(cases)('$name', async ({ name, key, options }) => {
    // each compilation holds the thread for a while: let the test runner's messages through first
    await new Promise((resolve) => setImmediate(resolve));
    const errors = compile(files, options);
    const impossible = IMPOSSIBLE[key];
    if (impossible) {
      expect(errors.length, `${name}: listed as impossible (${impossible}), yet it compiles`).toBeGreaterThan(0);
      const otherReasons = errors.filter((error) => !IMPOSSIBLE_CODES.has(error.code));
      expect(otherReasons.map((error) => error.text)).toEqual([]);
      return;
    }
    expect(errors.map((error) => error.text)).toEqual([]);
  });
});
