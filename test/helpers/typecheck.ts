/** Type-checks a folder of generated TypeScript as a strict Node ESM project would. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const STRICT_NODENEXT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [path.resolve('node_modules/@types')],
  skipLibCheck: true,
  // what demanding projects turn on, so generated code must pass them too
  noUnusedLocals: true,
  noUnusedParameters: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  verbatimModuleSyntax: true,
};

export function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name))
    .sort();
}

/** Formatted diagnostics; empty when the files compile. */
export function typecheck(files: string[], options: ts.CompilerOptions = STRICT_NODENEXT): string[] {
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(process.cwd(), diagnostic.file.fileName)}:${line + 1}:${character + 1}: ${message}`;
  });
}
