/**
 * One XSD/WSDL construct per row: the snippet given, the TypeScript it must produce. The whole
 * output of every row must also type-check strictly.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs, generate } from '../../src/generate.js';
import { typecheck } from '../helpers/typecheck.js';
import { echoWsdl, tempFiles, type WsdlParts } from '../helpers/wsdl-builder.js';

interface Case {
  name: string;
  given: WsdlParts;
  /** Output file → snippets it must contain. */
  want: Record<string, string[]>;
  /** Snippets no output file may contain. */
  absent?: string[];
}

const complexType = (name: string, sequence: string) => `<xs:complexType name="${name}"><xs:sequence>${sequence}</xs:sequence></xs:complexType>`;

const cases: Case[] = [
  {
    name: 'string enumeration → string-literal union, one member per line when long',
    given: {
      schema:
        '<xs:simpleType name="Size"><xs:restriction base="xs:string"><xs:enumeration value="Small"/><xs:enumeration value="Large"/></xs:restriction></xs:simpleType>' +
        '<xs:simpleType name="UserType"><xs:restriction base="xs:string">' +
        ['Undefined', 'InternalAssociate', 'ResourceAssociate', 'ExternalAssociate', 'AnonymousAssociate', 'SystemAssociate']
          .map((v) => `<xs:enumeration value="${v}"/>`)
          .join('') +
        '</xs:restriction></xs:simpleType>',
    },
    want: {
      'types/t.ts': [
        "export type Size = 'Small' | 'Large';",
        "export type UserType =\n  | 'Undefined'\n  | 'InternalAssociate'\n  | 'ResourceAssociate'\n  | 'ExternalAssociate'\n  | 'AnonymousAssociate'\n  | 'SystemAssociate';",
      ],
    },
  },
  {
    name: 'numeric enumeration → number-literal union',
    given: { schema: '<xs:simpleType name="Level"><xs:restriction base="xs:int"><xs:enumeration value="1"/><xs:enumeration value="10"/></xs:restriction></xs:simpleType>' },
    want: { 'types/t.ts': ['export type Level = 1 | 10;'] },
  },
  {
    name: 'xs:list of an inline enumeration → array of the literals, space-separated on the wire',
    given: {
      schema:
        '<xs:simpleType name="Flags"><xs:list><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="Read"/><xs:enumeration value="Write"/></xs:restriction></xs:simpleType></xs:list></xs:simpleType>' +
        complexType('Right', '<xs:element name="Mask" type="tns:Flags"/>'),
    },
    want: {
      'types/t.ts': ["/** Space-separated on the wire. */\nexport type Flags = ('Read' | 'Write')[];", 'Mask: Flags;'],
      'descriptors.ts': ['["f","Mask","t",["list","string"]]'],
    },
  },
  {
    name: 'nillable → | null, minOccurs=0 → optional, maxOccurs>1 → array',
    given: {
      schema: complexType(
        'Row',
        '<xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:string" nillable="true"/>' +
          '<xs:element name="C" type="xs:int" minOccurs="0"/><xs:element name="D" type="xs:int" maxOccurs="unbounded"/>' +
          '<xs:element name="E" type="xs:string" nillable="true" minOccurs="0" maxOccurs="5"/>',
      ),
    },
    want: {
      'types/t.ts': ['A: string;', 'B: string | null;', 'C?: number;', 'D: number[];', 'E?: (string | null)[];'],
      'descriptors.ts': ['["f","D","t","integer","r"]', '["f","E","t","string","orn"]'],
    },
  },
  {
    name: 'built-in types → number, boolean, Date, Uint8Array, unknown',
    given: {
      schema: complexType(
        'Values',
        ['long', 'decimal', 'double', 'boolean', 'dateTime', 'base64Binary', 'hexBinary', 'anyType', 'date', 'anyURI', 'NMTOKENS']
          .map((t) => `<xs:element name="${t}Value" type="xs:${t}"/>`)
          .join(''),
      ),
    },
    want: {
      'types/t.ts': [
        'longValue: number;',
        'decimalValue: number;',
        'doubleValue: number;',
        'booleanValue: boolean;',
        'dateTimeValue: Date;',
        'base64BinaryValue: Uint8Array;',
        'hexBinaryValue: Uint8Array;',
        'anyTypeValue: unknown;',
        'dateValue: string;',
        'anyURIValue: string;',
        'NMTOKENSValue: string[];',
      ],
    },
  },
  {
    name: 'WCF ArrayOfX → X[] (with an alias for the WCF name)',
    given: {
      schema:
        complexType('Item', '<xs:element name="Id" type="xs:int"/>') +
        complexType('ArrayOfItem', '<xs:element name="Item" type="tns:Item" nillable="true" minOccurs="0" maxOccurs="unbounded"/>') +
        complexType('Basket', '<xs:element name="Items" type="tns:ArrayOfItem" nillable="true" minOccurs="0"/>'),
    },
    want: {
      'types/t.ts': ['export type ArrayOfItem = (Item | null)[];', 'Items?: (Item | null)[] | null;'],
      'descriptors.ts': ['["array","ArrayOfItem"]\n["f","Item","t","@Item","orn"]\n'],
    },
  },
  {
    name: 'a repeated-element type not named ArrayOf stays an object',
    given: { schema: complexType('Items', '<xs:element name="Item" type="xs:string" maxOccurs="unbounded"/>') + complexType('Order', '<xs:element name="Lines" type="tns:Items"/>') },
    want: { 'types/t.ts': ['export interface Items {\n  Item: string[];\n}', 'Lines: Items;'] },
  },
  {
    name: 'WCF IsDictionary → Record<string, V>',
    given: {
      schema:
        '<xs:complexType name="Extra"><xs:annotation><xs:appinfo><IsDictionary xmlns="http://schemas.microsoft.com/2003/10/Serialization/">true</IsDictionary></xs:appinfo></xs:annotation>' +
        '<xs:sequence><xs:element name="Pair" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence><xs:element name="Key" type="xs:string"/><xs:element name="Value" type="xs:int"/></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType>' +
        complexType('Holder', '<xs:element name="Extra" type="tns:Extra" minOccurs="0"/>'),
    },
    want: {
      'types/t.ts': ['export type Extra = Record<string, number>;', 'Extra?: Record<string, number>;'],
      'descriptors.ts': ['["dictionary","Extra","Pair","t"]\n["f","Key","t","string"]\n["f","Value","t","integer"]\n'],
    },
  },
  {
    name: 'complexContent extension → interface extends, descriptor base',
    given: {
      schema:
        complexType('Base', '<xs:element name="Id" type="xs:int"/>') +
        '<xs:complexType name="Derived"><xs:complexContent mixed="false"><xs:extension base="tns:Base"><xs:sequence><xs:element name="Name" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
    },
    want: {
      'types/t.ts': ['export interface Derived extends Base {\n  Name: string;\n}'],
      'descriptors.ts': ['["record","Derived",{"base":"Base"}]'],
    },
  },
  {
    name: 'an anonymous complex type in a member → an interface named after its place',
    given: {
      schema: complexType('Person', '<xs:element name="Address"><xs:complexType><xs:sequence><xs:element name="Street" type="xs:string"/></xs:sequence></xs:complexType></xs:element>'),
    },
    want: { 'types/t.ts': ['Address: PersonAddress;', 'export interface PersonAddress {\n  Street: string;\n}'] },
  },
  {
    name: 'recursive types refer to themselves by name',
    given: { schema: complexType('Node', '<xs:element name="Children" type="tns:Node" minOccurs="0" maxOccurs="unbounded"/>') },
    want: { 'types/t.ts': ['Children?: Node[];'], 'descriptors.ts': ['["f","Children","t","@Node","or"]'] },
  },
  {
    name: 'xs:choice → a union of its alternatives, each forbidding the others',
    given: {
      schema: complexType(
        'Payment',
        '<xs:element name="Amount" type="xs:decimal"/><xs:choice><xs:element name="Card" type="xs:string"/><xs:sequence><xs:element name="Iban" type="xs:string"/><xs:element name="Bic" type="xs:string" minOccurs="0"/></xs:sequence></xs:choice>',
      ),
    },
    want: {
      'types/t.ts': [
        'export type Payment = {\n  Amount: number;\n} & (\n  | {\n    Card: string;\n    Iban?: never;\n    Bic?: never;\n  }\n  | {\n    Iban: string;\n    Bic?: string;\n    Card?: never;\n  }\n);',
      ],
      'descriptors.ts': ['["f","Card","t","string","o"]', '["f","Iban","t","string","o"]'],
    },
  },
  {
    name: 'an optional xs:choice allows none of its alternatives; a derived type of a choice is an intersection',
    given: {
      schema:
        '<xs:complexType name="Pick"><xs:choice minOccurs="0"><xs:element name="A" type="xs:int"/><xs:element name="B" type="xs:int"/></xs:choice></xs:complexType>' +
        '<xs:complexType name="More"><xs:complexContent><xs:extension base="tns:Pick"><xs:sequence><xs:element name="C" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
    },
    want: {
      'types/t.ts': [
        'export type Pick = (\n  | {\n    A: number;\n    B?: never;\n  }\n  | {\n    B: number;\n    A?: never;\n  }\n  | {\n    A?: never;\n    B?: never;\n  }\n);',
        'export type More = Pick & {\n  C: number;\n};',
      ],
    },
  },
  {
    name: 'attributes → properties, required or optional; attribute groups and refs resolved',
    given: {
      schema:
        '<xs:attribute name="lang" type="xs:language"/>' +
        '<xs:attributeGroup name="Audit"><xs:attribute name="by" type="xs:string" use="required"/><xs:attribute name="at" type="xs:dateTime"/></xs:attributeGroup>' +
        '<xs:complexType name="Note"><xs:sequence><xs:element name="Body" type="xs:string"/></xs:sequence>' +
        '<xs:attribute name="id" type="xs:int" use="required"/><xs:attribute ref="tns:lang"/><xs:attributeGroup ref="tns:Audit"/></xs:complexType>',
    },
    want: {
      'types/t.ts': ['export interface Note {\n  Body: string;\n  /** The attribute id. */\n  id: number;\n  /** The attribute lang. */\n  lang?: string;\n  /** The attribute by. */\n  by: string;\n  /** The attribute at. */\n  at?: Date;\n}'],
      'descriptors.ts': ['["a","id","","integer"]\n["a","lang","t","string","o"]\n["a","by","","string"]\n["a","at","","dateTime","o"]\n'],
    },
  },
  {
    name: 'simpleContent → the text as $value beside the attributes',
    given: {
      schema:
        '<xs:complexType name="Price"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="currency" type="xs:string" use="required"/></xs:extension></xs:simpleContent></xs:complexType>' +
        '<xs:complexType name="TaxedPrice"><xs:simpleContent><xs:extension base="tns:Price"><xs:attribute name="rate" type="xs:double"/></xs:extension></xs:simpleContent></xs:complexType>',
    },
    want: {
      'types/t.ts': ["export interface Price {\n  /** The attribute currency. */\n  currency: string;\n  /** The element’s text. */\n  $value: number;\n}", 'export interface TaxedPrice extends Price {'],
      'descriptors.ts': ['{"text":"decimal"}]', '["record","TaxedPrice",{"base":"Price"}]'],
    },
  },
  {
    name: 'xs:any → undeclared elements kept as XML text in $any',
    given: { schema: complexType('Open', '<xs:element name="Id" type="xs:int"/><xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded" processContents="lax"/>') },
    want: { 'types/t.ts': ['/** Elements the schema leaves open (xs:any), each as XML text. */\n  $any?: string[];'], 'descriptors.ts': ['{"any":1}]'] },
  },
  {
    name: 'xs:group references are expanded in place; a repeating sequence becomes lists',
    given: {
      schema:
        '<xs:group name="Names"><xs:sequence><xs:element name="First" type="xs:string"/><xs:element name="Last" type="xs:string"/></xs:sequence></xs:group>' +
        complexType('Person', '<xs:element name="Id" type="xs:int"/><xs:group ref="tns:Names" minOccurs="0"/>') +
        '<xs:complexType name="Pairs"><xs:sequence maxOccurs="unbounded"><xs:element name="K" type="xs:string"/><xs:element name="V" type="xs:string"/></xs:sequence></xs:complexType>',
    },
    want: { 'types/t.ts': ['export interface Person {\n  Id: number;\n  First?: string;\n  Last?: string;\n}', 'export interface Pairs {\n  K: string[];\n  V: string[];\n}'] },
  },
  {
    name: 'the old XML Schema namespaces, SOAP encoding types and unqualified built-in names are built-ins',
    given: {
      namespaces: ' xmlns:x2000="http://www.w3.org/2000/10/XMLSchema" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"',
      schema: complexType('Old', '<xs:element name="A" type="x2000:int"/><xs:element name="B" type="soapenc:string"/><xs:element name="C" type="soapenc:base64"/><xs:element name="D" type="boolean"/>'),
    },
    want: { 'types/t.ts': ['export interface Old {\n  A: number;\n  B: string;\n  C: Uint8Array;\n  D: boolean;\n}'] },
  },
  {
    name: 'a SOAP-encoded array (restriction of soapenc:Array) → an array of its wsdl:arrayType',
    given: {
      namespaces: ' xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"',
      schema:
        '<xs:complexType name="Names"><xs:complexContent><xs:restriction base="soapenc:Array">' +
        '<xs:attribute ref="soapenc:arrayType" wsdl:arrayType="xs:string[]"/></xs:restriction></xs:complexContent></xs:complexType>' +
        complexType('Holder', '<xs:element name="List" type="tns:Names"/>'),
    },
    want: {
      'types/t.ts': ['export type Names = (string | null)[];', 'List: (string | null)[];'],
      'descriptors.ts': ['["f","item","","string","orn"]'],
    },
  },
  {
    name: 'an operation without input gets no method; a wrongly prefixed binding is found by its name',
    given: {
      portType:
        '  <wsdl:portType name="EchoPort">\n    <wsdl:operation name="Echo"><wsdl:input message="tns:EchoRequest"/><wsdl:output message="tns:EchoResponse"/></wsdl:operation>\n' +
        '    <wsdl:operation name="Notify"><wsdl:output message="tns:EchoResponse"/></wsdl:operation>\n  </wsdl:portType>',
      service: '  <wsdl:service name="S"><wsdl:port name="P" binding="wrong:EchoBinding" xmlns:wrong="urn:wrong"><soap:address location="http://x/"/></wsdl:port></wsdl:service>',
    },
    want: { 'EchoPortAgent.ts': ['echo(text: string', "default endpoint http://x/"] },
    absent: ['notify('],
  },
  {
    name: 'RPC/encoded: a wrapper named after the operation, unqualified parts with xsi:type, the encoding declared',
    given: {
      messages:
        '  <wsdl:message name="EchoRequest"><wsdl:part name="count" type="xs:int"/><wsdl:part name="label" type="xs:string"/></wsdl:message>\n' +
        '  <wsdl:message name="EchoResponse"><wsdl:part name="return" type="xs:string"/></wsdl:message>',
      binding:
        '  <wsdl:binding name="EchoBinding" type="tns:EchoPort"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="rpc"/>' +
        '<wsdl:operation name="Echo"><soap:operation soapAction="urn:t/Echo"/>' +
        '<wsdl:input><soap:body use="encoded" namespace="urn:rpc" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:input>' +
        '<wsdl:output><soap:body use="encoded" namespace="urn:rpc" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:output>' +
        '</wsdl:operation></wsdl:binding>',
    },
    want: {
      'EchoPortAgent.ts': ['echo(count: number, label: string, options?: EchoPortCallOptions): Promise<string>'],
      'descriptors.ts': [
        '["input",["Echo","rpc"],[],{"encoding":"http://schemas.xmlsoap.org/soap/encoding/"}]',
        '["f","count","","integer","","",["XMLSchema","int"]]',
        '["output",["EchoResponse","rpc"],[],"single",{"anyName":1,"encoding":"http://schemas.xmlsoap.org/soap/encoding/"}]',
      ],
    },
  },
  {
    name: 'a restriction keeps the base attributes it does not restate or prohibit; names are whitespace-collapsed',
    given: {
      schema:
        '<xs:complexType name="Key"><xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence>' +
        '<xs:attribute name="origin" type="xs:string"/><xs:attribute name="kind" type="xs:string"/><xs:attribute name="old" type="xs:string"/></xs:complexType>' +
        '<xs:complexType name="Def"><xs:complexContent><xs:restriction base="tns:Key"><xs:sequence><xs:element name="Id" type="xs:string"/></xs:sequence>' +
        '<xs:attribute name="kind" type="xs:int" use="required"/><xs:attribute name="old" use="prohibited"/></xs:restriction></xs:complexContent></xs:complexType>' +
        complexType(' Spaced ', '<xs:element name="Code " type="xs:int"/>'),
    },
    want: {
      'types/t.ts': [
        'export interface Def {\n  Id: string;\n  /** The attribute origin. */\n  origin?: string;\n  /** The attribute kind. */\n  kind: number;\n}',
        'export interface Spaced {\n  Code: number;\n}',
      ],
    },
  },
  {
    name: 'names that are not identifiers or that would shadow globals are made safe; wire names kept',
    given: {
      schema:
        complexType('Date', '<xs:element name="my-value" type="xs:string"/><xs:element name="class" type="xs:string"/>') +
        complexType('1stClass', '<xs:element name="When" type="tns:Date"/>'),
      input: '<xs:element name="class" type="xs:string"/><xs:element name="my-param" type="xs:int"/>',
    },
    want: {
      'types/t.ts': ["export interface Date_ {\n  'my-value': string;\n  class: string;\n}", 'export interface _1stClass {\n  When: Date_;\n}'],
      'EchoPortAgent.ts': ['echo(class_: string, myParam: number, options?: EchoPortCallOptions): Promise<string>'],
      'descriptors.ts': ['["f","my-value","t","string"]'],
    },
  },
  {
    name: 'operation documentation → JSDoc on the interface, with @param, @returns, @throws; a required member after optional ones → | undefined',
    given: { input: '<xs:element name="First" type="xs:string" minOccurs="0"/><xs:element name="Second" type="xs:int"><xs:annotation><xs:documentation>How many.</xs:documentation></xs:annotation></xs:element>' },
    want: {
      'EchoPortAgent.ts': [
        '  /**\n   * Echoes the text.\n   *\n   * @param first <First> (xs:string)\n   * @param second How many.\n   * @param options Header entries, timeout and signal for this call.\n' +
          '   * @returns <Result> (xs:string)\n   * @throws {SoapFaultError} The service answered with a SOAP Fault.\n' +
          '   * @throws {SoapError} Any other failure: SoapHttpError, SoapResponseError, SoapTransportError, SoapEncodeError (nothing is sent).\n   */\n' +
          '  echo(first: string | undefined, second: number, options?: EchoPortCallOptions): Promise<string>;',
        'export class EchoPortAgent extends SoapAgent<EchoPortRequestHeaders, EchoPortResponseHeaders> implements EchoPortApi {',
        '  echo(first: string | undefined, second: number, options?: EchoPortCallOptions): Promise<string> {',
      ],
    },
  },
  {
    name: 'more than 3 parameters → one request object keyed by element name (parameters: auto)',
    given: {
      input:
        '<xs:element name="A" type="xs:string" minOccurs="0"/><xs:element name="B" type="xs:int" minOccurs="0"/>' +
        '<xs:element name="C" type="xs:int" minOccurs="0"/><xs:element name="d-e" type="xs:boolean"><xs:annotation><xs:documentation>Dashed.</xs:documentation></xs:annotation></xs:element>',
    },
    want: {
      'EchoPortAgent.ts': [
        '  echo(request: {\n    A?: string | undefined;\n    B?: number | undefined;\n    C?: number | undefined;\n    /** Dashed. */\n    \'d-e\': boolean;\n  }, options?: EchoPortCallOptions): Promise<string>;',
        "return this.$call<string>('Echo', [request.A, request.B, request.C, request['d-e']], options);",
      ],
    },
  },
  {
    name: 'several output members → an object result; none → void',
    given: { output: '<xs:element name="Count" type="xs:int"/><xs:element name="Note" type="xs:string" minOccurs="0"/>' },
    want: { 'EchoPortAgent.ts': ['Promise<{ Count: number; Note?: string }>'], 'descriptors.ts': ['[],"object"]'] },
  },
  {
    name: 'an optional single result → T | null',
    given: { output: '<xs:element name="Result" type="xs:int" minOccurs="0"/>' },
    want: { 'EchoPortAgent.ts': ['Promise<number | null>'] },
  },
  {
    name: 'types of another namespace live in their own module and are imported',
    given: {
      namespaces: ' xmlns:o="http://example.com/other/Shared"',
      extraSchemas:
        '<xs:schema targetNamespace="http://example.com/other/Shared" elementFormDefault="qualified">' +
        complexType('Money', '<xs:element name="Amount" type="xs:decimal"/>') +
        '</xs:schema>',
      schema: '<xs:import namespace="http://example.com/other/Shared"/>',
      output: '<xs:element name="Price" type="o:Money"/>',
    },
    want: {
      'types/Shared.ts': ['export interface Money {\n  Amount: number;\n}'],
      'EchoPortAgent.ts': ["import type { Money } from './types/Shared.js';", 'Promise<Money>'],
      'descriptors.ts': ['["ns","Shared","http://example.com/other/Shared"]', '["f","Price","t","@Money"]'],
      'index.ts': ["export * from './types/Shared.js';"],
    },
  },
  {
    name: 'unqualified local elements (elementFormDefault unqualified) have no namespace on the wire',
    given: {
      extraSchemas:
        '<xs:schema targetNamespace="urn:u" xmlns:u="urn:u">' + complexType('Loose', '<xs:element name="A" type="xs:string"/>') + '<xs:element name="Loose" type="u:Loose"/></xs:schema>',
      namespaces: ' xmlns:u="urn:u"',
      schema: '<xs:import namespace="urn:u"/>',
      input: '<xs:element ref="u:Loose"/>',
    },
    want: { 'descriptors.ts': ['["f","A","","string"]', '["f","Loose","u","@Loose"]'] },
  },
  {
    name: 'a SOAP 1.2 binding',
    given: { soap12: true },
    want: { 'descriptors.ts': ['["agent","EchoPort","1.2"', '["operation","Echo","urn:t/Echo"]'], 'EchoPortAgent.ts': ['Speaks SOAP 1.2 to the EchoPort service'] },
  },
];

