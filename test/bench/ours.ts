/** Our side (generated agents and runtime), loaded from the JavaScript compile.ts makes of it. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OUTPUT_DIR } from './fixtures.js';

export const COMPILED_DIR = path.join(OUTPUT_DIR, 'js');

export interface Ours {
  readonly agents: typeof import('../../generated/Services86/index.js');
  /** The agents' descriptors (one module per WSDL), together. */
  readonly descriptors: typeof import('../../generated/Services86/descriptors/BLOB.js') &
    typeof import('../../generated/Services86/descriptors/Diagnostics.js') &
    typeof import('../../generated/Services86/descriptors/Preference.js');
  readonly decode: typeof import('../../generated/runtime/decode.js');
  readonly tokenizer: typeof import('../../generated/runtime/tokenizer.js');
  readonly encode: typeof import('../../generated/runtime/encode.js');
}

/** Imports a compiled module by its source path relative to the repository root (`.ts` → `.js`). */
export function importCompiled<T>(source: string): Promise<T> {
  return import(pathToFileURL(path.join(COMPILED_DIR, source.replace(/\.ts$/, '.js'))).href) as Promise<T>;
}

let ours: Promise<Ours> | undefined;

/** Compiles the generated code (once per process) and loads our side from it. */
export function loadOurs(): Promise<Ours> {
  ours ??= (async () => {
    const { compileGenerated } = await import('./compile.js');
    compileGenerated();
    return {
      agents: await importCompiled<Ours['agents']>('generated/Services86/index.ts'),
      descriptors: Object.assign(
        {},
        ...(await Promise.all(['BLOB', 'Diagnostics', 'Preference'].map((name) => importCompiled<object>(`generated/Services86/descriptors/${name}.ts`)))),
      ) as Ours['descriptors'],
      decode: await importCompiled<Ours['decode']>('generated/runtime/decode.ts'),
      tokenizer: await importCompiled<Ours['tokenizer']>('generated/runtime/tokenizer.ts'),
      encode: await importCompiled<Ours['encode']>('generated/runtime/encode.ts'),
    };
  })();
  return ours;
}
