/**
 * Puts generated files where they can be type-checked and run: under the repository's
 * .test-output/, so @types/node resolves from its node_modules and its package.json
 * makes them ES modules.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { STRICT_NODENEXT } from '../helpers/typecheck.js';
import { REPOSITORY_ROOT } from './corpus.js';
import { temporaryFolder } from '../helpers/temporary.js';

/** A fresh folder for one scoreboard run; a new one each time, so no import is served from cache. */
export function createOutputRoot(): string {
  return temporaryFolder('conformance-', { inRepo: true });
}

export function removeOutputRoot(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Writes generated files (relative path → content) into `dir`; returns the paths written. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): string[] {
  return [...files].map(([name, content]) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  });
}

/** The strict options of test/helpers/typecheck.ts, with @types found from any working directory. */
const STRICT_OPTIONS: ts.CompilerOptions = {
  ...STRICT_NODENEXT,
  typeRoots: [path.join(REPOSITORY_ROOT, 'node_modules/@types')],
};

/**
 * Writes generated folders (folder → relative path → content) and type-checks them together in one
 * TypeScript program, much faster than one program each. Their `runtime/` copies are identical, so
 * each folder gets a link to one shared copy instead: TypeScript follows the links to the same
 * files and checks the runtime once, not once per folder (which was most of the time). A copy that
 * differs is kept in its folder. Returns each folder's diagnostics as `file:line:col: message`,
 * relative to the folder; problems in the shared runtime are reported for every folder.
 */
export function typecheckGenerated(folders: ReadonlyMap<string, ReadonlyMap<string, string>>, sharedRuntime: string): Map<string, string[]> {
  const [first] = folders.values();
  const shared = first ? runtimeFiles(first) : new Map<string, string>();
  writeFiles(sharedRuntime, shared);
  const roots: string[] = [];
  for (const [dir, files] of folders) {
    const runtime = runtimeFiles(files);
    if (sameFiles(runtime, shared)) {
      mkdirSync(dir, { recursive: true });
      symlinkSync(sharedRuntime, path.join(dir, 'runtime'), 'junction');
    } else {
      writeFiles(path.join(dir, 'runtime'), runtime);
    }
    roots.push(...writeFiles(dir, new Map([...files].filter(([name]) => !name.startsWith(RUNTIME) && name.endsWith('.ts')))));
  }

  const program = ts.createProgram(roots, STRICT_OPTIONS);
  const byFolder = new Map<string, string[]>([...folders.keys()].map((folder) => [folder, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const fileName = diagnostic.file ? path.resolve(diagnostic.file.fileName) : undefined;
    const folder = fileName && [...folders.keys()].find((dir) => fileName.startsWith(dir + path.sep));
    const where = (base: string) => {
      const { line, character } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return `${path.relative(base, fileName!)}:${line + 1}:${character + 1}: ${message}`;
    };
    if (folder) byFolder.get(folder)!.push(where(folder));
    // in the shared runtime, or not in a file at all (options, lib): it concerns every folder
    else for (const list of byFolder.values()) list.push(fileName ? `${RUNTIME}${where(sharedRuntime)}` : message);
  }
  return byFolder;
}

const RUNTIME = 'runtime/';

/** The files of a generated folder's runtime/, relative to it. */
function runtimeFiles(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...files].filter(([name]) => name.startsWith(RUNTIME)).map(([name, content]) => [name.slice(RUNTIME.length), content]));
}

function sameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, content]) => b.get(name) === content);
}

/**
 * Transpiles generated TypeScript to JavaScript in `dir` (relative imports already end in .js), so
 * its modules can be imported as plain ES modules on disk: the same under vitest and tsx.
 */
export function transpileInto(dir: string, files: ReadonlyMap<string, string>): void {
  const javascript = new Map<string, string>();
  for (const [name, source] of files) {
    if (!name.endsWith('.ts')) continue;
    const output = ts.transpileModule(source, {
      fileName: name,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    javascript.set(name.replace(/\.ts$/, '.js'), output.outputText);
  }
  writeFiles(dir, javascript);
}

export async function importModule(dir: string, file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
}
