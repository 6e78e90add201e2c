/** xs:anyType values: how each kind of value is written, and how received ones are read. */
import { describe, expect, it } from 'vitest';
import { DecodeProblem, ResponseDecoder } from '../../templates/runtime/decode.js';
import type { AgentDesc, FieldDesc, RecordType } from '../../templates/runtime/descriptors.js';
import { writeEnvelope } from '../../templates/runtime/encode.js';
import { SoapEncodeError } from '../../templates/runtime/errors.js';

const NS = 'urn:t';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const Holder: RecordType = {
  kind: 'record',
  fields: [
    { name: 'Value', ns: NS, type: 'anyType', optional: true, nillable: true },
    { name: 'Values', ns: NS, type: 'anyType', optional: true, repeated: true },
  ],
};
const holder: FieldDesc = { name: 'Holder', ns: NS, type: () => Holder };
const agent: AgentDesc = {
  name: 'T',
  soapVersion: '1.1',
  requestHeaders: {},
  responseHeaders: {},
  operations: { Get: { name: 'Get', input: { fields: [], headers: [] }, output: { fields: [holder], headers: [], result: 'single' } } },
};

/** The Holder element as written, the envelope's namespace prefixes resolved to fixed ones. */
function write(value: unknown): string {
  const xml = writeEnvelope({ soapVersion: '1.1', headers: [], body: { fields: [holder], values: [{ Value: value }] } });
  const prefixes = new Map([...xml.matchAll(/xmlns:(ns\d+)="([^"]*)"/g)].map(([, prefix, uri]) => [prefix!, uri!]));
  const body = xml.slice(xml.indexOf('<soap:Body>') + 11, xml.indexOf('</soap:Body>'));
  return body.replace(/\b(ns\d+):/g, (_, prefix: string) => (prefixes.get(prefix) === XSD ? 'xsd:' : prefixes.get(prefix) === NS ? 't:' : `${prefix}:`));
}

function read(inner: string): Record<string, unknown> {
  const decoder = new ResponseDecoder(agent, agent.operations.Get!);
  decoder.write(
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="${XSI}" xmlns:xsd="${XSD}"><s:Body>` +
      `<Holder xmlns="${NS}">${inner}</Holder></s:Body></s:Envelope>`,
  );
  const decoded = decoder.end();
  if (decoded.kind !== 'message') throw new Error('a fault');
  return decoded.members.Holder as Record<string, unknown>;
}

/** Written, then read back. */
function roundTrip(value: unknown): unknown {
  const xml = writeEnvelope({ soapVersion: '1.1', headers: [], body: { fields: [holder], values: [{ Value: value }] } });
  const mirror: AgentDesc = { ...agent, operations: { Get: { name: 'Get', input: { fields: [], headers: [] }, output: { fields: [holder], headers: [], result: 'single' } } } };
  const decoder = new ResponseDecoder(mirror, mirror.operations.Get!);
  decoder.write(xml);
  const decoded = decoder.end();
  return decoded.kind === 'message' ? (decoded.members.Holder as Record<string, unknown>).Value : decoded;
}

describe('writing xs:anyType values', () => {
  it.each([
    ['a string', 'a < b', '<t:Value xsi:type="xsd:string">a &lt; b</t:Value>'],
    ['an empty string', '', '<t:Value xsi:type="xsd:string"></t:Value>'],
    ['an int', 42, '<t:Value xsi:type="xsd:int">42</t:Value>'],
    ['a negative int', -2147483647, '<t:Value xsi:type="xsd:int">-2147483647</t:Value>'],
    ['a long', 2 ** 40, '<t:Value xsi:type="xsd:long">1099511627776</t:Value>'],
    ['a double', 0.5, '<t:Value xsi:type="xsd:double">0.5</t:Value>'],
    ['an integer beyond 2^53', 1e21, '<t:Value xsi:type="xsd:double">1e+21</t:Value>'],
    ['NaN', NaN, '<t:Value xsi:type="xsd:double">NaN</t:Value>'],
    ['-Infinity', -Infinity, '<t:Value xsi:type="xsd:double">-INF</t:Value>'],
    ['a bigint', 12345678901234567890n, '<t:Value xsi:type="xsd:integer">12345678901234567890</t:Value>'],
    ['a boolean', false, '<t:Value xsi:type="xsd:boolean">false</t:Value>'],
    ['a Date', new Date(Date.UTC(2021, 10, 30, 13, 22, 50)), '<t:Value xsi:type="xsd:dateTime">2021-11-30T13:22:50Z</t:Value>'],
    ['a Uint8Array', new Uint8Array([1, 2, 3, 250]), '<t:Value xsi:type="xsd:base64Binary">AQID+g==</t:Value>'],
    ['null', null, '<t:Value xsi:nil="true"/>'],
    [
      'an object: unqualified child elements, arrays repeated, undefined left out',
      { Name: 'Tea', Tags: ['a', 1], Price: { Amount: 2.5, Currency: null }, Gone: undefined, Empty: {} },
      '<t:Value><Name xsi:type="xsd:string">Tea</Name><Tags xsi:type="xsd:string">a</Tags><Tags xsi:type="xsd:int">1</Tags>' +
        '<Price><Amount xsi:type="xsd:double">2.5</Amount><Currency xsi:nil="true"/></Price><Empty></Empty></t:Value>',
    ],
    ['an array: the element repeated', ['x', 2], '<t:Value xsi:type="xsd:string">x</t:Value><t:Value xsi:type="xsd:int">2</t:Value>'],
    ['an empty array: nothing', [], ''],
  ])('%s', (_, value, xml) => {
    expect(write(value)).toBe(`<t:Holder>${xml}</t:Holder>`);
  });

  it.each([
    ['a property name that is not an XML name', { 'not a name': 1 }, /Holder\/Value\/not a name: the property name is not an XML name/],
    ['a property name with a colon', { 'p:x': 1 }, /the property name is not an XML name/],
    ['an array in an array', [[1]], /Holder\/Value\/\[0\]: an array in an array cannot be written/],
    ['undefined in an array', [undefined], /cannot write undefined as xs:anyType/],
    ['a function', () => 1, /cannot write a function as xs:anyType/],
    ['a Map', new Map([['a', 1]]), /cannot write a Map as xs:anyType/],
    ['an invalid Date', new Date(NaN), /expected a valid Date, got an invalid Date/],
    ['a string XML cannot carry', { a: 'x\u0001' }, /Holder\/Value\/a: the character U\+0001 cannot be sent/],
  ])('refuses %s with SoapEncodeError naming where', (_, value, message) => {
    expect(() => write(value)).toThrow(SoapEncodeError);
    expect(() => write(value)).toThrow(message);
  });

  it('refuses a cycle instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => write(cyclic)).toThrow(/nested more than 256 deep \(a cycle\?\)/);
  });
});

describe('reading xs:anyType values', () => {
  it.each([
    ['text without xsi:type', '<Value> 12 </Value>', ' 12 '],
    ['an empty element', '<Value/>', ''],
    ['xsd:string', '<Value xsi:type="xsd:string">12</Value>', '12'],
    ['xsd:int', '<Value xsi:type="xsd:int"> 12 </Value>', 12],
    ['xsd:long, xsd:unsignedShort', '<Value xsi:type="xsd:unsignedShort">65535</Value>', 65535],
    ['xsd:double INF', '<Value xsi:type="xsd:double">INF</Value>', Infinity],
    ['xsd:decimal', '<Value xsi:type="xsd:decimal">-1.50</Value>', -1.5],
    ['xsd:boolean', '<Value xsi:type="xsd:boolean">1</Value>', true],
    ['xsd:dateTime', '<Value xsi:type="xsd:dateTime">2021-11-30T13:22:50Z</Value>', new Date(Date.UTC(2021, 10, 30, 13, 22, 50))],
    ['xsd:base64Binary', '<Value xsi:type="xsd:base64Binary">AQID</Value>', new Uint8Array([1, 2, 3])],
    ['xsd:hexBinary', '<Value xsi:type="xsd:hexBinary">0aFF</Value>', new Uint8Array([10, 255])],
    ['a type of the 1999 schema namespace', '<Value xmlns:x="http://www.w3.org/1999/XMLSchema" xsi:type="x:int">7</Value>', 7],
    ['a SOAP-encoding type', '<Value xmlns:e="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="e:boolean">false</Value>', false],
    ['a built-in type read as text (xsd:date)', '<Value xsi:type="xsd:date">2021-11-30</Value>', '2021-11-30'],
    ['a type of another namespace', '<Value xmlns:o="urn:o" xsi:type="o:int">7</Value>', '7'],
    ['an unprefixed type in no namespace', '<Value xsi:type="int">7</Value>', '7'],
    ['nil', '<Value xsi:nil="true">ignored</Value>', null],
    ['child elements: an object', '<Value><Name>Tea</Name><Count xsi:type="xsd:int">3</Count><Note/></Value>', { Name: 'Tea', Count: 3, Note: '' }],
    [
      'repeated names: arrays; nested elements: objects; nil: null',
      '<Value>\n <a>1</a>\n <b><c>x</c><c xsi:nil="true"/><c><d>y</d></c></b>\n <a>2</a><a>3</a>\n</Value>',
      { a: ['1', '2', '3'], b: { c: ['x', null, { d: 'y' }] } },
    ],
    ['namespaces of children are not kept; attributes other than xsi:type and xsi:nil are ignored', '<Value><p:k xmlns:p="urn:p" p:x="1" y="2">v</p:k></Value>', { k: 'v' }],
    ['text between child elements (mixed content) is not kept', '<Value>before<k>v</k>after</Value>', { k: 'v' }],
    ['an object’s own xsi:type does not matter', '<Value xsi:type="t:Thing" xmlns:t="urn:t"><k>v</k></Value>', { k: 'v' }],
    ['__proto__ as a name is a plain property', '<Value><__proto__>x</__proto__></Value>', JSON.parse('{"__proto__":"x"}') as unknown],
  ])('%s', (_, inner, expected) => {
    expect(read(inner).Value).toEqual(expected);
  });

  it('keeps a prototype-free tree with __proto__ as an own property', () => {
    const value = read('<Value><__proto__><polluted>yes</polluted></__proto__></Value>').Value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads repeated elements of a member not declared repeated as an array, as the writer writes arrays', () => {
    expect(read('<Value>a</Value><Value xsi:type="xsd:int">2</Value>').Value).toEqual(['a', 2]);
    expect(read('<Values>a</Values><Values><k>v</k></Values>').Values).toEqual(['a', { k: 'v' }]);
  });

  it('rejects a value that is not of the xsi:type it names, naming where', () => {
    expect(() => read('<Value><n xsi:type="xsd:int">twelve</n></Value>')).toThrow(DecodeProblem);
    expect(() => read('<Value><n xsi:type="xsd:int">twelve</n></Value>')).toThrow(/"twelve" is not an integer at Envelope\/Body\/Holder\/Value\/n/);
  });
});

describe('xs:anyType values written and read back', () => {
  it.each([
    ['a string', ' spaced & <marked> ', ' spaced & <marked> '],
    ['an int', -7, -7],
    ['a long', 2 ** 50, 2 ** 50],
    ['a double', 1.25e-7, 1.25e-7],
    ['NaN', NaN, NaN],
    ['a boolean', true, true],
    ['a Date', new Date(0), new Date(0)],
    ['bytes', new Uint8Array([0, 255]), new Uint8Array([0, 255])],
    ['null', null, null],
    ['a tree', { a: { b: [1, 'two', null, { c: true }] }, d: [7] }, { a: { b: [1, 'two', null, { c: true }] }, d: 7 }],
    ['an empty object (an empty element)', {}, ''],
  ])('%s', (_, value, expected) => {
    expect(roundTrip(value)).toEqual(expected);
  });
});
