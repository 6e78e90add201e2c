/** The starter configuration `wsdl-agents init` writes: every key with its default, each explained. */
import { CODE_OPTION_KEYS, OPTIONS_SECTION, SCHEMA_KEY, TOP_LEVEL_KEYS, type ConfigKey } from './keys.js';

export interface StarterChoices {
  /** The inputs, as written in the file (relative to it). */
  readonly inputs: readonly string[];
  /** The output folder, relative to the file. */
  readonly out: string;
  /** The path or URL of wsdl-agents.schema.json for `$schema`, relative to the file. */
  readonly schema: string;
}

const WIDTH = 100;

export function starterConfig(choices: StarterChoices): string {
  const chosen: Readonly<Record<string, unknown>> = { inputs: choices.inputs, out: choices.out };
  const lines = [
    '{',
    ...comment(
      'The configuration of wsdl-agents: `npx wsdl-agents generate` reads it from the current folder. ' +
        'Every key is optional; the values below are the defaults, except inputs and out. Flags override ' +
        'keys (`npx wsdl-agents generate --help`); relative paths are relative to this file.',
      '  ',
    ),
    `  ${JSON.stringify(SCHEMA_KEY)}: ${JSON.stringify(choices.schema)},`,
    ...entries(TOP_LEVEL_KEYS, chosen, '  '),
    '',
    ...comment('How the generated TypeScript looks.', '  '),
    `  ${JSON.stringify(OPTIONS_SECTION)}: {`,
    ...entries(CODE_OPTION_KEYS, {}, '    ', true),
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** Each key with its comment; `nested`: the entries of a section (no blank line first, no comma last). */
function entries(keys: Readonly<Record<string, ConfigKey>>, chosen: Readonly<Record<string, unknown>>, indent: string, nested = false): string[] {
  const names = Object.keys(keys);
  return names.flatMap((name, index) => {
    const key = keys[name]!;
    const value = Object.hasOwn(chosen, name) ? chosen[name] : key.default;
    const comma = nested && index === names.length - 1 ? '' : ',';
    return [...(nested && index === 0 ? [] : ['']), ...comment(key.description, indent), `${indent}${JSON.stringify(name)}: ${jsonOnOneLine(value)}${comma}`];
  });
}

/** JSON on one line, with a space after each comma of a list: `["wsdl", "more"]`. */
function jsonOnOneLine(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(', ')}]` : JSON.stringify(value);
}

/** `// ` lines, wrapped at the width. */
function comment(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + 3 + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.map((content) => `${indent}// ${content}`);
}
