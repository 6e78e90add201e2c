/** Records with attributes, simpleContent text and xs:any content, written and read back. */
import { describe, expect, it } from 'vitest';
import { ResponseDecoder } from '../../templates/runtime/decode.js';
import type { AgentDesc, FieldDesc, RecordType } from '../../templates/runtime/descriptors.js';
import { writeEnvelope } from '../../templates/runtime/encode.js';
import { SoapEncodeError } from '../../templates/runtime/errors.js';

const NS = 'urn:t';
const Price: RecordType = {
  kind: 'record',
  fields: [],
  attributes: [
    { name: 'currency', ns: '', type: 'string' },
    { name: 'rate', ns: 'urn:tax', type: 'double', optional: true },
    { name: 'tags', ns: '', type: { kind: 'list', item: 'string' }, optional: true },
  ],
  text: 'decimal',
};
const Item: RecordType = {
  kind: 'record',
  fields: [
    { name: 'Name', ns: NS, type: 'string' },
    { name: 'Price', ns: NS, type: () => Price, optional: true },
  ],
  any: true,
};
const item: FieldDesc = { name: 'Item', ns: NS, type: () => Item };

const agent: AgentDesc = {
  name: 'T',
  soapVersion: '1.1',
  requestHeaders: {},
  responseHeaders: {},
  operations: { Get: { name: 'Get', input: { fields: [], headers: [] }, output: { fields: [item], headers: [], result: 'single' } } },
};

function envelope(value: unknown): string {
  return writeEnvelope({ soapVersion: '1.1', headers: [], body: { fields: [item], values: [value] } });
}

function write(value: unknown): string {
  const xml = envelope(value);
  return xml.slice(xml.indexOf('<soap:Body>') + 11, xml.indexOf('</soap:Body>'));
}

function read(body: string): unknown {
  const decoder = new ResponseDecoder(agent, agent.operations.Get);
  decoder.write(body.startsWith('<?xml') ? body : `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`);
  const decoded = decoder.end();
  return decoded.kind === 'message' ? decoded.members.Item : decoded;
}

describe('attributes, text and xs:any', () => {
  const value = {
    Name: 'Tea',
    Price: { currency: 'N"O\nK', rate: 0.25, tags: ['a', 'b'], $value: 12.5 },
    $any: ['<x:Extra xmlns:x="urn:x" n="1">hi &amp; bye</x:Extra>', '<Plain></Plain>'],
  };

  it('writes attributes (escaped, qualified ones prefixed), the text, and the xs:any content', () => {
    expect(write(value)).toBe(
      '<ns1:Item><ns1:Name>Tea</ns1:Name><ns1:Price currency="N&quot;O&#10;K" ns2:rate="0.25" tags="a b">12.5</ns1:Price>' +
        '<x:Extra xmlns:x="urn:x" n="1">hi &amp; bye</x:Extra><Plain></Plain></ns1:Item>',
    );
  });

  it('reads back what it writes', () => {
    expect(read(envelope(value))).toEqual(value);
  });

  it('reads unprefixed attributes and keeps undeclared elements, namespaces included', () => {
    const body =
      '<Item xmlns="urn:t" xmlns:o="urn:o"><Name>Tea</Name><o:Note lang="en">x<o:b>y</o:b></o:Note>' +
      '<Price currency="EUR" xmlns:tax="urn:tax" tax:rate="1.5"> 3 </Price></Item>';
    expect(read(body)).toEqual({
      Name: 'Tea',
      Price: { currency: 'EUR', rate: 1.5, $value: 3 },
      $any: ['<o:Note xmlns:o="urn:o" lang="en">x<o:b>y</o:b></o:Note>'],
    });
  });

  it('refuses a missing required attribute and XML content that is not well-formed', () => {
    expect(() => write({ Name: 'x', Price: { $value: 1 } })).toThrow(/Item\/Price: the attribute currency is required/);
    expect(() => write({ Name: 'x', $any: ['<a><b></a>'] })).toThrow(SoapEncodeError);
    expect(() => write({ Name: 'x', $any: ['<p:a/>'] })).toThrow(/\$any\[0\]: not well-formed XML/);
  });
});
