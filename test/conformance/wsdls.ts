/**
 * Part (a) of the scoreboard: every corpus WSDL through `generate`. A valid WSDL passes when it
 * generates and its output type-checks strictly; a broken one when generation stops with a
 * WsdlError that names file, line and column.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { WsdlError, formatWarning } from '../../src/errors.js';
import { findInputs, generate } from '../../src/generate.js';
import type { CorpusWsdl } from './corpus.js';
import { describeCrash, shortenPaths } from './describe.js';
import { EXPECTED_BROKEN } from './expected-broken.js';
import { typecheckGenerated } from './generated-code.js';

export interface WsdlResult {
  /** Relative to the corpus' wsdl/ folder. */
  readonly name: string;
  readonly expected: 'valid' | 'broken';
  /** For a broken WSDL: what is wrong with it (from EXPECTED_BROKEN). */
  readonly brokenBecause?: string;
  readonly passed: boolean;
  /** Why it failed; for a broken WSDL that passed, the error it gave. */
  readonly reason?: string;
  /** Warnings of a successful generation. */
  readonly warnings: number;
}

type Generation =
  | { readonly kind: 'generated'; readonly files: ReadonlyMap<string, string>; readonly warnings: readonly string[] }
  | { readonly kind: 'wsdlError'; readonly message: string }
  | { readonly kind: 'crash'; readonly message: string };

export function checkWsdls(wsdls: readonly CorpusWsdl[], outputRoot: string): WsdlResult[] {
  const generations = wsdls.map((wsdl) => ({ wsdl, generation: tryGenerate(wsdl.file) }));

  // every valid WSDL that generated is type-checked in one program: much faster than one each
  const folderOf = (wsdl: CorpusWsdl) => path.join(outputRoot, 'wsdl', wsdl.name);
  const folders = new Map<string, ReadonlyMap<string, string>>();
  for (const { wsdl, generation } of generations) {
    if (generation.kind === 'generated' && !isBroken(wsdl.name)) folders.set(folderOf(wsdl), generation.files);
  }
  const diagnostics = typecheckGenerated(folders, path.join(outputRoot, 'wsdl-runtime'));

  return generations.map(({ wsdl, generation }) =>
    isBroken(wsdl.name) ? judgeBroken(wsdl, generation) : judgeValid(wsdl, generation, diagnostics.get(folderOf(wsdl)) ?? []),
  );
}

function isBroken(name: string): boolean {
  return Object.hasOwn(EXPECTED_BROKEN, name);
}

function tryGenerate(file: string): Generation {
  try {
    const result = generate(findInputs([file]));
    return { kind: 'generated', files: result.files, warnings: result.warnings.map((warning) => shortenPaths(formatWarning(warning))) };
  } catch (error) {
    if (error instanceof WsdlError) return { kind: 'wsdlError', message: error.message };
    return { kind: 'crash', message: describeCrash(error) };
  }
}

function judgeValid(wsdl: CorpusWsdl, generation: Generation, diagnostics: readonly string[]): WsdlResult {
  const result = { name: wsdl.name, expected: 'valid' as const, warnings: 0 };
  switch (generation.kind) {
    case 'crash':
      return { ...result, passed: false, reason: `generator crashed: ${generation.message}` };
    case 'wsdlError':
      return { ...result, passed: false, reason: `rejected: ${shortenPaths(generation.message)}` };
    case 'generated': {
      const warnings = generation.warnings.length;
      if (diagnostics.length === 0) return { ...result, warnings, passed: true };
      const more = diagnostics.length > 1 ? ` (+${diagnostics.length - 1} more)` : '';
      return { ...result, warnings, passed: false, reason: `type errors: ${diagnostics[0]}${more}` };
    }
  }
}

/** `file:line:col: ` at the start; the file must exist and the position must be a real one. */
const LOCATED = /^(.+?):(\d+):(\d+): \S/;

function judgeBroken(wsdl: CorpusWsdl, generation: Generation): WsdlResult {
  const result = { name: wsdl.name, expected: 'broken' as const, brokenBecause: EXPECTED_BROKEN[wsdl.name], warnings: 0 };
  switch (generation.kind) {
    case 'crash':
      return { ...result, passed: false, reason: `generator crashed instead of a WsdlError: ${generation.message}` };
    case 'generated': {
      // a warning, if any, shows what the generator worked around instead of stopping
      const [first, ...more] = generation.warnings;
      const warned = first ? `; ${more.length > 0 ? `first of ${more.length + 1} warnings` : 'its warning'}: ${first}` : '';
      return { ...result, warnings: generation.warnings.length, passed: false, reason: `generated without an error${warned}` };
    }
    case 'wsdlError': {
      const message = shortenPaths(generation.message);
      const match = LOCATED.exec(generation.message);
      if (!match) return { ...result, passed: false, reason: `WsdlError without file:line:col: ${message}` };
      const [, file, line, column] = match;
      if (!existsSync(file)) return { ...result, passed: false, reason: `WsdlError names a file that does not exist: ${message}` };
      if (Number(line) < 1 || Number(column) < 1) {
        return { ...result, passed: false, reason: `WsdlError at line ${line}, column ${column} (both count from 1): ${message}` };
      }
      return { ...result, passed: true, reason: message };
    }
  }
}
