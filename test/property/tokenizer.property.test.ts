/**
 * Properties of the tokenizer and the decoder over generated documents:
 *  - any chunking of a document gives the same result as one chunk (the same events, or the
 *    same error at the same line and column), for the tokenizer and for ResponseDecoder;
 *  - on generated documents, the tokenizer agrees with saxes (the test oracle), as on the
 *    fixtures in test/runtime/tokenizer-differential.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_DESCRIPTORS } from '../helpers/generated-descriptors.js';
import { ResponseDecoder } from '../../templates/runtime/decode.js';
import type { AgentDesc } from '../../templates/runtime/descriptors.js';
import { SEEDS } from '../fuzz/corpus.js';
import { mutateText, textMutation } from '../fuzz/mutate.js';
import { cut, readWithSaxes, readWithTokenizer, type Reading, type XmlEvent } from '../runtime/xml-events.js';
import { runs } from './settings.js';

// ---------------------------------------------------------------------------------------------
// Documents: mostly well-formed, built from the constructs SOAP messages use, now and then broken

const NAMES = ['a', 'b', 'Body', 'x-y', 'n.1', '_z', 'é', '名前', 'A𐀀'];
const PREFIXES = ['p', 'q', 's'];
const URIS = ['urn:a', 'urn:b', 'http://schemas.xmlsoap.org/soap/envelope/', 'urn:&amp;&#x41;'];

const textPiece = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\t', '\r', '\r\n', 'é', '😀', '中', ']', '>', '"', "'", '='), maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom('&lt;', '&gt;', '&amp;', '&apos;', '&quot;', '&#65;', '&#x1F600;', '&#0000065;', '&#xD;', '&#10;', '&#x10FFFF;') },
  { weight: 1, arbitrary: fc.constantFrom('<![CDATA[<x>&amp;]]>', '<![CDATA[]]]]>', '<![CDATA[a\r\nb]]>', '<!-- c - d -->', '<?pi data?>', '<?pi?>', '<!---->') },
);
const attributeValue = fc.string({ unit: fc.constantFrom('v', ' ', '\t', '\n', '\r\n', '&amp;', '&lt;', '&#10;', '&#x9;', '>', 'é', '😀', "'"), maxLength: 6 });

interface Element {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly declarations: readonly (readonly [string, string])[];
  readonly children: readonly (Element | string)[];
}

const element: fc.Arbitrary<Element> = fc.letrec<{ element: Element }>((tie) => ({
  element: fc.record({
    name: fc.tuple(fc.option(fc.constantFrom(...PREFIXES), { freq: 3 }), fc.constantFrom(...NAMES)).map(([prefix, local]) => (prefix ? `${prefix}:${local}` : local)),
    attributes: fc.uniqueArray(fc.tuple(fc.constantFrom('k', 'xml:lang', 'p:k', 'q:k', 'm'), attributeValue), { maxLength: 3, selector: ([name]) => name }),
    declarations: fc.uniqueArray(fc.tuple(fc.constantFrom('', ...PREFIXES), fc.constantFrom(...URIS)), { maxLength: 2, selector: ([prefix]) => prefix }),
    children: fc.array(fc.oneof({ weight: 2, arbitrary: textPiece }, { weight: 1, arbitrary: tie('element') }), { maxLength: 4, depthIdentifier: 'tree' }),
  }),
})).element;

/** Writes an element with varied whitespace and quotes; undeclared prefixes are declared on the root. */
function render(node: Element, spacing: readonly string[], index = 0): string {
  const space = (k: number) => spacing[(index + k) % spacing.length] ?? ' ';
  const quote = index % 2 === 0 ? '"' : "'";
  const attributes = [
    ...node.declarations.map(([prefix, uri]) => [prefix ? `xmlns:${prefix}` : 'xmlns', uri] as const),
    ...node.attributes,
  ]
    .map(([name, value], k) => `${space(k)}${name}${k % 3 === 1 ? ' = ' : '='}${quote}${value.replaceAll(quote, quote === '"' ? '&quot;' : '&apos;')}${quote}`)
    .join('');
  if (node.children.length === 0 && index % 3 === 0) return `<${node.name}${attributes}${space(5)}/>`;
  const content = node.children.map((child, k) => (typeof child === 'string' ? child : render(child, spacing, index + k + 1))).join('');
  return `<${node.name}${attributes}>${content}</${node.name}${index % 4 === 0 ? space(7) : ''}>`;
}

