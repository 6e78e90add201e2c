/**
 * What every command of the command line is: one module per command (src/cli/<name>.ts) exports
 * a CliCommand, and src/cli/commands.ts lists them. main.ts parses, checks and dispatches.
 */
import type { Options, PositionalOptions } from 'yargs';

/** Wrong command-line usage: always exit code 2, whatever the command. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE_EXIT_CODE = 2;

export interface ExitCodeMeaning {
  readonly code: number;
  readonly meaning: string;
}

/** The arguments as yargs parsed them; each command checks and converts the ones it declared. */
export type ParsedArguments = Readonly<Record<string, unknown>>;

export interface CliCommand {
  /** The command word: `generate`. */
  readonly name: string;
  /** Its positionals in yargs notation: `[inputs..]`, `<old> <new>`, or ''. */
  readonly positionals: string;
  readonly positionalOptions: Readonly<Record<string, PositionalOptions>>;
  /** One line, for the top-level help. */
  readonly summary: string;
  /** Options by their long name (kebab-case). Every option that takes a value must be given one. */
  readonly options: Readonly<Record<string, Options>>;
  /** `[command line without the script name, what it does]`, shown in both helps. */
  readonly examples: readonly (readonly [string, string])[];
  /** Every exit code the command can end with, usage errors included. */
  readonly exitCodes: readonly ExitCodeMeaning[];
  /** The exit code for bad input (a WsdlError). */
  readonly badInputExitCode: number;
  /** Does the work; resolves to the exit code. Throws UsageError or WsdlError for the user's mistakes. */
  readonly run: (args: ParsedArguments) => Promise<number>;
}

/** A string option's value: given at most once, and not empty when given. */
export function stringOption(args: ParsedArguments, name: string): string | undefined {
  const value = single(args, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

export function booleanOption(args: ParsedArguments, name: string): boolean {
  return single(args, name) === true;
}

/** A list of strings (variadic positionals). */
export function stringList(args: ParsedArguments, name: string): string[] {
  const value = args[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function single(args: ParsedArguments, name: string): unknown {
  const value = args[name];
  // yargs collects an option given twice into an array, whatever its declared type
  if (Array.isArray(value)) throw new UsageError(`--${name} is given more than once`);
  return value;
}
