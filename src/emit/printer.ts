/**
 * The one printer. A `GeneratedFile` collects top-level blocks, printed with code-block-writer
 * (the writer ts-morph prints with), and the imports they need: emit code names what it uses
 * (`file.type(t)`, `file.import(...)`) and never manages import lists or layout.
 */
import path from 'node:path';
import CodeBlockWriter from 'code-block-writer';
import { propertyKey } from '../plan/names.js';
import { formatType, type TsType } from '../plan/ts-type.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';

export interface FileOptions {
  /** The folder (relative to the output root) that group-relative paths are relative to. */
  readonly folder: string;
  /** The WSDL files it comes from, for the preamble. */
  readonly sources: readonly string[];
  /** A line under the preamble saying what the file holds. */
  readonly description?: string;
  /** Names the file declares itself: an import of the same name takes an alias. */
  readonly declares?: Iterable<string>;
  /** Names that are qualified wherever they are imported (`Module_Name`): several modules declare them. */
  readonly sharedNames?: ReadonlySet<string>;
}

interface Import {
  readonly name: string;
  readonly alias: string;
  typeOnly: boolean;
}

export class GeneratedFile {
  private readonly imports = new Map<string, Map<string, Import>>();
  private readonly blocks: string[] = [];
  private readonly declared: ReadonlySet<string>;

  /** @param path where the file goes, relative to the output root (`Services86/DiagnosticsAgent.ts`) */
  constructor(
    readonly path: string,
    private readonly options: FileOptions,
  ) {
    this.declared = new Set(options.declares ?? []);
  }

  /** A writer for one block, set up as every generated file is written. */
  writer(): CodeBlockWriter {
    return new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' });
  }

  /** Adds a top-level block; blocks are separated by one blank line. */
  add(block: string | CodeBlockWriter): void {
    const text = typeof block === 'string' ? block : block.toString();
    this.blocks.push(text.replace(/\n+$/, ''));
  }

  /** The path of a folder-relative file relative to the output root. */
  inFolder(file: string): string {
    return path.posix.join(this.options.folder, file);
  }

  /**
   * Imports `name` from a file given relative to the output root, and returns the name to use
   * here: an alias (`Module_Name`) when this file declares the name itself or it is shared.
   */
  import(file: string, name: string, typeOnly: boolean): string {
    if (file === this.path) return name;
    let names = this.imports.get(file);
    if (!names) this.imports.set(file, (names = new Map()));
    const existing = names.get(name);
    if (existing) {
      existing.typeOnly &&= typeOnly;
      return existing.alias;
    }
    const qualify = this.declared.has(name) || (this.options.sharedNames?.has(name) ?? false);
    const alias = qualify ? `${path.posix.basename(file, '.ts')}_${name}` : name;
    names.set(name, { name, alias, typeOnly });
    return alias;
  }

  /** Prints a type expression, importing the generated types it mentions. */
  type(type: TsType): string {
    return formatType(type, (ref) => this.import(this.inFolder(ref.file), ref.name, true));
  }

  render(): string {
    const importLines = [...this.imports.entries()]
      .map(([file, names]) => importStatement(this.specifier(file), [...names.values()]))
      .sort((a, b) => compareSpecifiers(a.specifier, b.specifier))
      .map((statement) => statement.text);
    const body = [...(importLines.length > 0 ? [importLines.join('\n')] : []), ...this.blocks].join('\n\n');
    const header = preamble(this.options.sources) + (this.options.description ? `//\n// ${this.options.description}\n` : '');
    return `${header}\n${body}\n`;
  }

  private specifier(file: string): string {
    if (!file.endsWith('.ts')) return file; // a package
    let relative = path.posix.relative(path.posix.dirname(this.path), file).replace(/\.ts$/, '.js');
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return relative;
  }
}

function importStatement(specifier: string, imports: Import[]): { specifier: string; text: string } {
  const sorted = imports.sort((a, b) => compare(a.name, b.name));
  const allTypes = sorted.every((entry) => entry.typeOnly);
  const names = sorted.map(
    (entry) => `${entry.typeOnly && !allTypes ? 'type ' : ''}${entry.name}${entry.alias === entry.name ? '' : ` as ${entry.alias}`}`,
  );
  return { specifier, text: `import ${allTypes ? 'type ' : ''}{ ${names.join(', ')} } from '${specifier}';` };
}

/** Packages first, then parent folders, then siblings: the usual reading order. */
function compareSpecifiers(a: string, b: string): number {
  const rank = (s: string) => (s.startsWith('../') ? 1 : s.startsWith('./') ? 2 : 0);
  return rank(a) - rank(b) || compare(a, b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function preamble(sources: readonly string[]): string {
  const lines = [`// Code generated by ${GENERATOR_NAME} ${GENERATOR_VERSION}. DO NOT EDIT.`];
  if (sources.length > 0) lines.push(`// Source: ${sources.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export { quote as literal } from '../plan/ts-type.js';

/**
 * Writes a JSDoc comment of the paragraphs given (none: nothing): `/** text *\/` on one line
 * when it fits on one, a block otherwise. `*\/` in the text cannot end the comment early.
 */
export function writeJsDoc(writer: CodeBlockWriter, ...paragraphs: (string | undefined)[]): void {
  const text = paragraphs.filter((p): p is string => Boolean(p)).join('\n\n').replace(/\*\//g, '*\\/');
  if (!text) return;
  const lines = text.split('\n').map((line) => line.trimEnd());
  if (lines.length === 1) {
    writer.writeLine(`/** ${lines[0]} */`);
    return;
  }
  writer.writeLine('/**');
  for (const line of lines) writer.writeLine(line ? ` * ${line}` : ' *');
  writer.writeLine(' */');
}

export interface PropertySignature {
  /** As in XML: quoted by the printer where it is not an identifier. */
  readonly name: string;
  readonly optional: boolean;
  /** Printed already (`file.type(...)`). */
  readonly type: string;
  readonly documentation?: string;
}

/** `{ ...members }` of an interface or object type, one member per line. */
export function writeMembers(writer: CodeBlockWriter, members: readonly PropertySignature[]): void {
  writer.write('{').newLine();
  writer.indent(() => {
    for (const member of members) {
      writeJsDoc(writer, member.documentation);
      writer.writeLine(`${propertyKey(member.name)}${member.optional ? '?' : ''}: ${member.type};`);
    }
  });
  writer.write('}');
}
