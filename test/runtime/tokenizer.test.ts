/**
 * The tokenizer's own promises, beyond agreeing with saxes (tokenizer-differential.test.ts):
 * limits as the text arrives, error positions, work and memory that do not grow with the number
 * of chunks, text delivered as it arrives and only when wanted, fragments, and its errors.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, XmlError, XmlTokenizer, type StartTag, type TokenHandler } from '../../templates/runtime/tokenizer.js';
import { readWithTokenizer } from './xml-events.js';

/** Counts what it is told; keeps the text. */
class Counter implements TokenHandler {
  elements = 0;
  received = '';
  textCalls = 0;
  startElement(_tag: StartTag): void {
    this.elements++;
  }
  text(text: string): void {
    this.received += text;
    this.textCalls++;
  }
  endElement(): void {
    this.elements--;
  }
}

function errorOf(run: () => void): XmlError {
  try {
    run();
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('expected an XmlError');
}

describe('limits, enforced as the text arrives', () => {
  it('nesting deeper than maxDepth fails at the first element too deep, before the document ends', () => {
    const tokenizer = new XmlTokenizer(new Counter(), { maxDepth: 3 });
    tokenizer.write('<a><b><c>');
    const error = errorOf(() => tokenizer.write('<d>'));
    expect(error).toMatchObject({ problem: 'limit', reason: 'elements are nested more than 3 deep', line: 1, column: 10 });
  });

  it('more attributes than maxAttributes fail while the tag is still arriving', () => {
    const tokenizer = new XmlTokenizer(new Counter(), { maxAttributes: 256 });
    tokenizer.write('<a');
    let error: XmlError | undefined;
    for (let i = 0; i < 100_000 && !error; i++) {
      try {
        tokenizer.write(` a${i}="x"`);
      } catch (caught) {
        error = caught as XmlError;
        expect(i).toBe(256);
      }
    }
    expect(error).toMatchObject({ problem: 'limit', reason: 'an element has more than 256 attributes' });
  });

  it(`a name longer than ${MAX_NAME_LENGTH} characters is refused`, () => {
    const tokenizer = new XmlTokenizer(new Counter());
    tokenizer.write('<');
    let error: XmlError | undefined;
    for (let i = 0; i < 100 && !error; i++) {
      try {
        tokenizer.write('n'.repeat(1000));
      } catch (caught) {
        error = caught as XmlError;
      }
    }
    expect(error).toMatchObject({ problem: 'limit', reason: `a name longer than ${MAX_NAME_LENGTH} characters` });
    expect(readWithTokenizer([`<${'n'.repeat(MAX_NAME_LENGTH)}/>`]).error).toBeUndefined();
  });
});

describe('errors', () => {
  it('are XmlErrors with the problem, the reason, and the line and column, wherever the chunks were cut', () => {
    const xml = '<a>\r\n  <b>\n\tx &bogus; y</b></a>';
    for (let at = 1; at < xml.length; at++) {
      const tokenizer = new XmlTokenizer(new Counter());
      const error = errorOf(() => {
        tokenizer.write(xml.slice(0, at));
        tokenizer.write(xml.slice(at));
        tokenizer.end();
      });
      expect(error).toBeInstanceOf(XmlError);
      expect(error).toMatchObject({ problem: 'malformed', line: 3, column: 9 });
      expect(error.message).toBe(`3:9: ${error.reason}`);
    }
  });

  it('a DOCTYPE is its own problem', () => {
    expect(errorOf(() => new XmlTokenizer(new Counter()).write('<!DOCTYPE x [<!ENTITY a "b">]><x/>'))).toMatchObject({
      problem: 'doctype',
      reason: 'a DOCTYPE is not allowed in a SOAP message',
    });
  });

  it('nothing more is read after an error or after end()', () => {
    const tokenizer = new XmlTokenizer(new Counter());
    errorOf(() => tokenizer.write('<a></b>'));
    expect(() => tokenizer.write('<c/>')).toThrow(/after end/);
    const ended = new XmlTokenizer(new Counter());
    ended.write('<a/>');
    ended.end();
    expect(() => ended.write('<b/>')).toThrow(/after end/);
  });

  it.each([
    ['an unclosed element', '<a><b></b>', 'unclosed tag: <a>'],
    ['no root element', '<!-- only -->', 'the document has no root element'],
    ['a document ending inside a tag', '<a x="1', 'the document ends inside a tag'],
    ['a document ending inside a reference', '<a>&am', 'a reference is not terminated by ";"'],
    ['a document ending inside CDATA', '<a><![CDATA[x', 'the document ends inside a CDATA section'],
  ])('%s', (_, xml, reason) => {
    expect(errorOf(() => {
      const tokenizer = new XmlTokenizer(new Counter());
      tokenizer.write(xml);
      tokenizer.end();
    }).reason).toBe(reason);
  });
});

describe('work and memory do not grow with the number of chunks', () => {
  // If every chunk made the tokenizer copy or read its unfinished token again, 4 MiB in 1 KiB
  // chunks would take thousands of times longer than in one chunk (seconds, not milliseconds).
  // Not a speed target: the bound is 20 times the one-chunk time, plus 200 ms of slack.
  const SIZE = 4 * 1024 * 1024;

  function feed(parts: readonly string[], chunkSize: number): number {
    const started = performance.now();
    const tokenizer = new XmlTokenizer(new Counter());
    const text = parts.join('');
    for (let i = 0; i < text.length; i += chunkSize) tokenizer.write(text.slice(i, i + chunkSize));
    tokenizer.end();
    return performance.now() - started;
  }

  it.each([
    ['a long attribute value', ['<a v="', 'x'.repeat(SIZE), '"/>']],
    ['long whitespace inside a tag', ['<a', ' '.repeat(SIZE), 'v="1"', ' '.repeat(SIZE), '/>']],
    ['a long comment', ['<a><!--', '-x'.repeat(SIZE / 2), '--></a>']],
    ['a long processing instruction', ['<a><?pi ', '?x'.repeat(SIZE / 2), '?></a>']],
    ['a long CDATA section', ['<a><![CDATA[', ']x'.repeat(SIZE / 2), ']]></a>']],
    ['a long text with references', ['<a>', 'x&amp;'.repeat(SIZE / 5), '</a>']],
    ['a long character reference', ['<a>&#', '0'.repeat(SIZE), '65;</a>']],
    ['a long end tag', ['<a></a', ' '.repeat(SIZE), '>']],
  ])('%s, in 1 KiB chunks', (_, parts) => {
    const whole = feed(parts, Infinity);
    expect(feed(parts, 1024)).toBeLessThan(20 * whole + 200);
  });

  it('text is handed over as it arrives, not held until its element ends', () => {
    const counter = new Counter();
    const tokenizer = new XmlTokenizer(counter);
    tokenizer.write('<a>');
    for (let i = 0; i < 100; i++) tokenizer.write('0123456789'.repeat(100));
    expect(counter.received.length).toBe(100_000);
    expect(counter.textCalls).toBe(100);
    tokenizer.write('</a>');
    tokenizer.end();
  });

  it('holds back only what may still change meaning: half a CRLF, "]]", half a surrogate pair, a reference', () => {
    const counter = new Counter();
    const tokenizer = new XmlTokenizer(counter);
    tokenizer.write('<a>x\r');
    expect(counter.received).toBe('x');
    tokenizer.write('\ny]]');
    expect(counter.received).toBe('x\ny');
    tokenizer.write(']\ud83d');
    expect(counter.received).toBe('x\ny]]]');
    tokenizer.write('\ude00&am');
    expect(counter.received).toBe('x\ny]]]😀');
    tokenizer.write('p;</a>');
    tokenizer.end();
    expect(counter.received).toBe('x\ny]]]😀&');
  });
});

describe('text only when wanted', () => {
  it('with deliverText false, text is checked but not handed over', () => {
    const counter = new Counter();
    const tokenizer = new XmlTokenizer(counter);
    tokenizer.deliverText = false;
    tokenizer.write('<a>some &amp; text<![CDATA[ and more]]></a>');
    tokenizer.end();
    expect(counter.textCalls).toBe(0);
    const checked = new XmlTokenizer(counter);
    checked.deliverText = false;
    expect(() => checked.write('<a>bad \u0001</a>')).toThrow(XmlError);
  });
});

describe('documents and fragments', () => {
  it('skips a byte order mark at the very start only', () => {
    expect(readWithTokenizer(['\uFEFF', '<a/>']).error).toBeUndefined();
    expect(readWithTokenizer(['\uFEFF\uFEFF<a/>']).error).toMatch(/text before the root element/);
  });

  it('a fragment may have text and several elements at the top, but no XML declaration or DOCTYPE', () => {
    expect(readWithTokenizer(['x <a/> y <b>z</b>'], { fragment: true })).toEqual({
      events: [
        ['open', 'a', '', 'a', '', []],
        ['close', 'a'],
        ['open', 'b', '', 'b', '', []],
        ['text', 'z'],
        ['close', 'b'],
      ],
    });
    expect(readWithTokenizer(['<?xml version="1.0"?><a/>'], { fragment: true }).error).toMatch(/XML declaration/);
    expect(readWithTokenizer(['<!DOCTYPE a><a/>'], { fragment: true }).error).toMatch(/DOCTYPE/);
    expect(readWithTokenizer([''], { fragment: true }).error).toBeUndefined();
  });

  it('resolves prefixes where it is: lookupNamespace and openElements during startElement', () => {
    const seen: string[] = [];
    const tokenizer: XmlTokenizer = new XmlTokenizer({
      startElement: (tag) => seen.push(`${tag.name} ${tokenizer.lookupNamespace('p') ?? '-'} ${tokenizer.lookupNamespace('') ?? '-'} ${tokenizer.openElements().join('/')}`),
      text: () => undefined,
      endElement: () => undefined,
    });
    tokenizer.write('<a xmlns:p="urn:1"><b xmlns="urn:d" xmlns:p="urn:2"/><c/></a>');
    tokenizer.end();
    expect(seen).toEqual(['a urn:1  a', 'b urn:2 urn:d a/b', 'c urn:1  a/c']);
  });

  it('gives attribute values by index and by name, namespace declarations included', () => {
    let attributes: [string, string, string][] = [];
    let found: (string | undefined)[] = [];
    const tokenizer = new XmlTokenizer({
      startElement: (tag) => {
        attributes = Array.from({ length: tag.attributeCount }, (_, i) => [tag.attributeNames[i]!.qname, tag.attributeUris[i]!, tag.value(i)]);
        found = [tag.attribute('urn:x', 'k'), tag.attribute('', 'k'), tag.attribute('urn:y', 'k')];
      },
      text: () => undefined,
      endElement: () => undefined,
    });
    tokenizer.write(`<a xmlns:x="urn:x" x:k="1 &amp; 2" k='\t3\r\n'/>`);
    expect(attributes).toEqual([
      ['xmlns:x', 'http://www.w3.org/2000/xmlns/', 'urn:x'],
      ['x:k', 'urn:x', '1 & 2'],
      ['k', '', ' 3 '],
    ]);
    expect(found).toEqual(['1 & 2', ' 3 ', undefined]);
  });
});
