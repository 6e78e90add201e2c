/**
 * Broken input ends in a WsdlError naming the file, the line and what is wrong — under `strict`
 * always, and by default unless the fault is one the generator works around (`forgiven`): then it
 * generates, with a warning at the same place saying what it did instead.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WsdlError } from '../../src/errors.js';
import { findInputs, generate, type GenerateOptions } from '../../src/generate.js';
import { typecheck } from '../helpers/typecheck.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';

/** The urn:t schema's own content starts on this line of echoWsdl(). */
const SCHEMA_LINE = 7;

const ECHO_MESSAGES =
  '  <wsdl:message name="EchoRequest"><wsdl:part name="parameters" element="tns:Echo"/></wsdl:message>\n' +
  '  <wsdl:message name="EchoResponse"><wsdl:part name="parameters" element="tns:EchoResponse"/></wsdl:message>';

const MONEY_XSD = (targetNamespace: string) =>
  `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${targetNamespace}">` +
  '<xs:complexType name="Money"><xs:sequence><xs:element name="Amount" type="xs:decimal"/></xs:sequence></xs:complexType></xs:schema>';

interface Case {
  name: string;
  files: Record<string, string>;
  /** The file, relative to the temporary folder, and line the error must name. */
  at: [string, number];
  message: RegExp;
  /** By default (not strict): the warning, at the same place, instead of the error. */
  forgiven?: RegExp;
}

