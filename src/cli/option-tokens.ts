/**
 * Checks the option tokens of a command line before yargs parses it, for messages yargs does not
 * give: an unknown option with the one that was probably meant, and an option that takes a value
 * but is followed by nothing or by another option (`-o` alone, `--out --check`), which yargs would
 * read as an empty value.
 */
import type { Options } from 'yargs';
import { UsageError } from './command.js';
import { closest } from './suggest.js';

/** The options every command has (yargs adds them). */
const GLOBAL_OPTIONS: Readonly<Record<string, Options>> = {
  help: { alias: 'h', type: 'boolean' },
  version: { type: 'boolean' },
};

export function checkOptionTokens(args: readonly string[], options: Readonly<Record<string, Options>>): void {
  const declared = { ...GLOBAL_OPTIONS, ...options };
  const byName = new Map<string, Options>();
  for (const [name, option] of Object.entries(declared)) {
    // yargs also accepts the camelCase spelling of every kebab-case name
    for (const spelling of [name, camelCase(name), ...aliasesOf(option)]) byName.set(spelling, option);
  }
  const longNames = Object.keys(declared);

  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    if (token === '--') return; // everything after it is a positional
    if (!looksLikeOption(token)) continue;
    const [body, inlineValue] = splitAtEquals(token.replace(/^--?/, ''));

    if (token.startsWith('--')) {
      const option = byName.get(body) ?? negatedBoolean(body, byName);
      if (!option) {
        const suggestion = closest(body, longNames);
        throw new UsageError(`unknown option --${body}${suggestion ? `; did you mean --${suggestion}?` : ''}`);
      }
      if (takesValue(option) && inlineValue === undefined) i = valueIndex(args, i, token);
      continue;
    }
    // -qo is -q -o. As yargs reads it, a letter that takes a value takes the rest of the token when
    // that is a number or starts with a sign (-o/tmp, -o=x), the next token when it is the last letter,
    // and nothing otherwise (-oq).
    for (let k = 0; k < body.length; k++) {
      const letter = body[k];
      const option = byName.get(letter);
      if (!option) throw new UsageError(`unknown option -${letter}`);
      if (!takesValue(option)) continue;
      const rest = body.slice(k + 1);
      if (rest === '') {
        if (inlineValue === undefined) i = valueIndex(args, i, `-${letter}`);
      } else if (!/^(-?\d|\W)/.test(rest)) {
        throw new UsageError(`-${letter} needs a value`);
      }
      break;
    }
  }
}

/** The index of the value that follows the option at `i`, or a UsageError when there is none. */
function valueIndex(args: readonly string[], i: number, typed: string): number {
  const next = args[i + 1];
  if (next === undefined || next === '--' || looksLikeOption(next)) throw new UsageError(`${typed} needs a value`);
  return i + 1;
}

/** `-o`, `--out`; not `-` (standard input, by convention) nor a negative number. */
function looksLikeOption(token: string): boolean {
  return token.startsWith('-') && token !== '-' && !/^-\d/.test(token);
}

function splitAtEquals(body: string): [string, string | undefined] {
  const at = body.indexOf('=');
  return at < 0 ? [body, undefined] : [body.slice(0, at), body.slice(at + 1)];
}

/** `--no-check` turns a boolean option off. */
function negatedBoolean(name: string, byName: ReadonlyMap<string, Options>): Options | undefined {
  const option = name.startsWith('no-') ? byName.get(name.slice(3)) : undefined;
  return option?.type === 'boolean' ? option : undefined;
}

function takesValue(option: Options): boolean {
  return option.type === 'string' || option.type === 'number' || option.type === 'array';
}

function aliasesOf(option: Options): string[] {
  if (option.alias === undefined) return [];
  return typeof option.alias === 'string' ? [option.alias] : [...option.alias];
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
