/**
 * Differential test: what our planner makes of a WSDL against what wsdl-tsclient (through its
 * programmatic `parseWsdl`, no files written) makes of it — for Services86/Diagnostics.wsdl and
 * for every valid WSDL of the node-soap conformance corpus (test/fixtures/corpus/node-soap/wsdl,
 * less EXPECTED_BROKEN, less the few wsdl-tsclient itself cannot read: EXCLUDED below).
 *
 * The walk (./wsdl-tsclient-compare.ts) starts at the operations, pairs our types with
 * wsdl-tsclient's definitions by structure, and compares member names, order, array-ness
 * (repeated vs isArray), scalar/object and scalar primitives, and reports what only we model
 * (attributes, simpleContent, xs:any, choices, types no method reaches).
 *
 * Every disagreement must be reviewed, with the reason ours is right: by one of the RULES (a
 * cause that recurs, matched by aspect and construct, with the exact number of disagreements it
 * covers), or by one of the ENTRIES (one disagreement of one file). A type the walk could not
 * reach because it stopped at a reviewed disagreement is reviewed with it. An unreviewed
 * disagreement fails the test; so does a rule whose count changed, an entry that no longer
 * occurs, or a disagreement two of them claim.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusWsdls } from '../conformance/corpus.js';
import { EXPECTED_BROKEN } from '../conformance/expected-broken.js';
import { describeEntry, describeRule, review, type Entry, type FileDifferences, type Found, type Rule } from './review.js';
import { compare, formatDifference, keyOf, readBothWays, readTheirs, type Comparison, type Sides } from './wsdl-tsclient-compare.js';
import { temporaryFolder } from '../helpers/temporary.js';

const DIAGNOSTICS = 'Services86/Diagnostics.wsdl';
const DIAGNOSTICS_FILE = fileURLToPath(new URL(`../../wsdl/${DIAGNOSTICS}`, import.meta.url));

/** The tables below were drawn up against this version; another may well disagree differently. */
const WSDL_TSCLIENT_VERSION = '1.7.1';

// ---------------------------------------------------------------------------------------------
// The review