const cases: Case[] = [
  {
    name: 'malformed XML',
    files: { 'x.wsdl': '<?xml version="1.0"?>\n<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">\n  <wsdl:types>\n</wsdl:definitions>\n' },
    at: ['x.wsdl', 3],
    message: /not well-formed XML: Opening and ending tag mismatch: "wsdl:types" != "wsdl:definitions"$/,
  },
  {
    name: 'a truncated file',
    files: { 'x.wsdl': echoWsdl().slice(0, 400) },
    at: ['x.wsdl', 5],
    message: /not well-formed XML/,
  },
  {
    name: 'an XML Schema given as the WSDL',
    files: { 'x.wsdl': '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>\n' },
    at: ['x.wsdl', 2],
    message: /not a WSDL 1\.1 document: the root element is <\{http:\/\/www\.w3\.org\/2001\/XMLSchema\}schema>.*XML Schema, not a WSDL/,
  },
  {
    name: 'a DOCTYPE with entities (billion laughs)',
    files: {
      'x.wsdl':
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n' +
        '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">&lol2;</wsdl:definitions>\n',
    },
    at: ['x.wsdl', 2],
    message: /a DOCTYPE declaration is not allowed \(entities are never expanded\)/,
  },
  {
    name: 'an unresolved type reference',
    files: { 'x.wsdl': echoWsdl({ input: '\n<xs:element name="Text" type="tns:Missing"/>' }) },
    at: ['x.wsdl', 6],
    message: /the type \{urn:t\}Missing is not declared in any schema/,
    forgiven: /the type \{urn:t\}Missing is not declared in any schema; it is typed unknown$/,
  },
  {
    name: 'an unresolved type in a declaration nothing uses',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:element name="Unused" type="tns:Nothing"/>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /the type \{urn:t\}Nothing is not declared in any schema/,
    forgiven: /the type \{urn:t\}Nothing is not declared in any schema; it is typed unknown$/,
  },
  {
    name: 'an unresolved base type',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:complexType name="D"><xs:complexContent><xs:extension base="tns:B"/></xs:complexContent></xs:complexType>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /the type \{urn:t\}B is not declared in any schema/,
    forgiven: /the type \{urn:t\}B is not declared in any schema; it is typed unknown$/,
  },
  {
    name: 'an unresolved element reference',
    files: { 'x.wsdl': echoWsdl({ input: '\n<xs:element ref="tns:Nowhere"/>' }) },
    at: ['x.wsdl', 6],
    message: /the element \{urn:t\}Nowhere is not declared/,
    forgiven: /the element \{urn:t\}Nowhere is not declared in any schema; the member is typed unknown$/,
  },
  {
    name: 'a type that is not in XML Schema',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:complexType name="T"><xs:sequence><xs:element name="A" type="xs:strng"/></xs:sequence></xs:complexType>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /xs:strng is not a type of XML Schema/,
    forgiven: /xs:strng is not a type of XML Schema; it is typed unknown$/,
  },
  {
    name: 'an undeclared prefix',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:element name="A" type="q:T"/>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /type="q:T": the prefix "q" is not declared/,
  },
  {
    name: 'a bad maxOccurs',
    files: { 'x.wsdl': echoWsdl({ input: '<xs:element name="Text" type="xs:string" maxOccurs="many"/>' }) },
    at: ['x.wsdl', 5],
    message: /maxOccurs="many" is not a non-negative integer/,
  },
  {
    name: 'a missing message',
    files: {
      'x.wsdl': echoWsdl({
        portType: '  <wsdl:portType name="EchoPort">\n    <wsdl:operation name="Echo"><wsdl:input message="tns:Nope"/></wsdl:operation>\n  </wsdl:portType>',
      }),
    },
    at: ['x.wsdl', 14],
    message: /the message \{urn:t\}Nope is not declared/,
  },
  {
    name: 'a port naming a missing binding',
    files: {
      'x.wsdl': echoWsdl({
        service: '  <wsdl:service name="S">\n    <wsdl:port name="P" binding="tns:Gone"><soap:address location="http://x"/></wsdl:port>\n  </wsdl:service>',
      }),
    },
    at: ['x.wsdl', 29],
    message: /wsdl:port "P" names the binding \{urn:t\}Gone, which is not declared/,
  },
  {
    name: 'a binding of a missing portType',
    files: {
      'x.wsdl': echoWsdl({
        binding: '  <wsdl:binding name="EchoBinding" type="tns:Nowhere">\n    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>\n  </wsdl:binding>',
      }),
    },
    at: ['x.wsdl', 20],
    message: /wsdl:binding "EchoBinding" is of the portType \{urn:t\}Nowhere, which is not declared/,
  },
  {
    name: 'a binding operation without a portType operation match',
    files: {
      'x.wsdl': echoWsdl({
        binding:
          '  <wsdl:binding name="EchoBinding" type="tns:EchoPort">\n    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>\n  </wsdl:binding>',
      }),
    },
    at: ['x.wsdl', 20],
    message: /operation "Echo" is missing from binding EchoBinding/,
  },
  {
    name: 'an import of a missing file',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:import namespace="urn:other" schemaLocation="other.xsd"/>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /cannot read imported file ".*other\.xsd": file not found/,
    forgiven: /cannot read imported file ".*other\.xsd": file not found; the xs:import is left out \(what it declares is typed unknown where it is used\)$/,
  },
  {
    name: 'an import over http',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:import namespace="urn:other" schemaLocation="http://example.com/other.xsd"/>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /the import of "http:\/\/example\.com\/other\.xsd" is not followed/,
  },
  {
    name: 'an import of file:///etc/passwd',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:include schemaLocation="file:///etc/passwd"/>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /the import of "file:\/\/\/etc\/passwd" is not followed/,
  },
  {
    name: 'an xs:import directly in wsdl:types, outside any xs:schema',
    files: {
      'x.wsdl': echoWsdl({ namespaces: ' xmlns:o="urn:o"', extraSchemas: '<xs:import namespace="urn:o" schemaLocation="o.xsd"/>', output: '<xs:element name="Price" type="o:Money"/>' }),
      'o.xsd': MONEY_XSD('urn:o'),
    },
    at: ['x.wsdl', 9],
    message: /xs:import must be inside an xs:schema, not directly in wsdl:types$/,
    forgiven: /xs:import must be inside an xs:schema, not directly in wsdl:types; it is followed as if it were$/,
  },
  {
    name: 'an xs:import whose file declares another targetNamespace',
    files: {
      'x.wsdl': echoWsdl({ namespaces: ' xmlns:other="urn:other"', schema: '<xs:import namespace="urn:o" schemaLocation="o.xsd"/>', output: '<xs:element name="Price" type="other:Money"/>' }),
      'o.xsd': MONEY_XSD('urn:other'),
    },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /xs:import of namespace "urn:o" loads "o\.xsd", whose targetNamespace is "urn:other"$/,
    forgiven: /xs:import of namespace "urn:o" loads "o\.xsd", whose targetNamespace is "urn:other"; its declarations are read in "urn:other", as the file says$/,
  },
  {
    name: 'an imported file that is not well-formed',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:import namespace="urn:o" schemaLocation="o.xsd"/>' }), 'o.xsd': '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<xs:element name="A"/>\n' },
    at: ['o.xsd', 3],
    message: /not well-formed XML/,
    forgiven: /not well-formed XML: .*; the xs:import is left out \(what it declares is typed unknown where it is used\)$/,
  },
  {
    name: 'an imported file that is no XML Schema',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:import namespace="urn:o" schemaLocation="o.xsd"/>' }), 'o.xsd': '<html><body>Not found</body></html>' },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /xs:import of "o\.xsd": that file is not an XML Schema$/,
    forgiven: /xs:import of "o\.xsd": that file is not an XML Schema; the xs:import is left out \(what it declares is typed unknown where it is used\)$/,
  },
  {
    name: 'a wsdl:import of a missing file',
    files: { 'x.wsdl': echoWsdl({ messages: `  <wsdl:import namespace="urn:gone" location="gone.wsdl"/>\n${ECHO_MESSAGES}` }) },
    at: ['x.wsdl', 11],
    message: /cannot read imported file ".*gone\.wsdl": file not found$/,
    forgiven: /cannot read imported file ".*gone\.wsdl": file not found; the wsdl:import is left out \(what it declares is typed unknown where it is used\)$/,
  },
  {
    name: 'a message part naming an undeclared element',
    files: { 'x.wsdl': echoWsdl({ messages: ECHO_MESSAGES.replace('element="tns:Echo"', 'element="tns:Ghost"') }) },
    at: ['x.wsdl', 11],
    message: /the element \{urn:t\}Ghost is not declared in any schema$/,
    forgiven: /the element \{urn:t\}Ghost is not declared in any schema; the part is typed unknown$/,
  },
  {
    name: 'a message part naming an undeclared type',
    files: { 'x.wsdl': echoWsdl({ messages: ECHO_MESSAGES.replace('element="tns:EchoResponse"', 'type="tns:Phantom"') }) },
    at: ['x.wsdl', 12],
    message: /the type \{urn:t\}Phantom is not declared in any schema$/,
    forgiven: /the type \{urn:t\}Phantom is not declared in any schema; it is typed unknown$/,
  },
  {
    name: 'an undeclared group',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:complexType name="G"><xs:sequence><xs:group ref="tns:Nope"/></xs:sequence></xs:complexType>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /the group \{urn:t\}Nope is not declared in any schema$/,
    forgiven: /the group \{urn:t\}Nope is not declared in any schema; its members are left out$/,
  },
  {
    name: 'an undeclared attributeGroup',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:complexType name="G"><xs:attributeGroup ref="tns:Nope"/></xs:complexType>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /the attributeGroup \{urn:t\}Nope is not declared in any schema$/,
    forgiven: /the attributeGroup \{urn:t\}Nope is not declared in any schema; its attributes are left out$/,
  },
  {
    name: 'an undeclared attribute',
    files: { 'x.wsdl': echoWsdl({ schema: '<xs:complexType name="G"><xs:attribute ref="tns:nope"/></xs:complexType>' }) },
    at: ['x.wsdl', SCHEMA_LINE],
    message: /the attribute \{urn:t\}nope is not declared in any schema$/,
    forgiven: /the attribute \{urn:t\}nope is not declared in any schema; it is typed string$/,
  },
  {
    name: 'two messages of one name',
    files: {
      'x.wsdl': echoWsdl({
        messages:
          '  <wsdl:message name="EchoRequest"><wsdl:part name="parameters" element="tns:Echo"/></wsdl:message>\n' +
          '  <wsdl:message name="EchoResponse"><wsdl:part name="parameters" element="tns:EchoResponse"/></wsdl:message>\n' +
          '  <wsdl:message name="EchoRequest"><wsdl:part name="other" element="tns:Echo"/></wsdl:message>',
      }),
    },
    at: ['x.wsdl', 13],
    message: /a second wsdl:message is named "EchoRequest" \(the first is at .*x\.wsdl:11:3\)/,
  },
  {
    name: 'two operations of one name (overloading)',
    files: {
      'x.wsdl': echoWsdl({
        portType:
          '  <wsdl:portType name="EchoPort">\n    <wsdl:operation name="Echo"><wsdl:input message="tns:EchoRequest"/></wsdl:operation>\n' +
          '    <wsdl:operation name="Echo"><wsdl:input message="tns:EchoRequest"/></wsdl:operation>\n  </wsdl:portType>',
      }),
    },
    at: ['x.wsdl', 15],
    message: /portType EchoPort has a second operation named "Echo" \(overloaded operations are not supported\)/,
  },
  {
    name: 'a type declared differently by two WSDLs of one folder',
    files: {
      'a.wsdl': echoWsdl({ schema: '<xs:complexType name="T"><xs:sequence><xs:element name="A" type="xs:int"/></xs:sequence></xs:complexType>' }),
      'b.wsdl': echoWsdl({ schema: '<xs:complexType name="T"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:complexType>' }).replace(/EchoPort/g, 'EchoPort2'),
    },
    at: ['b.wsdl', SCHEMA_LINE],
    message: /type \{urn:t\}T is declared differently here than at .*a\.wsdl:7/,
  },
];