const document = fc
  .record({
    root: element,
    spacing: fc.array(fc.constantFrom(' ', '  ', '\n', '\t', '\r\n'), { minLength: 1, maxLength: 4 }),
    prolog: fc.constantFrom('', '<?xml version="1.0" encoding="utf-8"?>', '\uFEFF<?xml version="1.0"?>\n', '<!-- c -->\n', '\uFEFF'),
    epilog: fc.constantFrom('', '\n', '<!-- end -->', '<?pi?>\n'),
    // one document in four is broken somewhere
    breakage: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom('<', '&', ']]>', '</x>', '<!DOCTYPE a>', '\u0001', '\uFFFE', '"', 'xmlns:z=""', '<p:u/>', '&#0;', '&nope;')) },
    ),
  })
  .map(({ root, spacing, prolog, epilog, breakage }) => {
    // every prefix the tree uses is declared on the root, so most documents are namespace-well-formed
    const declared = { ...root, declarations: [...PREFIXES.map((prefix, k) => [prefix, URIS[k % URIS.length]!] as const), ...root.declarations.filter(([prefix]) => prefix === '')] };
    let xml = prolog + render(declared, spacing) + epilog;
    if (breakage !== undefined) {
      const at = breakage[0] % (xml.length + 1);
      xml = xml.slice(0, at) + breakage[1] + xml.slice(at);
    }
    return xml;
  });

/**
 * Whether a chunked reading is the whole one: the same events, or the same error at the same
 * place. Text is delivered as it arrives, so before an error the chunked reading may have
 * reported some of the text in which the error is found: trailing text events are set aside.
 */
function expectSameReading(chunked: Reading, whole: Reading): void {
  expect(chunked.error).toEqual(whole.error);
  if (whole.error === undefined) {
    expect(chunked.events).toEqual(whole.events);
    return;
  }
  const withoutTrailingText = (events: readonly XmlEvent[]) => {
    let end = events.length;
    while (end > 0 && events[end - 1]![0] === 'text') end--;
    return events.slice(0, end);
  };
  expect(withoutTrailingText(chunked.events)).toEqual(withoutTrailingText(whole.events));
}

/** A document and 0–12 places to cut it, as a stream would. */
const chunked = fc.tuple(document, fc.array(fc.nat(), { maxLength: 12 })).map(([xml, cuts]) => ({ xml, chunks: cut(xml, cuts.map((at) => at % (xml.length + 1))) }));

describe('the tokenizer, over generated documents', () => {
  it('gives the same events, or the same error at the same place, for any chunking', () => {
    fc.assert(
      fc.property(chunked, ({ xml, chunks }) => {
        expectSameReading(readWithTokenizer(chunks), readWithTokenizer([xml]));
      }),
      runs(1500),
    );
  });

  it('also character by character', () => {
    fc.assert(
      fc.property(document, (xml) => {
        expectSameReading(readWithTokenizer([...xml]), readWithTokenizer([xml]));
      }),
      runs(300),
    );
  });

  it('agrees with saxes: the same events, or both rejecting', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, (xml) => {
        const ours = readWithTokenizer([xml]);
        const theirs = readWithSaxes([xml]);
        if (ours.error === undefined) accepted++;
        if ((ours.error === undefined) !== (theirs.error === undefined)) {
          throw new Error(`ours ${ours.error ?? 'accepted'}, saxes ${theirs.error ?? 'accepted'}: ${JSON.stringify(xml)}`);
        }
        if (ours.error === undefined) expect(ours.events).toEqual(theirs.events);
      }),
      runs(1500),
    );
    // the generator is meant to make mostly well-formed documents
    expect(accepted).toBeGreaterThan(600);
  });
});

describe('ResponseDecoder, over the fuzzer’s seeds and their mutations', () => {
  const agents: Readonly<Record<string, AgentDesc>> = AGENT_DESCRIPTORS;
  const seedTexts = SEEDS.map((seed) => seed.xml);

  function decode(seedIndex: number, chunks: readonly string[]): unknown {
    const seed = SEEDS[seedIndex]!;
    const agent = agents[`${seed.agent}Agent$`]!;
    try {
      const decoder = new ResponseDecoder(agent, agent.operations[seed.operation]!);
      for (const chunk of chunks) decoder.write(chunk);
      return decoder.end();
    } catch (error) {
      return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
    }
  }

  it('gives the same result or the same error for any chunking', () => {
    const cases = fc.record({
      seed: fc.nat({ max: SEEDS.length - 1 }),
      mutations: fc.array(textMutation, { maxLength: 2 }),
      cuts: fc.array(fc.nat(), { maxLength: 16 }),
    });
    fc.assert(
      fc.property(cases, ({ seed, mutations, cuts }) => {
        const xml = mutations.reduce((text, mutation) => mutateText(text, mutation, seedTexts), SEEDS[seed]!.xml);
        const chunks = cut(xml, cuts.map((at) => at % (xml.length + 1)));
        expect(decode(seed, chunks)).toEqual(decode(seed, [xml]));
      }),
      runs(1000),
    );
  });
});
