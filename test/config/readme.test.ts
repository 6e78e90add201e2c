/** The README's Configuration section documents every key, and shows what `init` writes. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_OPTION_KEYS, TOP_LEVEL_KEYS, type ConfigKey } from '../../src/config/keys.js';
import { starterConfig } from '../../src/config/starter.js';
import { updating } from '../helpers/golden.js';

const README = path.resolve(import.meta.dirname, '../../README.md');

/** One row per key: its path, flag, default and description. */
export function configurationTable(): string {
  const row = (name: string, key: ConfigKey) =>
    `| \`${name}\` | ${key.flag ? `\`--${key.flag}\`` : name === 'inputs' ? 'arguments' : ''} | \`${JSON.stringify(key.default).replaceAll('|', '\\|')}\` | ${key.description} |`;
  return [
    ...Object.entries(TOP_LEVEL_KEYS).map(([name, key]) => row(name, key)),
    ...Object.entries(CODE_OPTION_KEYS).map(([name, key]) => row(`options.${name}`, key)),
  ].join('\n');
}

const INIT_EXAMPLE = starterConfig({ inputs: ['wsdl'], out: 'src/soap', schema: './node_modules/wsdl-agents/wsdl-agents.schema.json' });
const TABLE_HEADER = '| key | flag | default | |\n| --- | --- | --- | --- |\n';

describe('README: Configuration', () => {
  it('has a row for every key, with its flag, default and description', () => {
    let readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(TABLE_HEADER) + TABLE_HEADER.length;
    const end = readme.indexOf('\n\n', start);
    if (updating) {
      readme = `${readme.slice(0, start)}${configurationTable()}${readme.slice(end)}`;
      writeFileSync(README, readme);
    }
    expect(start).toBeGreaterThan(TABLE_HEADER.length);
    expect(readme.slice(start, end)).toBe(configurationTable());
  });

  it('shows what init writes', () => {
    let readme = readFileSync(README, 'utf8');
    const opening = 'writes in a project with `wsdl/` and `src/` folders:\n\n```jsonc\n';
    const start = readme.indexOf(opening) + opening.length;
    const end = readme.indexOf('```\n', start);
    if (updating) {
      readme = `${readme.slice(0, start)}${INIT_EXAMPLE}${readme.slice(end)}`;
      writeFileSync(README, readme);
    }
    expect(start).toBeGreaterThan(opening.length);
    expect(readme.slice(start, end)).toBe(INIT_EXAMPLE);
  });
});
