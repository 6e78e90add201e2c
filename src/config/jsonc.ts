/**
 * Reads JSON with comments (`//`, `/* … *\/`) and trailing commas, as tsconfig.json allows, into a
 * tree whose every value and key knows its line and column: configuration errors point at the
 * value that is wrong. Duplicate keys are an error (JSON.parse would silently keep the last).
 * Otherwise the grammar is RFC 8259's.
 */
import { ConfigError } from './error.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export type JsonNode =
  | { readonly kind: 'object'; readonly at: Position; readonly entries: readonly JsonEntry[] }
  | { readonly kind: 'array'; readonly at: Position; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly at: Position; readonly value: string }
  | { readonly kind: 'number'; readonly at: Position; readonly value: number }
  | { readonly kind: 'boolean'; readonly at: Position; readonly value: boolean }
  | { readonly kind: 'null'; readonly at: Position };

export interface JsonEntry {
  readonly key: string;
  readonly keyAt: Position;
  readonly value: JsonNode;
}

/** Nesting deeper than this is no configuration file: refused before the stack could overflow. */
const MAX_DEPTH = 64;

/** Parses `text`; syntax errors are ConfigErrors naming `file`, line and column. */
export function parseJsonc(text: string, file: string): JsonNode {
  return new JsoncReader(text, file).document();
}

/** The plain value of a node, as JSON.parse would give it. */
export function plainValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.entries.map((entry) => [entry.key, plainValue(entry.value)]));
    case 'array':
      return node.items.map(plainValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

class JsoncReader {
  private offset = 0;
  /** Offsets where lines start, for positions. */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
    if (text.startsWith('\uFEFF')) this.offset = 1; // a byte order mark some editors write
  }

  document(): JsonNode {
    this.skipBlank();
    if (this.offset >= this.text.length) throw this.error('the file is empty: it must hold one JSON object');
    const node = this.value(0);
    this.skipBlank();
    if (this.offset < this.text.length) throw this.error('unexpected text after the end of the JSON value');
    return node;
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw this.error(`nested more than ${MAX_DEPTH} levels deep`);
    const at = this.position(this.offset);
    const char = this.text[this.offset];
    if (char === '{') return this.object(at, depth);
    if (char === '[') return this.array(at, depth);
    if (char === '"') return { kind: 'string', at, value: this.string() };
    NUMBER.lastIndex = this.offset;
    const number = NUMBER.exec(this.text);
    if (number && !/[\w.]/.test(this.text[NUMBER.lastIndex] ?? '')) {
      this.offset = NUMBER.lastIndex;
      return { kind: 'number', at, value: Number(number[0]) };
    }
    for (const [word, literal] of LITERALS) {
      if (this.text.startsWith(word, this.offset) && !/\w/.test(this.text[this.offset + word.length] ?? '')) {
        this.offset += word.length;
        return literal === null ? { kind: 'null', at } : { kind: 'boolean', at, value: literal };
      }
    }
    if (char === "'") throw this.error('strings are written in double quotes (")');
    throw this.error(`expected a value (an object, array, string, number, true, false or null), found ${this.found()}`);
  }

  private object(at: Position, depth: number): JsonNode {
    this.offset++; // {
    const entries: JsonEntry[] = [];
    const seen = new Set<string>();
    for (;;) {
      this.skipBlank();
      if (this.text[this.offset] === '}') break;
      if (this.text[this.offset] !== '"') throw this.error(`expected a key in double quotes or "}", found ${this.found()}`);
      const keyAt = this.position(this.offset);
      const key = this.string();
      if (seen.has(key)) throw this.error(`"${key}" is given twice in the same object`, keyAt);
      seen.add(key);
      this.skipBlank();
      if (this.text[this.offset] !== ':') throw this.error(`expected ":" after "${key}", found ${this.found()}`);
      this.offset++;
      this.skipBlank();
      entries.push({ key, keyAt, value: this.value(depth + 1) });
      this.skipBlank();
      if (this.text[this.offset] === ',') {
        this.offset++;
        continue;
      }
      if (this.text[this.offset] === '}') break;
      throw this.error(`expected "," or "}", found ${this.found()}`);
    }
    this.offset++; // }
    return { kind: 'object', at, entries };
  }

  private array(at: Position, depth: number): JsonNode {
    this.offset++; // [
    const items: JsonNode[] = [];
    for (;;) {
      this.skipBlank();
      if (this.text[this.offset] === ']') break;
      items.push(this.value(depth + 1));
      this.skipBlank();
      if (this.text[this.offset] === ',') {
        this.offset++;
        continue;
      }
      if (this.text[this.offset] === ']') break;
      throw this.error(`expected "," or "]", found ${this.found()}`);
    }
    this.offset++; // ]
    return { kind: 'array', at, items };
  }

  /** A string at the offset (which holds its opening quote); leaves the offset after its closing quote. */
  private string(): string {
    let value = '';
    let i = this.offset + 1;
    for (;;) {
      const char = this.text[i];
      if (char === undefined) throw this.error('a string is not closed', this.position(this.offset));
      if (char === '"') break;
      if (char < ' ') throw this.error('a string cannot hold a line break or control character (write \\n, \\t, …)', this.position(i));
      if (char !== '\\') {
        value += char;
        i++;
        continue;
      }
      const escape = this.text[i + 1];
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(this.text.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (escape !== undefined && escape in ESCAPES) {
        value += ESCAPES[escape];
        i += 2;
      } else {
        throw this.error(`"\\${escape ?? ''}" is not an escape JSON knows`, this.position(i));
      }
    }
    this.offset = i + 1;
    return value;
  }

  /** Skips whitespace and comments. */
  private skipBlank(): void {
    for (;;) {
      const char = this.text[this.offset];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
        this.offset++;
      } else if (this.text.startsWith('//', this.offset)) {
        const end = this.text.indexOf('\n', this.offset);
        this.offset = end < 0 ? this.text.length : end + 1;
      } else if (this.text.startsWith('/*', this.offset)) {
        const end = this.text.indexOf('*/', this.offset + 2);
        if (end < 0) throw this.error('a /* comment is not closed');
        this.offset = end + 2;
      } else {
        return;
      }
    }
  }

  private found(): string {
    const char = this.text[this.offset];
    if (char === undefined) return 'the end of the file';
    const word = /^[\w$-]+/.exec(this.text.slice(this.offset, this.offset + 20));
    return word ? `"${word[0]}"` : JSON.stringify(char);
  }

  private position(offset: number): Position {
    // the last line start at or before the offset
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  private error(problem: string, at: Position = this.position(this.offset)): ConfigError {
    return new ConfigError(problem, { file: this.file, ...at });
  }
}
