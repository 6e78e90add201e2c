/**
 * The settings a configuration file holds, as flags: declared from the key table
 * (src/config/keys.ts), read, checked with the same rules, and merged over the file's values —
 * a flag wins over the file, the file over the default.
 */
import type { Options } from 'yargs';
import { findConfigFile, loadConfig, type LoadedConfig } from '../config/load.js';
import { CODE_OPTION_KEYS, CONFIG_FILE_NAME, TOP_LEVEL_KEYS, type CodeOptionKey, type ConfigKey, type ConfigValues, type TopLevelKey } from '../config/keys.js';
import { expectation, passes } from '../config/rules.js';
import type { CodeOptions } from '../generate.js';
import { UsageError, type CliCommand, type ParsedArguments } from './command.js';

/** `--config <file>`. */
export const CONFIG_OPTION: CliCommand['options'] = {
  config: { type: 'string', describe: `Read settings from this file instead of ./${CONFIG_FILE_NAME} (read when it exists)` },
};

/** The flags of the given top-level keys (those that have one). */
export function settingOptions(names: readonly TopLevelKey[]): CliCommand['options'] {
  return Object.fromEntries(names.flatMap((name) => flagOption(TOP_LEVEL_KEYS[name])));
}

/** The flags of every code option (`options.*` in the configuration). */
export function codeOptionFlags(): CliCommand['options'] {
  return Object.fromEntries(Object.values(CODE_OPTION_KEYS).flatMap((key) => flagOption(key)));
}

function flagOption(key: ConfigKey): [string, Options][] {
  if (key.flag === undefined) return [];
  const type = key.rule.kind === 'boolean' ? 'boolean' : key.rule.kind === 'number' ? 'number' : 'string';
  // no yargs default: a flag that is not given must not hide the configuration's value
  const option: Options = { type, describe: key.description, defaultDescription: defaultText(key) };
  return [[key.flag, key.alias === undefined ? option : { ...option, alias: key.alias }]];
}

function defaultText(key: ConfigKey): string {
  if (key.default === '') return '""';
  return Array.isArray(key.default) ? key.default.join(' ') : String(key.default);
}

/** The settings given as flags, checked; undefined for those not given. */
export type FlagValues = ConfigValues;

export function flagValues(args: ParsedArguments): FlagValues {
  const top: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(TOP_LEVEL_KEYS) as [TopLevelKey, ConfigKey][]) {
    const value = flagValue(args, key);
    if (value !== undefined) top[name] = value;
  }
  const options: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(CODE_OPTION_KEYS) as [CodeOptionKey, ConfigKey][]) {
    const value = flagValue(args, key);
    if (value !== undefined) options[name] = value;
  }
  // each value passed the rule of its key, from which ConfigValues is made
  return { ...top, options } as FlagValues;
}

function flagValue(args: ParsedArguments, key: ConfigKey): unknown {
  if (key.flag === undefined) return undefined;
  const value = args[key.flag];
  if (value === undefined) return undefined;
  // yargs collects an option given twice into an array, whatever its declared type
  if (Array.isArray(value)) throw new UsageError(`--${key.flag} is given more than once`);
  if (value === '' && key.rule.kind !== 'name-part') throw new UsageError(`--${key.flag} needs a value`);
  if (!passes(key.rule, value)) throw new UsageError(`--${key.flag} ${expectation(key.rule)}`);
  return value;
}

/** The configuration named by --config, else the one in the current folder, else none. */
export function configurationFor(args: ParsedArguments): LoadedConfig | undefined {
  const named = namedConfig(args);
  const file = named ?? findConfigFile();
  return file === undefined ? undefined : loadConfig(file);
}

/** Where the configuration is read from, when it exists: for --watch, which watches it appear too. */
export function configPathFor(args: ParsedArguments): string {
  return namedConfig(args) ?? CONFIG_FILE_NAME;
}

function namedConfig(args: ParsedArguments): string | undefined {
  const named = args['config'];
  if (Array.isArray(named)) throw new UsageError('--config is given more than once');
  if (named === '') throw new UsageError('--config needs a value');
  return typeof named === 'string' ? named : undefined;
}

/** Settings with nothing left undefined but the inputs (whose default depends on the folder). */
export interface Settings {
  /** The configuration file read, if any. */
  readonly configFile?: string;
  /** Given as arguments, else the configuration's; empty when neither has any. */
  readonly inputs: readonly string[];
  readonly out: string;
  readonly quiet: boolean;
  readonly allowRemote: boolean;
  /** Bytes. */
  readonly maxFileBytes: number;
  /** Milliseconds. */
  readonly fetchTimeout: number;
  readonly strict: boolean;
  /** Only the code options given: the generator applies its own defaults to the rest. */
  readonly codeOptions: CodeOptions;
}

/** Flags over the configuration's values over the defaults. `inputs` are the positionals given. */
export function mergeSettings(inputs: readonly string[], flags: FlagValues, config: LoadedConfig | undefined): Settings {
  const file = config?.values ?? {};
  const codeOptions: CodeOptions = { ...file.options, ...flags.options };
  return {
    ...(config && { configFile: config.file }),
    inputs: inputs.length > 0 ? inputs : (file.inputs ?? []),
    out: (flags.out ?? file.out ?? TOP_LEVEL_KEYS.out.default).replace(/[\\/]+$/, '') || '.',
    quiet: flags.quiet ?? file.quiet ?? TOP_LEVEL_KEYS.quiet.default,
    allowRemote: flags.allowRemote ?? file.allowRemote ?? TOP_LEVEL_KEYS.allowRemote.default,
    maxFileBytes: Math.round((flags.maxFileSize ?? file.maxFileSize ?? TOP_LEVEL_KEYS.maxFileSize.default) * 1024 * 1024),
    fetchTimeout: Math.round((flags.fetchTimeout ?? file.fetchTimeout ?? TOP_LEVEL_KEYS.fetchTimeout.default) * 1000),
    strict: flags.strict ?? file.strict ?? TOP_LEVEL_KEYS.strict.default,
    codeOptions,
  };
}
