/** Finding, reading and validating wsdl-agents.config.json. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isUrl } from '../inputs.js';
import { ConfigError } from './error.js';
import { parseJsonc } from './jsonc.js';
import { CONFIG_FILE_NAME, type ConfigValues } from './keys.js';
import { validateConfig } from './validate.js';

/** A configuration file is a few hundred bytes; anything this large is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  /** The file, as messages name it. */
  readonly file: string;
  /** Its values, with relative paths made relative to the current folder instead of the file's. */
  readonly values: ConfigValues;
}

/** The configuration file in `folder`, if there is one. */
export function findConfigFile(folder = '.'): string | undefined {
  const file = path.join(folder, CONFIG_FILE_NAME);
  return existsSync(file) ? file : undefined;
}

/** Reads and validates a configuration file; every mistake is a ConfigError. */
export function loadConfig(file: string): LoadedConfig {
  const values = validateConfig(parseJsonc(readConfigText(file), file), file);
  const folder = path.dirname(file);
  const resolve = (location: string) => resolvePath(folder, location);
  return {
    file,
    values: {
      ...values,
      ...(values.inputs && { inputs: values.inputs.map(resolve) }),
      ...(values.out !== undefined && { out: resolve(values.out) }),
    },
  };
}

function readConfigText(file: string): string {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new ConfigError(`cannot read the configuration "${file}": it is not a file`);
    if (stats.size > MAX_CONFIG_BYTES) throw new ConfigError(`cannot read the configuration "${file}": ${stats.size} bytes is too large for one`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(`cannot read the configuration "${file}": ${reason}`);
  }
}

/** A path written in the file at `folder`, as a path from the current folder (URLs and absolute paths as written). */
function resolvePath(folder: string, location: string): string {
  if (isUrl(location) || path.isAbsolute(location)) return location;
  return path.normalize(path.join(folder, location));
}
