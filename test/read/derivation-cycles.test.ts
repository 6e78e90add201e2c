/**
 * Derivation chains: a true cycle is an error at the declaration that starts it, naming the
 * chain, under `strict` and without (it is not a fault the generator could work around); types
 * that only share a base, or refer to themselves through their members, are no cycle.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WsdlError } from '../../src/errors.js';
import { findInputs, generate } from '../../src/generate.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';

/** The urn:t schema's content starts on this line of echoWsdl(). */
const LINE = 7;

const cycles: { name: string; declarations: string[]; message: string }[] = [
  {
    name: 'complex types extending each other',
    declarations: [
      '<xs:complexType name="A"><xs:complexContent><xs:extension base="tns:B"/></xs:complexContent></xs:complexType>',
      '<xs:complexType name="B"><xs:complexContent><xs:extension base="tns:A"/></xs:complexContent></xs:complexType>',
    ],
    message: '{urn:t}A derives from itself (A → B → A)',
  },
  {
    name: 'a complex type restricting itself',
    declarations: ['<xs:complexType name="A"><xs:complexContent><xs:restriction base="tns:A"/></xs:complexContent></xs:complexType>'],
    message: '{urn:t}A derives from itself (A → A)',
  },
  {
    name: 'simpleContent over itself, through another type',
    declarations: [
      '<xs:complexType name="S"><xs:simpleContent><xs:extension base="tns:T"/></xs:simpleContent></xs:complexType>',
      '<xs:complexType name="T"><xs:simpleContent><xs:restriction base="tns:S"/></xs:simpleContent></xs:complexType>',
    ],
    message: '{urn:t}S derives from itself (S → T → S)',
  },
  {
    name: 'simple types restricting each other',
    declarations: ['<xs:simpleType name="A"><xs:restriction base="tns:B"/></xs:simpleType>', '<xs:simpleType name="B"><xs:restriction base="tns:A"/></xs:simpleType>'],
    message: '{urn:t}A derives from itself (A → B → A)',
  },
  {
    name: 'a union with a member derived from the union',
    declarations: ['<xs:simpleType name="U"><xs:union memberTypes="xs:int tns:V"/></xs:simpleType>', '<xs:simpleType name="V"><xs:restriction base="tns:U"/></xs:simpleType>'],
    message: '{urn:t}U derives from itself (U → V → U)',
  },
  {
    name: 'a list of itself',
    declarations: ['<xs:simpleType name="L"><xs:list itemType="tns:L"/></xs:simpleType>'],
    message: '{urn:t}L derives from itself (L → L)',
  },
  {
    name: 'elements used as types that lead back to each other',
    declarations: ['<xs:element name="E" type="tns:F"/>', '<xs:element name="F" type="tns:E"/>'],
    message: '{urn:t}F is an element whose type is itself an element that leads back to it',
  },
];

describe('a true derivation cycle', () => {
  it.each(cycles.flatMap((cycle) => [true, false].map((strict) => ({ ...cycle, strict }))))('$name (strict: $strict): an error at its declaration', ({ declarations, message, strict }) => {
    const dir = tempFiles({ 'x.wsdl': echoWsdl({ schema: declarations.join('\n') }) });
    let error: unknown;
    try {
      generate(findInputs([path.join(dir, 'x.wsdl')]), { strict });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WsdlError);
    expect((error as WsdlError).problem).toBe(message);
    expect((error as WsdlError).loc).toMatchObject({ file: path.join(dir, 'x.wsdl'), line: LINE, column: 1 });
  });
});

describe('no cycle', () => {
  it('types that share a base, a type whose members are of its own type, a group used twice', () => {
    const schema = [
      '<xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType>',
      '<xs:simpleType name="Either"><xs:union><xs:simpleType><xs:restriction base="tns:Code"/></xs:simpleType><xs:simpleType><xs:restriction base="tns:Code"/></xs:simpleType></xs:union></xs:simpleType>',
      '<xs:simpleType name="Codes"><xs:list itemType="tns:Code"/></xs:simpleType>',
      '<xs:complexType name="Base"><xs:sequence><xs:element name="Code" type="tns:Code"/></xs:sequence></xs:complexType>',
      '<xs:complexType name="Left"><xs:complexContent><xs:extension base="tns:Base"/></xs:complexContent></xs:complexType>',
      '<xs:complexType name="Right"><xs:complexContent><xs:extension base="tns:Base"><xs:sequence><xs:element name="Other" type="tns:Left"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>',
      '<xs:complexType name="Tree"><xs:sequence><xs:element name="Child" type="tns:Tree" minOccurs="0" maxOccurs="unbounded"/><xs:group ref="tns:Pair"/><xs:group ref="tns:Pair"/></xs:sequence></xs:complexType>',
      '<xs:group name="Pair"><xs:sequence><xs:element name="Either" type="tns:Either"/><xs:element name="Codes" type="tns:Codes"/></xs:sequence></xs:group>',
    ];
    const dir = tempFiles({ 'x.wsdl': echoWsdl({ schema: schema.join('\n'), output: '<xs:element name="Result" type="tns:Right"/><xs:element name="Tree" type="tns:Tree"/>' }) });
    const { files } = generate(findInputs([path.join(dir, 'x.wsdl')]), { strict: true });
    expect(files.get('types/t.ts')).toContain('export interface Right extends Base {');
  });
});
