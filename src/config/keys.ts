/**
 * Every setting of wsdl-agents.config.json, once: what each key holds, its default, its
 * description, and the command-line flag that overrides it. The validator, the JSON Schema we
 * ship (wsdl-agents.schema.json), the starter config of `init`, the flags of `generate` and
 * `mock`, and the README's table are all made from this table, so they cannot disagree.
 */
import type { CodeOptions } from '../generate.js';

/** What a value must be. */
export type ValueRule =
  | { readonly kind: 'boolean' }
  /** A path, relative to the config file's folder (to the current folder when given as a flag). */
  | { readonly kind: 'path' }
  /** One or more WSDL files, folders or http(s) URLs; paths as for `path`. */
  | { readonly kind: 'paths' }
  | { readonly kind: 'number'; readonly integer: boolean; readonly above?: number; readonly minimum?: number; readonly maximum: number; readonly unit: string }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  /** Empty, or characters a TypeScript name can hold (`start`: and begin with). */
  | { readonly kind: 'name-part'; readonly start: boolean };

export interface ConfigKey {
  readonly rule: ValueRule;
  /** The value when neither the file nor a flag gives one. */
  readonly default: boolean | number | string | readonly string[];
  /** One sentence or two: shown in help, in editors (the JSON Schema) and in the starter config. */
  readonly description: string;
  /** The flag that overrides it (kebab-case), when there is one; `inputs` are positionals. */
  readonly flag?: string;
  readonly alias?: string;
}

/** The type of a value that passes a rule. */
export type ValueOf<R extends ValueRule> = R extends { kind: 'boolean' }
  ? boolean
  : R extends { kind: 'number' }
    ? number
    : R extends { kind: 'paths' }
      ? string[]
      : R extends { kind: 'choice'; values: readonly (infer V)[] }
        ? V
        : string;

/** Limits shared with the flags: Node.js cannot hold a larger file as one string. */
const LARGEST_FILE_MIB = 512;
/** Timers cannot wait longer (2^31 - 1 ms); a larger value would fire at once. */
const LONGEST_TIMEOUT_SECONDS = 2_147_483;

/** The keys at the top of the file. */
export const TOP_LEVEL_KEYS = {
  inputs: {
    rule: { kind: 'paths' },
    default: ['wsdl'],
    description: 'WSDL files, folders searched for *.wsdl (their sub-folders are kept in the output), or http(s) URLs of WSDLs.',
  },
  out: {
    rule: { kind: 'path' },
    default: 'generated',
    description: 'The output folder: replaced as a whole, and only when generation succeeds.',
    flag: 'out',
    alias: 'o',
  },
  quiet: { rule: { kind: 'boolean' }, default: false, description: 'Print only errors.', flag: 'quiet', alias: 'q' },
  allowRemote: {
    rule: { kind: 'boolean' },
    default: false,
    description: 'Follow imports to http(s) URLs from local WSDLs, and to other hosts from remote ones.',
    flag: 'allow-remote',
  },
  maxFileSize: {
    rule: { kind: 'number', integer: false, above: 0, maximum: LARGEST_FILE_MIB, unit: 'MiB' },
    default: 16,
    description: `Refuse WSDL and XSD files larger than this many MiB (at most ${LARGEST_FILE_MIB}).`,
    flag: 'max-file-size',
  },
  fetchTimeout: {
    rule: { kind: 'number', integer: false, above: 0, maximum: LONGEST_TIMEOUT_SECONDS, unit: 'seconds' },
    default: 30,
    description: 'Seconds to wait for each remote file.',
    flag: 'fetch-timeout',
  },
  strict: {
    rule: { kind: 'boolean' },
    default: false,
    description: 'Refuse a WSDL with any fault the generator can work around (a missing import, a part naming an undeclared element, …) instead of generating with a warning.',
    flag: 'strict',
  },
} as const satisfies Record<string, ConfigKey>;

/** The keys of `options`: how the generated code looks (CodeOptions of the programmatic API). */
export const CODE_OPTION_KEYS = {
  parameters: {
    rule: { kind: 'choice', values: ['positional', 'object', 'auto'] },
    default: 'auto',
    description: 'How methods take their parameters: one by one ("positional"), as one object ("object"), or as one object when there are more than maxPositionalParameters ("auto").',
    flag: 'parameters',
  },
  maxPositionalParameters: {
    rule: { kind: 'number', integer: true, minimum: 0, maximum: 100, unit: 'parameters' },
    default: 3,
    description: 'With parameters "auto": the most parameters a method takes one by one.',
    flag: 'max-positional-parameters',
  },
  dates: {
    rule: { kind: 'choice', values: ['Date', 'string'] },
    default: 'Date',
    description: 'xs:dateTime values as Date objects ("Date") or as ISO 8601 strings ("string").',
    flag: 'dates',
  },
  int64: {
    rule: { kind: 'choice', values: ['number', 'bigint', 'string'] },
    default: 'number',
    description: 'Integers that may exceed 2^53 (xs:long, xs:unsignedLong, xs:integer and its unbounded kin) as "number" (exact up to 2^53), "bigint" or "string".',
    flag: 'int64',
  },
  agentPrefix: { rule: { kind: 'name-part', start: true }, default: '', description: 'Put before the name of every agent class.', flag: 'agent-prefix' },
  agentSuffix: {
    rule: { kind: 'name-part', start: false },
    default: 'Agent',
    description: 'Put after the name of every agent class (the portType name).',
    flag: 'agent-suffix',
  },
  typePrefix: { rule: { kind: 'name-part', start: true }, default: '', description: 'Put before the name of every generated type.', flag: 'type-prefix' },
  typeSuffix: { rule: { kind: 'name-part', start: false }, default: '', description: 'Put after the name of every generated type.', flag: 'type-suffix' },
  descriptors: {
    rule: { kind: 'choice', values: ['folder', 'wsdl'] },
    default: 'wsdl',
    description: 'One descriptors module per WSDL ("wsdl"), so bundlers drop the agents a bundle does not use, or one per output folder ("folder").',
    flag: 'descriptors',
  },
} as const satisfies { readonly [K in keyof Required<CodeOptions>]: ConfigKey };

export type TopLevelKey = keyof typeof TOP_LEVEL_KEYS;
export type CodeOptionKey = keyof typeof CODE_OPTION_KEYS;

/** The section key that holds the code options. */
export const OPTIONS_SECTION = 'options';
/** The key editors read to find the JSON Schema; allowed, and otherwise ignored. */
export const SCHEMA_KEY = '$schema';

/** What a configuration file holds, once validated. */
export type ConfigValues = { -readonly [K in TopLevelKey]?: ValueOf<(typeof TOP_LEVEL_KEYS)[K]['rule']> } & {
  options?: { -readonly [K in CodeOptionKey]?: ValueOf<(typeof CODE_OPTION_KEYS)[K]['rule']> };
};

/** The name `init` writes and `generate` looks for in the current folder. */
export const CONFIG_FILE_NAME = 'wsdl-agents.config.json';
/** The JSON Schema of the file, shipped at the root of the package. */
export const SCHEMA_FILE_NAME = 'wsdl-agents.schema.json';
