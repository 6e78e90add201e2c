import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
  bugs: { url: string };
};

export const GENERATOR_NAME: string = packageJson.name;
export const GENERATOR_VERSION: string = packageJson.version;
/** Where to report a bug. */
export const GENERATOR_BUGS_URL: string = packageJson.bugs.url;
