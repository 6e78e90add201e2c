/**
 * `generate --watch`: generates, then watches every local file the generation read — the WSDLs
 * and everything they import, including imports that were not found, so one that appears is seen —
 * the folders given as inputs (for WSDLs added or removed) and the configuration file, and
 * generates again (debounced) when one changes. A failed generation prints its error, leaves the
 * previous output as it was, and keeps watching. Remote files are not watched. Ctrl-C ends it.
 *
 * node:fs watch is set on the folders that hold those files, never on the files: editors that save
 * by writing a new file and renaming it over the old one would end a watch on the file itself,
 * while the folder's watch sees the rename (inotify on Linux, FSEvents on macOS).
 */
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { WsdlError } from '../errors.js';
import type { GenerateOptions } from '../generate.js';
import { isFolder } from '../inputs.js';
import { isUrl, readLocalFile } from '../read/load.js';
import { UsageError } from './command.js';
import type { GenerateArguments } from './generate.js';
import { count } from './words.js';

/** Editors write a file in several steps; wait until they are done. */
const SETTLE_MS = 150;
/** Folders under an input folder that hold no WSDLs of the user's, and many files. */
const UNWATCHED_FOLDERS = new Set(['node_modules', '.git']);

/** What to watch after a run. */
interface Interest {
  /** Absolute paths of files whose change (or appearance) means generating again. */
  readonly files: ReadonlySet<string>;
  /** Absolute paths of input folders: a .wsdl file or folder added, changed or removed inside. */
  readonly folders: readonly string[];
  /** The absolute output folder: changes there (and to its temporary siblings) are our own. */
  readonly out?: string;
}

export async function watchGenerate(
  settingsOf: () => GenerateArguments,
  configFile: string,
  generateOnce: (args: GenerateArguments, extra: GenerateOptions) => Promise<number>,
): Promise<number> {
  const changes: string[] = [];
  const signal = new Signal();
  let settle: NodeJS.Timeout | undefined;
  const watchers = new FolderWatchers((file) => {
    if (!changes.includes(file)) changes.push(file);
    clearTimeout(settle);
    settle = setTimeout(() => signal.raise(), SETTLE_MS);
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    signal.raise();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // what the last run that got as far as generating used and read: kept while the configuration is wrong
  let settings: GenerateArguments | undefined;
  let read = new Set<string>();
  const noted = new Set<string>();
  try {
    for (;;) {
      try {
        settings = settingsOf();
        const reading = (read = new Set<string>());
        const maxBytes = settings.maxFileBytes;
        // every local file the loader asks for, found or not
        const readFile = (name: string) => {
          if (!isUrl(name)) reading.add(path.resolve(name));
          return readLocalFile(name, maxBytes);
        };
        await generateOnce(settings, { readFile });
      } catch (error) {
        if (!(error instanceof WsdlError || error instanceof UsageError)) throw error;
        process.stderr.write(`error: ${error.message}\n`);
      }
      const say = (line: string) => {
        if (!settings?.quiet) process.stdout.write(`${line}\n`);
      };
      for (const input of settings?.inputs ?? []) {
        if (isUrl(input) && !noted.has(input)) say(`note: ${input} is remote, and remote files are not watched`);
        noted.add(input);
      }
      const interest = interestOf(settings, read, configFile);
      watchers.update(interest);
      say(`Watching ${count(interest.files.size, 'file')}${interest.folders.length > 0 ? ` and ${count(interest.folders.length, 'folder')}` : ''} for changes (Ctrl-C to stop).`);

      await signal.wait();
      if (stopping) return 0;
      say(`\n${changes.map((file) => path.relative('.', file) || '.').join(', ')} changed: generating again.`);
      changes.length = 0;
    }
  } finally {
    clearTimeout(settle);
    watchers.closeAll();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function interestOf(settings: GenerateArguments | undefined, read: ReadonlySet<string>, configFile: string): Interest {
  const files = new Set(read);
  files.add(path.resolve(configFile));
  const folders: string[] = [];
  for (const input of settings?.inputs ?? []) {
    if (isUrl(input)) continue;
    const full = path.resolve(input);
    if (isFolder(full)) folders.push(full);
    else files.add(full); // a file, or an input that does not exist yet
  }
  return { files, folders, ...(settings && { out: path.resolve(settings.out) }) };
}

/** One watch per folder that holds a watched file (or its nearest existing ancestor), or lies in an input folder. */
class FolderWatchers {
  private readonly watchers = new Map<string, FSWatcher>();
  private interest: Interest = { files: new Set(), folders: [] };

  constructor(private readonly onChange: (file: string) => void) {}

  update(interest: Interest): void {
    this.interest = interest;
    const wanted = new Set<string>();
    for (const file of interest.files) wanted.add(nearestExisting(path.dirname(file)));
    for (const folder of interest.folders) for (const inner of this.folderTree(folder)) wanted.add(inner);
    for (const [folder, watcher] of this.watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of wanted) if (!this.watchers.has(folder)) this.watch(folder);
  }

  closeAll(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watch(folder: string): void {
    try {
      const watcher = watch(folder, (_event, name) => this.event(folder, name === null ? undefined : String(name)));
      // the folder went away: the next run finds what to watch instead
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(folder);
        this.onChange(folder);
      });
      this.watchers.set(folder, watcher);
    } catch {
      // removed between finding and watching it: its parent's watch sees that
    }
  }

  private event(folder: string, name: string | undefined): void {
    const { files, folders, out } = this.interest;
    if (name === undefined) {
      // the platform did not say which entry changed
      if ([...files].some((file) => path.dirname(file) === folder)) this.onChange(folder);
      return;
    }
    const full = path.join(folder, name);
    if (out !== undefined && (isInside(full, out) || full.startsWith(`${out}.wsdl-agents-`))) return;
    if (files.has(full)) return this.onChange(full);
    // a folder on the way to a watched file that did not exist
    if ([...files].some((file) => isInside(file, full))) return this.onChange(full);
    if (folders.some((input) => isInside(full, input)) && (/\.wsdl$/i.test(name) || this.watchers.has(full) || isFolder(full))) this.onChange(full);
  }

  private folderTree(folder: string): string[] {
    const found = [folder];
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return found;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (!entry.isDirectory() || UNWATCHED_FOLDERS.has(entry.name)) continue;
      if (this.interest.out !== undefined && (full === this.interest.out || full.startsWith(`${this.interest.out}.wsdl-agents-`))) continue;
      found.push(...this.folderTree(full));
    }
    return found;
  }
}

/** A wake-up that is not lost when it comes before anyone waits. */
class Signal {
  private raised = false;
  private waiting: (() => void) | undefined;

  raise(): void {
    this.raised = true;
    this.waiting?.();
  }

  wait(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.raised = false;
        this.waiting = undefined;
        resolve();
      };
      if (this.raised) done();
      else this.waiting = done;
    });
  }
}

function nearestExisting(folder: string): string {
  let current = folder;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(`${folder}${path.sep}`);
}
