/**
 * Golden files: generated output compared with committed files. A missing or different golden
 * file fails; only `UPDATE_GOLDEN=1 npx vitest run` rewrites them (review the diff, then commit).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { listTsFiles } from './typecheck.js';

export const updating = process.env.UPDATE_GOLDEN === '1';

export function expectGoldenFolder(dir: string, files: ReadonlyMap<string, string>): void {
  if (updating) {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, content] of files) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    return;
  }
  expect(existsSync(dir), `golden folder ${dir} is missing; run UPDATE_GOLDEN=1 npx vitest run`).toBe(true);
  const onDisk = listTsFiles(dir).map((file) => path.relative(dir, file).split(path.sep).join('/'));
  expect([...files.keys()].sort()).toEqual(onDisk);
  for (const [name, content] of files) {
    expect(content, `${name} differs from its golden file`).toBe(readFileSync(path.join(dir, name), 'utf8'));
  }
}
