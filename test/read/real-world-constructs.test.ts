/**
 * The constructs of real-world WSDLs that used to stop generation (test/conformance/REAL-WORLD.md
 * has the failure classes), each as a minimal WSDL of our own: it generates, its output
 * type-checks under strict, and a call through the generated agent sends and decodes the right XML.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { echoWsdl } from '../helpers/wsdl-builder.js';
import { bodyOf, buildAgents, recordedAgent, soap11, type BuiltAgents } from '../helpers/generated-agents.js';
import { parseMeaning } from '../helpers/xml-meaning.js';

const XSD = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** A schema file of its own, for imports. */
const schemaFile = (targetNamespace: string, content: string, namespaces = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<xs:schema ${XSD} targetNamespace="${targetNamespace}" elementFormDefault="qualified"${namespaces}>${content}</xs:schema>\n`;

const rpcEncodedBinding =
  '  <wsdl:binding name="EchoBinding" type="tns:EchoPort"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="rpc"/>' +
  '<wsdl:operation name="Echo"><soap:operation soapAction="urn:t/Echo"/>' +
  '<wsdl:input><soap:body use="encoded" namespace="urn:rpc" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:input>' +
  '<wsdl:output><soap:body use="encoded" namespace="urn:rpc" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:output>' +
  '</wsdl:operation></wsdl:binding>';

const SOAPENC = ' xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"';
const encodedArray = (name: string, arrayType: string) =>
  `<xs:complexType name="${name}"><xs:complexContent><xs:restriction base="soapenc:Array">` +
  `<xs:attribute ref="soapenc:arrayType" wsdl:arrayType="${arrayType}"/></xs:restriction></xs:complexContent></xs:complexType>`;

/** UTF-16 LE with its byte order mark, as Windows' "Unicode" saves. */
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

let built: Record<
  'bom' | 'xmlLang' | 'catalog' | 'unionOfRestrictions' | 'arraysOfArrays' | 'dataSet' | 'lenient',
  BuiltAgents
>;

beforeAll(async () => {
  built = await buildAgents({
    bom: {
      wsdl: 'x.wsdl',
      files: {
        'x.wsdl': `\uFEFF${echoWsdl({
          namespaces: ' xmlns:m="urn:m" xmlns:c="urn:c"',
          schema: '<xs:import namespace="urn:m" schemaLocation="bom.xsd"/><xs:import namespace="urn:c" schemaLocation="unicode.xsd"/>',
          input: '<xs:element name="Price" type="m:Money"/>',
          output: '<xs:element name="Code" type="c:Code"/>',
        })}`,
        'bom.xsd': `\uFEFF${schemaFile('urn:m', '<xs:complexType name="Money"><xs:sequence><xs:element name="Amount" type="xs:decimal"/></xs:sequence></xs:complexType>')}`,
        'unicode.xsd': utf16le(
          schemaFile('urn:c', '<xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:enumeration value="Grün"/></xs:restriction></xs:simpleType>').replace(
            'encoding="utf-8"',
            'encoding="utf-16"',
          ),
        ),
      },
    },
    xmlLang: {
      wsdl: 'x.wsdl',
      files: {
        // no import of the XML namespace: xml:lang needs none
        'x.wsdl': echoWsdl({
          schema:
            '<xs:complexType name="Text"><xs:simpleContent><xs:extension base="xs:string"><xs:attribute ref="xml:lang"/></xs:extension></xs:simpleContent></xs:complexType>',
          input: '<xs:element name="Greeting" type="tns:Text"/>',
          output: '<xs:element name="Reply" type="tns:Text"/>',
        }),
      },
    },
    catalog: {
      wsdl: 'x.wsdl',
      // no network, no --allow-remote: a fetch would fail the test
      options: { fetch: () => Promise.reject(new Error('no network in this test')) },
      files: {
        'x.wsdl': echoWsdl({
          namespaces:
            ' xmlns:xmime="http://www.w3.org/2005/05/xmlmime" xmlns:wsa="http://www.w3.org/2005/08/addressing"' +
            ' xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"',
          schema:
            // by URL, by namespace alone, and by URL to a schema that imports two more (one of them with a DOCTYPE)
            '<xs:import namespace="http://www.w3.org/2005/05/xmlmime" schemaLocation="https://www.w3.org/2005/05/xmlmime"/>' +
            '<xs:import namespace="http://www.w3.org/2005/08/addressing"/>' +
            '<xs:import namespace="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" schemaLocation="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"/>',
          input: '<xs:element name="Picture" type="xmime:base64Binary"/><xs:element ref="wsa:Action"/>',
          output: '<xs:element ref="wsu:Timestamp"/>',
        }),
      },
    },
    unionOfRestrictions: {
      wsdl: 'x.wsdl',
      files: {
        'x.wsdl': echoWsdl({
          schema:
            '<xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType>' +
            '<xs:simpleType name="CodeOrOther"><xs:union>' +
            '<xs:simpleType><xs:restriction base="tns:Code"><xs:enumeration value="A"/></xs:restriction></xs:simpleType>' +
            '<xs:simpleType><xs:restriction base="tns:Code"><xs:pattern value="X[0-9]+"/></xs:restriction></xs:simpleType>' +
            '</xs:union></xs:simpleType>',
          input: '<xs:element name="Code" type="tns:CodeOrOther"/>',
          output: '<xs:element name="Result" type="tns:CodeOrOther"/>',
        }),
      },
    },
    arraysOfArrays: {
      wsdl: 'x.wsdl',
      files: {
        'x.wsdl': echoWsdl({
          namespaces: SOAPENC,
          schema: encodedArray('Matrix', 'xs:int[][]') + encodedArray('Grid', 'xs:string[,]') + encodedArray('ArrayOf_xsd_base64Binary', 'xs:byte[][]'),
          messages:
            '  <wsdl:message name="EchoRequest"><wsdl:part name="matrix" type="tns:Matrix"/><wsdl:part name="grid" type="tns:Grid"/><wsdl:part name="blobs" type="tns:ArrayOf_xsd_base64Binary"/></wsdl:message>\n' +
            '  <wsdl:message name="EchoResponse"><wsdl:part name="return" type="tns:Matrix"/></wsdl:message>',
          binding: rpcEncodedBinding,
        }),
      },
    },
    dataSet: {
      wsdl: 'x.wsdl',
      files: {
        'x.wsdl': echoWsdl({
          output: '<xs:element minOccurs="0" name="EchoResult"><xs:complexType><xs:sequence><xs:element ref="xs:schema"/><xs:any/></xs:sequence></xs:complexType></xs:element>',
        }),
      },
    },
    lenient: {
      wsdl: 'x.wsdl',
      files: {
        // the vendor's messages.xsd is missing: its elements are typed unknown
        'x.wsdl': echoWsdl({
          namespaces: ' xmlns:msg="urn:msg"',
          schema: '<xs:import namespace="urn:msg" schemaLocation="messages.xsd"/>',
          messages:
            '  <wsdl:message name="EchoRequest"><wsdl:part name="parameters" element="msg:Ping"/></wsdl:message>\n' +
            '  <wsdl:message name="EchoResponse"><wsdl:part name="parameters" element="msg:Pong"/></wsdl:message>',
        }),
      },
    },
  });
}, 120_000);

describe('each construct generates code that type-checks under strict', () => {
  it.each(['bom', 'xmlLang', 'catalog', 'unionOfRestrictions', 'arraysOfArrays', 'dataSet', 'lenient'] as const)('%s', (name) => {
    expect(built[name].diagnostics).toEqual([]);
  });
});

describe('a byte order mark or UTF-16 (files saved on Windows)', () => {
  it('is the encoding signature, not content: the WSDL and its imports are read', async () => {
    const { result } = built.bom;
    expect(result.warnings).toEqual([]);
    expect(result.files.get('types/c.ts')).toContain("export type Code = 'Grün';");
    const { agent, requests } = recordedAgent(built.bom, 'EchoPortAgent', soap11('<EchoResponse xmlns="urn:t"><Code>Grün</Code></EchoResponse>'));
    await expect(agent.echo({ Amount: 12.5 })).resolves.toBe('Grün');
    expect(bodyOf(requests[0])).toMatch(/^<ns1:Echo><ns1:Price><ns2:Amount>12\.5<\/ns2:Amount><\/ns1:Price><\/ns1:Echo>$/);
  });
});

describe('the xml prefix (ref="xml:lang")', () => {
  it('is bound without a declaration; xml.xsd comes from the catalog', async () => {
    const { result } = built.xmlLang;
    expect(result.catalogSchemas.map((schema) => schema.file)).toEqual(['xml-2009-01.xsd']);
    const { agent, requests } = recordedAgent(
      built.xmlLang,
      'EchoPortAgent',
      soap11('<EchoResponse xmlns="urn:t"><Reply xml:lang="en">hello</Reply></EchoResponse>'),
    );
    await expect(agent.echo({ $value: 'hei', lang: 'nb' })).resolves.toEqual({ $value: 'hello', lang: 'en' });
    // xml: is never declared, and no other prefix may be bound to its namespace
    expect(bodyOf(requests[0])).toBe('<ns1:Echo><ns1:Greeting xml:lang="nb">hei</ns1:Greeting></ns1:Echo>');
    expect(requests[0].body).not.toContain('http://www.w3.org/XML/1998/namespace');
  });
});

describe('well-known schemas by URL or by namespace', () => {
  it('are read from the catalog, offline, without --allow-remote, each named', () => {
    expect(built.catalog.result.catalogSchemas.map(({ file, namespace }) => `${file} for ${namespace}`)).toEqual([
      'xmlmime-2005-05.xsd for http://www.w3.org/2005/05/xmlmime',
      'oasis-200401-wss-wssecurity-secext-1.0.xsd for http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
      'oasis-200401-wss-wssecurity-utility-1.0.xsd for http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
      'xmldsig-core-schema.xsd for http://www.w3.org/2000/09/xmldsig#',
      'ws-addr-2005-08.xsd for http://www.w3.org/2005/08/addressing',
    ]);
    // the catalog's own approximations are no one's to fix: they are not warned about
    expect(built.catalog.result.warnings).toEqual([]);
  });

  it('their types travel as the schemas say', async () => {
    const wsu = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
    const { agent, requests } = recordedAgent(
      built.catalog,
      'EchoPortAgent',
      soap11(`<EchoResponse xmlns="urn:t"><u:Timestamp xmlns:u="${wsu}" u:Id="ts"><u:Created>2024-01-02T03:04:05Z</u:Created></u:Timestamp></EchoResponse>`),
    );
    const result = await agent.echo({ $value: Uint8Array.of(1, 2, 3), contentType: 'image/png' }, { $value: 'urn:t/Echo' });
    expect(result).toMatchObject({ Id: 'ts', Created: { $value: '2024-01-02T03:04:05Z' } });
    const sent = parseMeaning(requests[0].body).children.at(-1)!.children[0]!;
    expect(sent.children.map((child) => [child.ns, child.name, child.text, child.attributes])).toEqual([
      ['urn:t', 'Picture', 'AQID', ['{http://www.w3.org/2005/05/xmlmime}contentType=image/png']],
      ['http://www.w3.org/2005/08/addressing', 'Action', 'urn:t/Echo', []],
    ]);
  });
});

describe('two anonymous union members restricting one named type', () => {
  it('are shared use of a base, not a cycle', async () => {
    expect(built.unionOfRestrictions.result.files.get('types/t.ts')).toContain('export type CodeOrOther');
    const { agent, requests } = recordedAgent(built.unionOfRestrictions, 'EchoPortAgent', soap11('<EchoResponse xmlns="urn:t"><Result>X12</Result></EchoResponse>'));
    await expect(agent.echo('A')).resolves.toBe('X12');
    expect(bodyOf(requests[0])).toBe('<ns1:Echo><ns1:Code>A</ns1:Code></ns1:Echo>');
  });
});

describe('SOAP-encoded arrays of arrays (wsdl:arrayType="xs:int[][]")', () => {
  it('are arrays whose items are arrays, nested on the wire (SOAP 1.1 section 5.4.2); a [,] array is its items in row-major order; byte arrays are base64', async () => {
    const types = built.arraysOfArrays.result.files.get('types/t.ts')!;
    expect(types).toContain('export type Matrix = ((number | null)[] | null)[];');
    expect(types).toContain('export type Grid = (string | null)[];');
    // byte[][]: Axis's ArrayOf_xsd_base64Binary; an array of bytes travels as base64 (section 5.2.3)
    expect(types).toContain('export type ArrayOf_xsd_base64Binary = (Uint8Array | null)[];');
    expect(built.arraysOfArrays.result.warnings.map((warning) => warning.message)).toEqual([
      'wsdl:arrayType="xs:string[,]": a 2-dimensional array is read as its items in row-major order (its dimensions, given in soapenc:arrayType when sent, are not kept)',
    ]);
    const { agent, requests } = recordedAgent(
      built.arraysOfArrays,
      'EchoPortAgent',
      soap11('<r:EchoResponse xmlns:r="urn:rpc"><return><item><item>7</item><item>-8</item></item><item xsi:nil="true"/><item></item></return></r:EchoResponse>'),
    );
    await expect(agent.echo([[1, 2], [3], null], ['r1c1', 'r1c2', 'r2c1', 'r2c2'], [Uint8Array.of(1, 2, 3), null])).resolves.toEqual([[7, -8], null, []]);
    expect(bodyOf(requests[0])).toBe(
      '<ns1:Echo soap:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">' +
        '<matrix xsi:type="ns2:Matrix"><item><item>1</item><item>2</item></item><item><item>3</item></item><item xsi:nil="true"/></matrix>' +
        '<grid xsi:type="ns2:Grid"><item>r1c1</item><item>r1c2</item><item>r2c1</item><item>r2c2</item></grid>' +
        '<blobs xsi:type="ns2:ArrayOf_xsd_base64Binary"><item>AQID</item><item xsi:nil="true"/></blobs></ns1:Echo>',
    );
  });
});

describe('the .NET DataSet idiom (<s:element ref="s:schema"/><s:any/>)', () => {
  it('is its schema and its data, each as XML in $any, and its JSDoc says so', async () => {
    expect(built.dataSet.result.files.get('types/t.ts')).toContain(
      '/** A .NET DataSet: its XML Schema (xs:schema) and then its data (usually a diffgr:diffgram), each kept as XML text in $any. */\nexport interface EchoResponseEchoResult {\n  /** Elements the schema leaves open (xs:any), each as XML text. */\n  $any?: string[];\n}',
    );
    const schema =
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" id="NewDataSet"><xs:element name="NewDataSet"><xs:complexType><xs:sequence>' +
      '<xs:element name="Id" type="xs:int"/></xs:sequence></xs:complexType></xs:element></xs:schema>';
    const data = '<diffgr:diffgram xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1"><NewDataSet xmlns=""><Id>1</Id></NewDataSet></diffgr:diffgram>';
    const { agent } = recordedAgent(built.dataSet, 'EchoPortAgent', soap11(`<EchoResponse xmlns="urn:t"><EchoResult>${schema}${data}</EchoResult></EchoResponse>`));
    const result = (await agent.echo('tables')) as { $any: string[] };
    expect(result.$any).toHaveLength(2);
    expect(parseMeaning(result.$any[0]!)).toEqual(parseMeaning(schema));
    expect(parseMeaning(result.$any[1]!)).toEqual(parseMeaning(data));
  });
});

describe('a WSDL broken in one place (its imported messages.xsd is missing)', () => {
  it('generates with a warning at the import, the parts that need it typed unknown', async () => {
    const { result } = built.lenient;
    expect(result.warnings.map((warning) => `${warning.loc?.line}: ${warning.message}`)).toEqual([
      expect.stringMatching(/^7: cannot read imported file ".*messages\.xsd": file not found; the xs:import is left out/),
      '11: the element {urn:msg}Ping is not declared in any schema; the part is typed unknown',
      '12: the element {urn:msg}Pong is not declared in any schema; the part is typed unknown',
    ]);
    expect(result.files.get('EchoPortAgent.ts')).toContain('echo(ping: unknown, options?: EchoPortCallOptions): Promise<unknown>');
    const { agent, requests } = recordedAgent(built.lenient, 'EchoPortAgent', soap11('<Pong xmlns="urn:msg">pong</Pong>'));
    await expect(agent.echo('ping')).resolves.toBe('pong');
    // an xs:anyType value says its type, as receivers of anyType expect
    expect(bodyOf(requests[0])).toBe('<ns1:Ping xsi:type="ns2:string">ping</ns1:Ping>');
  });
});
