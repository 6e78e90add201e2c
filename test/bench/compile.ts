/**
 * The generated code as an application ships it: plain JavaScript. tsx (which runs the benchmark
 * scripts) transpiles TypeScript with esbuild's keepNames, which wraps every function and closure
 * in a `__name(fn, "name")` call (an Object.defineProperty per closure created): a cost no
 * tsc-built application pays, and one that would land on each side's closures differently. So
 * the generated agents and runtime are transpiled here with TypeScript's own
 * `transpileModule` (target ES2022, as the root tsconfig) into .test-output/bench/js (ours.ts
 * loads them from there). Kept apart from ours.ts because it loads the TypeScript compiler, which
 * a process measuring its own memory must not.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './fixtures.js';
import { COMPILED_DIR } from './ours.js';

function tsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Transpiles `sources` (paths relative to the repository root: files or folders) into COMPILED_DIR, keeping their layout. */
export function compileToJs(sources: readonly string[]): void {
  for (const source of sources) {
    const full = path.join(ROOT, source);
    const files = full.endsWith('.ts') ? [full] : tsFiles(full);
    for (const file of files) {
      const output = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      });
      const target = path.join(COMPILED_DIR, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, output.outputText);
    }
  }
}

/** Compiles the generated Services86 agents, the runtime and the start-up child, once per run. */
export function compileGenerated(): void {
  rmSync(COMPILED_DIR, { recursive: true, force: true });
  compileToJs(['generated/runtime', 'generated/Services86', 'test/bench/startup-child.ts']);
}