describe('inputs that look odd but are valid', () => {
  it('schemas that import each other (a cycle) are read once each', () => {
    const a = '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:b="urn:b" targetNamespace="urn:a"><xs:import namespace="urn:b" schemaLocation="b.xsd"/><xs:complexType name="A"><xs:sequence><xs:element name="B" type="b:B" minOccurs="0"/></xs:sequence></xs:complexType></xs:schema>';
    const b = '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:a="urn:a" targetNamespace="urn:b"><xs:import namespace="urn:a" schemaLocation="a.xsd"/><xs:complexType name="B"><xs:sequence><xs:element name="A" type="a:A" minOccurs="0"/></xs:sequence></xs:complexType></xs:schema>';
    const wsdl = echoWsdl({ namespaces: ' xmlns:a="urn:a"', schema: '<xs:import namespace="urn:a" schemaLocation="a.xsd"/>', output: '<xs:element name="Result" type="a:A"/>' });
    const dir = tempFiles({ 'x.wsdl': wsdl, 'a.xsd': a, 'b.xsd': b });
    const { files } = generate(findInputs([path.join(dir, 'x.wsdl')]));
    expect(files.get('types/a.ts')).toContain('B?: B;');
    expect(files.get('types/b.ts')).toContain('A?: A;');
  });

  it('xs:redefine is read as an include, with a warning', () => {
    const base = '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"><xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>';
    const wsdl = echoWsdl({ schema: '<xs:redefine schemaLocation="base.xsd"/>', output: '<xs:element name="Result" type="tns:Code"/>' });
    const dir = tempFiles({ 'x.wsdl': wsdl, 'base.xsd': base });
    const { files, warnings } = generate(findInputs([path.join(dir, 'x.wsdl')]));
    expect(files.get('types/t.ts')).toContain('export type Code = string;');
    expect(warnings.map((w) => w.message)).toEqual(['xs:redefine is not supported: "base.xsd" is included as it is, without the changes made here']);
  });
});

