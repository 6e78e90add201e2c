/**
 * The same document through our tokenizer and through saxes (the test oracle), as comparable
 * event lists: start tags with resolved names and attributes, text (adjacent pieces, CDATA
 * included, merged), end tags; or the rejection.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { XmlTokenizer, type StartTag, type XmlTokenizerOptions } from '../../templates/runtime/tokenizer.js';

export type XmlEvent =
  | readonly ['open', name: string, uri: string, local: string, prefix: string, attributes: readonly (readonly [name: string, uri: string, local: string, prefix: string, value: string])[]]
  | readonly ['text', text: string]
  | readonly ['close', name: string];

export interface Reading {
  readonly events: XmlEvent[];
  /** The error message when the document was rejected. */
  readonly error?: string;
}

class Recorder {
  readonly events: XmlEvent[] = [];
  depth = 0;

  open(event: XmlEvent): void {
    this.events.push(event);
    this.depth++;
  }

  text(text: string): void {
    // text outside the root element is whitespace or an error: not an event
    if (text === '' || this.depth === 0) return;
    const last = this.events[this.events.length - 1];
    if (last?.[0] === 'text') this.events[this.events.length - 1] = ['text', last[1] + text];
    else this.events.push(['text', text]);
  }

  close(name: string): void {
    this.events.push(['close', name]);
    this.depth--;
  }
}

/** Our tokenizer over `chunks`; `fragment` reads element content. */
export function readWithTokenizer(chunks: readonly string[], options: XmlTokenizerOptions = {}): Reading {
  const recorder = new Recorder();
  const names: string[] = [];
  const tokenizer = new XmlTokenizer(
    {
      startElement(tag: StartTag) {
        const attributes = [];
        for (let i = 0; i < tag.attributeCount; i++) {
          const name = tag.attributeNames[i]!;
          attributes.push([name.qname, tag.attributeUris[i]!, name.local, name.prefix, tag.value(i)] as const);
        }
        names.push(tag.name);
        recorder.open(['open', tag.name, tag.uri, tag.local, tag.prefix, attributes]);
      },
      text: (text) => recorder.text(text),
      endElement: () => recorder.close(names.pop()!),
    },
    options,
  );
  try {
    for (const chunk of chunks) tokenizer.write(chunk);
    tokenizer.end();
    return { events: recorder.events };
  } catch (error) {
    return { events: recorder.events, error: (error as Error).message };
  }
}

/** saxes over `chunks`, as XML 1.0 whatever the document declares; a DOCTYPE counts as a rejection. */
export function readWithSaxes(chunks: readonly string[], options: { fragment?: boolean } = {}): Reading {
  const recorder = new Recorder();
  const parser = new SaxesParser({ xmlns: true, fragment: options.fragment ?? false, defaultXMLVersion: '1.0', forceXMLVersion: true });
  let error: string | undefined;
  parser.on('error', (problem) => {
    error ??= problem.message;
  });
  parser.on('doctype', () => {
    error ??= 'a DOCTYPE';
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes = Object.values(tag.attributes).map((a) => [a.name, a.uri, a.local, a.prefix, a.value] as const);
    recorder.open(['open', tag.name, tag.uri, tag.local, tag.prefix, attributes]);
  });
  parser.on('text', (text) => recorder.text(text));
  parser.on('cdata', (text) => recorder.text(text));
  parser.on('closetag', (tag) => recorder.close(tag.name));
  try {
    for (const chunk of chunks) parser.write(chunk);
    parser.close();
  } catch (thrown) {
    error ??= (thrown as Error).message;
  }
  return error === undefined ? { events: recorder.events } : { events: recorder.events, error };
}

/** Cuts `text` before every index in `cuts` (sorted, deduplicated, within the text). */
export function cut(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.filter((at) => at > 0 && at < text.length))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const at of points) {
    chunks.push(text.slice(start, at));
    start = at;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** `text` in chunks of `size` characters. */
export function everyN(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length > 0 ? chunks : [''];
}