describe('emitting constructs', () => {
  it.each(cases)('$name', ({ given, want, absent }) => {
    const dir = tempFiles({ 'echo.wsdl': echoWsdl(given) });
    // every type's descriptor in one module, reached by the operation or not
    const { files } = generate(findInputs([path.join(dir, 'echo.wsdl')]), { descriptors: 'folder' });
    for (const [file, snippets] of Object.entries(want)) {
      const content = files.get(file);
      expect(content, `${file} was not generated; got ${[...files.keys()].join(', ')}`).toBeDefined();
      for (const snippet of snippets) expect(content).toContain(snippet);
    }
    for (const snippet of absent ?? []) for (const content of files.values()) expect(content).not.toContain(snippet);
  });

  it('every row type-checks under strict NodeNext', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const root = tempFiles({}, { inRepo: true });
    const all: string[] = [];
    cases.forEach(({ given }, index) => {
      const { files } = generate(findInputs([path.join(tempFiles({ 'echo.wsdl': echoWsdl(given) }), 'echo.wsdl')]), { descriptors: 'folder' });
      for (const [name, content] of files) {
        const full = path.join(root, String(index), name);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
        all.push(full);
      }
    });
    expect(typecheck(all)).toEqual([]);
  });
});

describe('several WSDLs of one folder', () => {
  it('share one module per namespace, with a shared type emitted once, and keep an agent each', () => {
    const shared = complexType('Shared', '<xs:element name="Id" type="xs:int"/>');
    const second = echoWsdl({ schema: shared, output: '<xs:element name="Result" type="tns:Shared"/>' })
      .replace(/EchoPort/g, 'OtherPort')
      .replace(/"Echo"/g, '"Other"')
      .replace(/tns:Echo"/g, 'tns:Other"')
      .replace(/EchoResponse/g, 'OtherResponse')
      .replace(/EchoRequest/g, 'OtherRequest');
    const dir = tempFiles({ 'a/echo.wsdl': echoWsdl({ schema: shared }), 'a/other.wsdl': second });
    const { files } = generate(findInputs([dir]));
    const types = files.get('a/types/t.ts')!;
    expect(types.match(/export interface Shared \{/g)).toHaveLength(1);
    expect(types).toContain('// Source: a/echo.wsdl, a/other.wsdl');
    expect(files.get('a/OtherPortAgent.ts')).toContain('other(text: string, options?: OtherPortCallOptions): Promise<Shared>');
    expect(files.get('a/index.ts')).toContain("export * from './EchoPortAgent.js';\nexport * from './OtherPortAgent.js';");
    expect([...files.keys()].filter((f) => f.startsWith('a/types/'))).toEqual(['a/types/t.ts']);
  });
});