describe('bad input', () => {
  const inputOf = (files: Record<string, string>) => {
    const dir = tempFiles(files);
    return { dir, input: Object.keys(files).length > 1 && !('x.wsdl' in files) ? dir : path.join(dir, Object.keys(files)[0]) };
  };

  const failure = (input: string, options: GenerateOptions): WsdlError => {
    try {
      generate(findInputs([input]), options);
    } catch (error) {
      expect(error).toBeInstanceOf(WsdlError);
      return error as WsdlError;
    }
    throw new Error('expected a WsdlError');
  };

  it.each(cases)('$name: under strict, a clear error with file and line', ({ files, at, message }) => {
    const { dir, input } = inputOf(files);
    const text = failure(input, { strict: true }).message;
    expect(text).toMatch(message);
    const [file, line] = at;
    expect(text.startsWith(`${path.join(dir, file)}:${line}:`), `"${text}" should start with ${file}:${line}:`).toBe(true);
  });

  it.each(cases)('$name: by default, the same error, or generated with a warning there when forgiven', ({ files, at, message, forgiven }) => {
    const { dir, input } = inputOf(files);
    const [file, line] = at;
    if (!forgiven) {
      expect(failure(input, {}).message).toMatch(message);
      return;
    }
    const { warnings } = generate(findInputs([input]));
    const there = warnings.filter((warning) => warning.loc?.file === path.join(dir, file) && warning.loc.line === line);
    expect(there.map((warning) => warning.message)).toContainEqual(expect.stringMatching(forgiven));
  });

  it('what is generated despite a forgiven fault type-checks under strict NodeNext', () => {
    const root = tempFiles({}, { inRepo: true });
    const all: string[] = [];
    cases.forEach(({ files, forgiven }, index) => {
      if (!forgiven) return;
      const { files: generated } = generate(findInputs([inputOf(files).input]));
      for (const [name, content] of generated) {
        const full = path.join(root, String(index), name);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
        all.push(full);
      }
    });
    expect(typecheck(all)).toEqual([]);
  });
});