/** Causes that recur: each names the construct, why ours is right, and how many disagreements it covers. */
const RULES: readonly Rule[] = [
  // Collections and dictionaries
  {
    name: 'we flatten ArrayOf* collection wrappers (WCF, ASMX)',
    reason: 'ArrayOfX with one repeated element and nothing else is the contract\'s X[]: the wrapper element carries only the items, one element each',
    covers: 16,
    match: { aspect: 'collection', construct: 'ArrayOf wrapper', theirs: /^object \w+ \{ \w+\[\]: \w+ \}$/ },
  },
  {
    name: 'we flatten SOAP-encoded arrays (restrictions of soapenc:Array)',
    reason: 'a soapenc:Array of wsdl:arrayType="xsd:string[]" is a string[] on the wire (one item element each); wsdl-tsclient gets the part\'s raw complexType from node-soap and prints any',
    covers: 2,
    match: { aspect: 'collection', construct: 'SOAP-encoded array', theirs: /ComplexType are not supported yet/ },
  },
  {
    name: 'WCF IsDictionary types are Record<string, V>',
    reason: 'IsDictionary: WCF serialises Dictionary<string, V> as key/value pairs with unique keys, i.e. Record<string, V>',
    covers: 1,
    match: { aspect: 'dictionary', construct: 'WCF dictionary' },
  },

  // What only we model
  {
    name: 'attributes: we add them as properties, wsdl-tsclient drops them',
    reason: 'an xs:attribute is part of the element\'s content model and travels on the wire; node-soap keeps attributes under a Symbol key that wsdl-tsclient never reads',
    covers: 85,
    match: { aspect: 'only in ours', construct: 'attribute' },
  },
  {
    name: 'simpleContent: we emit an object with $value and the attributes, wsdl-tsclient only the text\'s scalar',
    reason: 'a complexType with simpleContent has text and attributes; typing it as the bare scalar loses the attributes (its text type agrees and is compared as $value)',
    covers: 3,
    match: { aspect: 'kind', construct: 'simpleContent', ours: /^object \w+$/, theirs: /^scalar / },
  },
  {
    name: 'xs:any: we keep undeclared content as XML in $any',
    reason: 'xs:any admits elements the schema does not declare; we keep them (as XML) instead of dropping them, node-soap skips xs:any',
    covers: 5,
    match: { aspect: 'only in ours', construct: 'xs:any' },
  },

  // Occurrence
  {
    name: 'an element ref keeps the maxOccurs written on the reference',
    reason: '<element ref="…" maxOccurs="unbounded"/> repeats the referenced element (XSD: occurrence belongs to the particle); node-soap copies the referenced declaration and loses the particle\'s maxOccurs',
    covers: 6,
    match: { aspect: 'repeated', construct: 'element ref', ours: /^true$/, theirs: /^false$/ },
  },
  {
    name: 'members of a repeating xs:choice/xs:sequence are lists',
    reason: 'a group with maxOccurs > 1 lets each member occur many times (we warn that their interleaving is not kept); node-soap only pluralises on an element\'s own maxOccurs',
    covers: 2,
    match: { aspect: 'repeated', construct: 'repeating group', ours: /^true$/, theirs: /^false$/ },
  },

  // Scalars
  {
    name: 'enumerations: we emit a union of string literals',
    reason: 'an xs:enumeration restriction admits only the listed values, so a union of literals is exact; wsdl-tsclient falls back to string',
    covers: 3,
    match: { aspect: 'scalar type', construct: 'enumeration', ours: /^'.*'$/, theirs: /^string \(/ },
  },
  {
    name: 'a named restriction of a built-in has the built-in\'s type',
    reason: 'Age restricts xs:int, so its values are numbers; wsdl-tsclient reads node-soap\'s "Age|xsd:int|…" description as an unknown type name and falls back to string',
    covers: 1,
    match: { aspect: 'scalar type', construct: 'named simple type', theirs: /^string \(\w+\|/ },
  },
  {
    name: 'a schema\'s own type named like a built-in is not the built-in',
    reason: 'CyberSource\'s tns:boolean and tns:dateTime are its own restrictions of xs:string, so strings; wsdl-tsclient strips the prefix and maps them as if they were xs:boolean and xs:dateTime',
    covers: 108,
    match: { aspect: 'scalar type', construct: 'named simple type with a built-in name', ours: /^string$/, theirs: /^(boolean|Date) \(tns:(boolean|dateTime)\)$/ },
  },
  {
    name: 'small integer built-ins are numbers',
    reason: 'xs:unsignedInt, unsignedShort, unsignedByte and byte are integers of at most 32 bits, exact in a number; wsdl-tsclient\'s primitive table lacks them and falls back to string',
    covers: 3,
    match: { aspect: 'scalar type', construct: ['xs:unsignedInt', 'xs:unsignedShort', 'xs:unsignedByte', 'xs:byte'], ours: /^number$/, theirs: /^string / },
  },
  {
    name: 'xs:date is a string',
    reason: 'xs:date is a calendar date without time of day (optionally with a zone), which a JavaScript Date (an instant) cannot carry faithfully; we keep the lexical value',
    covers: 1,
    match: { aspect: 'scalar type', construct: 'xs:date', ours: /^string$/, theirs: /^Date / },
  },
  {
    name: 'an xs:list is an array of its items',
    reason: 'xs:list of enum tokens (a WCF [Flags] enum): one element holding space-separated names, so an array of literals, not an empty interface',
    covers: 2,
    match: { aspect: 'kind', construct: 'xs:list', theirs: /^object \w+ \{\}$/ },
  },
  {
    name: 'an untyped element is xs:anyType, and we say unknown',
    reason: 'an xs:element without type or content has the type xs:anyType (any content); unknown says so, wsdl-tsclient\'s empty interface claims it has no content',
    covers: 7,
    match: { aspect: 'kind', construct: 'xs:anyType', ours: /^scalar unknown$/, theirs: /^object \w+ \{\}$/ },
  },
  {
    name: 'a message element of a simple type is that simple value',
    reason: 'a body part whose element has a simple type (xs:boolean, xs:string) carries text: we type the value, wsdl-tsclient an empty interface named after the XSD type (Boolean, Xsdstring)',
    covers: 2,
    match: { aspect: 'kind', construct: 'message element of a simple type', ours: /^scalar /, theirs: /^object \w+ \{\}$/ },
  },
  {
    name: 'a message part given by type= of a complex type is typed',
    reason: 'an RPC part (or document part by type) of a complex type is an element of that type; wsdl-tsclient receives node-soap\'s raw complexType for it and prints any',
    covers: 17,
    match: { aspect: 'kind', construct: 'complex type= part', ours: /^object \w+$/, theirs: /ComplexType are not supported yet/ },
  },

  // Types with no counterpart
  {
    name: 'complexContent extension bases are types of their own',
    reason: 'we emit Base and `Derived extends Base` (the base members are compared in each derived type, where wsdl-tsclient copies them)',
    covers: 5,
    match: { aspect: 'no counterpart', construct: 'extension base' },
  },
  {
    name: 'we type soap:header parts, wsdl-tsclient ignores them',
    reason: 'types used only by soap:header parts are typed in our <portType>RequestHeaders/ResponseHeaders (and ServiceError); wsdl-tsclient types the SOAP body only',
    covers: 5,
    match: { aspect: 'no counterpart', construct: 'header' },
  },
  {
    name: 'types used only by wsdl:fault messages are emitted',
    reason: 'we emit every named type of the schemas, so a fault detail type is at hand to read SoapFaultError.detail with; wsdl-tsclient emits only what its method signatures reach',
    covers: 2,
    match: { aspect: 'no counterpart', construct: 'fault' },
  },
  {
    name: 'named types no message uses are emitted',
    reason: 'we emit every named type of the schemas (a schema is a contract, and generation must not depend on which types happen to be used); wsdl-tsclient emits only what its method signatures reach',
    covers: 13,
    match: { aspect: 'no counterpart', construct: 'unused' },
  },
  {
    name: 'types of a portType without SOAP binding are emitted, with no agent',
    reason: 'a portType no SOAP binding binds (an abstract WSDL that others wsdl:import) cannot be called, so no agent; its named types are still emitted like every named type',
    covers: 4,
    match: { aspect: 'no counterpart', construct: 'no method' },
  },

  // Operations
  {
    name: 'output-only (notification) operations get no method',
    reason: 'WSDL 1.1 §2.4.4: a notification operation is sent by the service, not called; we warn and make no method, wsdl-tsclient makes one that sends a request the service does not expect',
    covers: 2,
    match: { aspect: 'operation', construct: 'output-only operation', ours: /^absent$/, theirs: /^present$/ },
  },
  {
    name: 'a SOAP binding no wsdl:port uses still gets an agent',
    reason: 'the binding fully describes the calls; the endpoint is an agent option anyway, so a WSDL without wsdl:service (an "abstract + binding" WSDL) is usable; wsdl-tsclient only generates for service ports',
    covers: 1,
    match: { aspect: 'operation', construct: 'no wsdl:port', ours: /^agent$/, theirs: /^no port$/ },
  },

  // Consequences
  {
    name: 'what the walk could not reach below a reviewed disagreement',
    reason: 'a type only reached through a member or operation that already disagrees (reviewed there) has nothing to be compared with',
    covers: 42,
    match: 'follows',
  },
];

/** Disagreements of one file whose cause does not recur. */
const ENTRIES: readonly Entry[] = [
  {
    file: 'complex/registration.wsdl',
    where: 'registrationCommonPortTypeAgent',
    aspect: 'operation',
    reason:
      'WSDL 1.1 §2.1.1: wsdl:import brings registration-common.wsdl\'s portType, binding and service in; node-soap files the import under its namespace, which the WSDL\'s own xs:schema of the same namespace then replaces, so it never reads it',
  },
  {
    file: 'recursive_with_ref.wsdl',
    where: 'property.value2',
    aspect: 'only in ours',
    reason: 'the recursive element property has value2 at every depth; node-soap describes the inner reference from its half-built cache entry, so wsdl-tsclient\'s second Property lacks value2',
  },
  {
    file: 'recursive_with_ref2.wsdl',
    where: 'property_2.value2',
    aspect: 'only in ours',
    reason: 'the recursive element property has value2 at every depth; node-soap describes the inner reference from its half-built cache entry, so wsdl-tsclient\'s second Property lacks value2',
  },
  {
    file: 'wsdl_with_restriction_attributes.wsdl',
    where: 'objectDef.getBase',
    aspect: 'only in theirs',
    reason:
      'no such element: node-soap adds a getBase() function to the description of a complexContent restriction, and wsdl-tsclient prints it as a member (of an empty GetBase). (objectDef also keeps objectKey\'s attributes internalName, key and origin, as a restriction does: counted by the attributes rule)',
  },
];

/**
 * Valid corpus WSDLs wsdl-tsclient itself cannot read, with the error it gives (checked): nothing
 * to compare with. Reviewed: none of them is a fault of the WSDL.
 */
const EXCLUDED: Readonly<Record<string, string>> = {
  // operationResponse has the simple type tns:AckValue; node-soap describes it as a string, and
  // wsdl-tsclient's parseDefinition applies `in` to that string
  'recursive.wsdl': "Cannot use 'in' operator to search for 'undefined' in AckValue|xs:string|Success,Failure,Warning,PartialFailure",
};

// ---------------------------------------------------------------------------------------------

const COMPARED = corpusWsdls().filter((wsdl) => wsdl.name.endsWith('.wsdl') && !Object.hasOwn(EXPECTED_BROKEN, wsdl.name) && !Object.hasOwn(EXCLUDED, wsdl.name));

interface Compared {
  readonly file: string;
  readonly sides: Sides;
  readonly comparison: Comparison;
}

let diagnostics: Compared;
let corpus: Compared[];

beforeAll(async () => {
  const read = async (file: string, wsdlFile: string): Promise<Compared> => {
    const sides = await readBothWays(wsdlFile);
    return { file, sides, comparison: compare(sides) };
  };
  diagnostics = await read(DIAGNOSTICS, DIAGNOSTICS_FILE);
  corpus = [];
  for (const wsdl of COMPARED) corpus.push(await read(wsdl.name, wsdl.file));
});

const all = (): Compared[] => [diagnostics, ...corpus];
const differencesOf = (compared: readonly Compared[]): FileDifferences[] => compared.map(({ file, comparison }) => ({ file, differences: comparison.differences }));
const describeFound = ({ file, difference }: Found) => `${file}: ${formatDifference(difference)}`;

it(`runs against wsdl-tsclient ${WSDL_TSCLIENT_VERSION}`, () => {
  const installed = (createRequire(import.meta.url)('wsdl-tsclient/package.json') as { version: string }).version;
  expect(installed).toBe(WSDL_TSCLIENT_VERSION);
});

describe(`differential: our planner against wsdl-tsclient ${WSDL_TSCLIENT_VERSION} on ${DIAGNOSTICS}`, () => {
  it('compares every operation and reaches every wsdl-tsclient definition', () => {
    const { sides, comparison } = diagnostics;
    const ourOperations = sides.group.agents.flatMap((agent) => agent.operations.map((operation) => `${agent.name}.${operation.name}`));
    expect(ourOperations).toHaveLength(11);
    expect(comparison.operations).toEqual(ourOperations);
    expect(comparison.reachedDefinitions).toBe(comparison.totalDefinitions);
    // the walk got past the wrappers into the nested types
    expect(comparison.pairings).toContainEqual({ ours: 'WebAppUsage', theirs: 'WebAppUsage' });
    expect(comparison.pairings).toContainEqual({ ours: 'FieldProperty', theirs: 'Value' });
    expect(comparison.pairings).toContainEqual({ ours: 'FieldRight', theirs: 'FieldRight' });
  });

  it('finds no disagreement beyond the reviewed ones', () => {
    const { unreviewed, ambiguous } = review(differencesOf([diagnostics]), RULES, ENTRIES);
    expect(unreviewed.map(describeFound), 'disagreements with wsdl-tsclient: fix our generator, or review them in RULES or ENTRIES').toEqual([]);
    expect(ambiguous.map(({ found, by }) => `${describeFound(found)} <- ${by.join(', ')}`)).toEqual([]);
  });

  /** The comparison itself: a disagreement planted in wsdl-tsclient's result must be reported. */
  describe('reports planted disagreements', () => {
    const planted: { name: string; plant: (sides: Sides) => void; expected: string[] }[] = [
      {
        name: 'a member made repeated',
        plant: (s) => (property(s, 'WebAppUsage', 'WebAppUsageId').isArray = true),
        expected: ['WebAppUsage.WebAppUsageId [repeated]'],
      },
      {
        name: 'a member renamed',
        plant: (s) => (property(s, 'FieldRight', 'Reason').name = 'Reasons'),
        expected: ['FieldRight.Reason [only in ours]', 'FieldRight.Reasons [only in theirs]'],
      },
      {
        name: 'an inherited member dropped',
        plant: (s) => {
          const def = definition(s, 'WebAppUsage');
          def.properties = def.properties.filter((p) => p.name !== 'TableRight');
        },
        // ... and TableRight (with the Mask under it) is now met nowhere else
        expected: ['Carrier.TableRight [only in ours]', 'TableRight [no counterpart]', 'theirs TableRight [no counterpart]', 'theirs Mask [no counterpart]'],
      },
      {
        name: 'two parameters swapped',
        plant: (s) => {
          const { properties } = definition(s, 'ChangeLogSettings');
          [properties[0], properties[1]] = [properties[1], properties[0]];
        },
        expected: ['ChangeLogSettings input [order]'],
      },
      {
        name: 'a scalar retyped',
        plant: (s) => {
          const viewState = property(s, 'LogViewState', 'ViewState');
          if (viewState.kind === 'PRIMITIVE') viewState.type = 'number';
        },
        expected: ['LogViewState input.ViewState [scalar type]'],
      },
      {
        name: 'a return member made repeated',
        plant: (s) => (property(s, 'GetCacheNamesResponse', 'Response').isArray = true),
        expected: ['GetCacheNames output.Response [repeated]'],
      },
      {
        name: 'an operation missing',
        plant: (s) => {
          const [port] = s.theirs.ports;
          port.methods = port.methods.filter((m) => m.name !== 'ResyncUsers');
        },
        expected: ['DiagnosticsAgent.ResyncUsers [operation]', 'theirs ResyncUsers [no counterpart]', 'theirs ResyncUsersResponse [no counterpart]'],
      },
    ];

    it.each(planted)('$name', async ({ plant, expected }) => {
      const fresh = await readBothWays(DIAGNOSTICS_FILE);
      plant(fresh);
      const { unreviewed, ambiguous } = review([{ file: DIAGNOSTICS, differences: compare(fresh).differences }], RULES, ENTRIES);
      expect(ambiguous).toEqual([]);
      expect(unreviewed.map((found) => keyOf(found.difference))).toEqual(expected);
    });
  });
});

/**
 * No compared WSDL has a top-level xs:choice in a type a method reaches (recursive.wsdl has one,
 * but wsdl-tsclient cannot read it), so the comparison is shown to report one on a WSDL of its own.
 */
describe('reports a top-level xs:choice, which no compared WSDL has', () => {
  const CHOICE_WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:shapes" targetNamespace="urn:shapes">
  <types>
    <xs:schema targetNamespace="urn:shapes" elementFormDefault="qualified">
      <xs:complexType name="Shape">
        <xs:choice>
          <xs:element name="circle" type="xs:double"/>
          <xs:element name="square" type="xs:double"/>
        </xs:choice>
      </xs:complexType>
      <xs:element name="Draw"><xs:complexType><xs:sequence><xs:element name="shape" type="tns:Shape"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="DrawResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    </xs:schema>
  </types>
  <message name="DrawIn"><part name="parameters" element="tns:Draw"/></message>
  <message name="DrawOut"><part name="parameters" element="tns:DrawResponse"/></message>
  <portType name="Shapes"><operation name="Draw"><input message="tns:DrawIn"/><output message="tns:DrawOut"/></operation></portType>
  <binding name="ShapesSoap" type="tns:Shapes">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Draw"><soap:operation soapAction="urn:shapes#Draw"/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
  </binding>
  <service name="ShapesService"><port name="ShapesPort" binding="tns:ShapesSoap"><soap:address location="http://localhost/shapes"/></port></service>
</definitions>
`;
  let dir: string;
  beforeAll(() => {
    dir = temporaryFolder('wsdl-differential-');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('as a union of alternatives against flat members', async () => {
    const file = path.join(dir, 'shapes.wsdl');
    writeFileSync(file, CHOICE_WSDL);
    const { differences, pairings } = compare(await readBothWays(file));
    expect(pairings).toContainEqual({ ours: 'Shape', theirs: 'Shape' });
    expect(differences.map(formatDifference)).toEqual([
      'Shape [choice] {xs:choice}: ours union of alternatives (0.0: circle, 0.1: square) | theirs every member on its own',
    ]);
  });
});

describe(`differential: our planner against wsdl-tsclient ${WSDL_TSCLIENT_VERSION} on the node-soap corpus`, () => {
  it('compares every valid corpus WSDL but the reviewed exclusions', () => {
    const valid = corpusWsdls()
      .filter((wsdl) => wsdl.name.endsWith('.wsdl') && !Object.hasOwn(EXPECTED_BROKEN, wsdl.name))
      .map((wsdl) => wsdl.name);
    expect(valid.length).toBeGreaterThan(30);
    expect(Object.keys(EXCLUDED).filter((name) => !valid.includes(name)), 'EXCLUDED names a file that is not a valid corpus WSDL').toEqual([]);
    expect(corpus.map((c) => c.file)).toEqual(valid.filter((name) => !Object.hasOwn(EXCLUDED, name)));
    // the walk pairs something in every WSDL that has an operation both sides know
    const operations = corpus.reduce((sum, c) => sum + c.comparison.operations.length, 0);
    expect(operations).toBeGreaterThan(50);
  });

  it.each(Object.entries(EXCLUDED))('wsdl-tsclient still cannot read %s', async (name, error) => {
    const wsdl = corpusWsdls().find((w) => w.name === name);
    expect(wsdl, `${name} is not in the corpus`).toBeDefined();
    await expect(readTheirs(wsdl!.file)).rejects.toThrow(error);
  });

  it('finds no disagreement beyond the reviewed ones', () => {
    const { unreviewed, ambiguous } = review(differencesOf(corpus), RULES, ENTRIES);
    expect(unreviewed.map(describeFound), 'disagreements with wsdl-tsclient: fix our generator, or review them in RULES or ENTRIES').toEqual([]);
    expect(ambiguous.map(({ found, by }) => `${describeFound(found)} <- ${by.join(', ')}`), 'a disagreement may be reviewed once only').toEqual([]);
  });
});

describe('the review of the disagreements stays honest', () => {
  it('every rule covers the number of disagreements it says (none is stale, none grew unseen)', () => {
    const { byRule } = review(differencesOf(all()), RULES, ENTRIES);
    const counts = RULES.map((rule) => `${describeRule(rule)}: ${byRule.get(rule)!.length}`);
    expect(counts).toEqual(RULES.map((rule) => `${describeRule(rule)}: ${rule.covers}`));
    expect(RULES.filter((rule) => rule.covers < 1).map(describeRule), 'a rule that matches nothing: remove it').toEqual([]);
  });

  it('every entry still occurs, once', () => {
    const { byEntry } = review(differencesOf(all()), RULES, ENTRIES);
    expect(ENTRIES.filter((entry) => byEntry.get(entry)!.length !== 1).map(describeEntry), 'ENTRIES that no longer occur: remove them').toEqual([]);
  });

  it('lists each rule and entry once, with a reason', () => {
    const names = [...RULES.map(describeRule), ...ENTRIES.map(describeEntry)];
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
    expect([...RULES, ...ENTRIES].filter((r) => r.reason.trim().length < 20).map((r) => ('name' in r ? describeRule(r) : describeEntry(r)))).toEqual([]);
    expect(ENTRIES.filter((entry) => entry.file !== DIAGNOSTICS && !COMPARED.some((wsdl) => wsdl.name === entry.file)).map(describeEntry)).toEqual([]);
  });
});

function definition(sides: Sides, name: string) {
  const found = sides.theirs.definitions.find((d) => d.name === name);
  if (!found) throw new Error(`wsdl-tsclient has no definition ${name}`);
  return found;
}

function property(sides: Sides, definitionName: string, propertyName: string) {
  const found = definition(sides, definitionName).properties.find((p) => p.name === propertyName);
  if (!found) throw new Error(`wsdl-tsclient's ${definitionName} has no property ${propertyName}`);
  return found;
}
