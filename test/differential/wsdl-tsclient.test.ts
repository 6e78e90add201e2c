/**
 * Differential test: what our planner makes of Services86/Diagnostics.wsdl against what
 * wsdl-tsclient (through its programmatic `parseWsdl`, no files written) makes of it.
 *
 * The walk (./wsdl-tsclient-compare.ts) starts at the operations, pairs our types with
 * wsdl-tsclient's definitions by structure, and compares member names, order, array-ness
 * (repeated vs isArray), scalar/object and scalar primitives. Every disagreement must be in
 * KNOWN_DISAGREEMENTS with the reason ours is right; an unlisted one fails the test, and so does
 * a listed one that no longer occurs.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compare,
  formatDifference,
  readBothWays,
  type Aspect,
  type Comparison,
  type Difference,
  type Sides,
} from './wsdl-tsclient-compare.js';

const WSDL = fileURLToPath(new URL('../../wsdl/Services86/Diagnostics.wsdl', import.meta.url));

/** The table below was drawn up against this version; another may well disagree differently. */
const WSDL_TSCLIENT_VERSION = '1.7.1';

interface KnownDisagreement {
  /** Our type name, `Type.member`, or `Operation input|output.member`. */
  readonly where: string;
  readonly aspect: Aspect;
  /** Why ours is right, in one line. */
  readonly reason: string;
}

const KNOWN_DISAGREEMENTS: readonly KnownDisagreement[] = [
  // WCF collections: we flatten the wrapper type, wsdl-tsclient keeps an object with one repeated member.
  { where: 'ArrayOfstring', aspect: 'collection', reason: 'WCF ArrayOfstring is a collection: DataContractSerializer round-trips it as string[] (one <string> per item, nothing else)' },
  { where: 'ArrayOfWebAppUsage', aspect: 'collection', reason: 'WCF ArrayOfWebAppUsage is the contract\'s WebAppUsage[]: the wrapper element carries only the items' },

  // WCF dictionaries: we say Record<string, V>, wsdl-tsclient an object with a repeated entry object.
  { where: 'FieldPropertyDictionary', aspect: 'dictionary', reason: 'IsDictionary: WCF serialises Dictionary<string, FieldProperty> as key/value pairs with unique keys, i.e. Record<string, V>' },

  // xs:list simple types: node-soap hands wsdl-tsclient an empty object for them.
  { where: 'ETableRight', aspect: 'kind', reason: 'xs:list of enum tokens (a WCF [Flags] enum): one element holding space-separated names, so an array of literals, not an empty interface' },
  { where: 'EFieldRight', aspect: 'kind', reason: 'xs:list of enum tokens (a WCF [Flags] enum): one element holding space-separated names, so an array of literals, not an empty interface' },

  // Scalars: wsdl-tsclient's primitive table knows int/integer/short/long/float/double/decimal/boolean/date/dateTime only.
  { where: 'WebAppUsage.AggregateCount', aspect: 'scalar type', reason: 'xs:unsignedInt is a 32-bit integer, exact in a number; wsdl-tsclient lacks unsigned types and falls back to string' },
  { where: 'WebAppUsage.AggregateBin', aspect: 'scalar type', reason: 'xs:unsignedInt is a 32-bit integer, exact in a number; wsdl-tsclient lacks unsigned types and falls back to string' },
  { where: 'WebAppUsage.Version', aspect: 'scalar type', reason: 'xs:unsignedInt is a 32-bit integer, exact in a number; wsdl-tsclient lacks unsigned types and falls back to string' },

  // Inheritance: its members were compared in WebAppUsage (base members first, which agree); only the base type itself is ours alone.
  { where: 'Carrier', aspect: 'no counterpart', reason: 'complexContent extension base: we emit Carrier and `WebAppUsage extends Carrier`; wsdl-tsclient copies its members into WebAppUsage' },

  // Types used only by soap:header parts: wsdl-tsclient types the SOAP body only, we type the headers too.
  { where: 'SoCredentials', aspect: 'no counterpart', reason: 'used only by the Credentials request soap:header, which we type (DiagnosticsRequestHeaders) and wsdl-tsclient ignores' },
  { where: 'SoTimeZone', aspect: 'no counterpart', reason: 'used only by the TimeZone request/response soap:header, which we type and wsdl-tsclient ignores' },
  { where: 'SoExceptionInfo', aspect: 'no counterpart', reason: 'used only by the ExceptionInfo response soap:header (our DiagnosticsServiceError), which wsdl-tsclient ignores' },
  { where: 'SoExceptionInfoParameters', aspect: 'no counterpart', reason: 'reachable only from the ExceptionInfo response soap:header (SoExceptionInfo.Parameters), which wsdl-tsclient ignores' },
  { where: 'SoExtraInfo', aspect: 'no counterpart', reason: 'used only by the ExtraInfo response soap:header, which we type and wsdl-tsclient ignores' },
];

const keyOf = (d: Pick<Difference, 'where' | 'aspect'>) => `${d.where} [${d.aspect}]`;

describe(`differential: our planner against wsdl-tsclient ${WSDL_TSCLIENT_VERSION} on Services86/Diagnostics.wsdl`, () => {
  let sides: Sides;
  let comparison: Comparison;

  beforeAll(async () => {
    sides = await readBothWays(WSDL);
    comparison = compare(sides);
  });

  it(`runs against wsdl-tsclient ${WSDL_TSCLIENT_VERSION}`, () => {
    const installed = (createRequire(import.meta.url)('wsdl-tsclient/package.json') as { version: string }).version;
    expect(installed).toBe(WSDL_TSCLIENT_VERSION);
  });

  it('compares every operation and reaches every wsdl-tsclient definition', () => {
    const ourOperations = sides.group.agents.flatMap((agent) => agent.operations.map((operation) => `${agent.name}.${operation.name}`));
    expect(ourOperations).toHaveLength(11);
    expect(comparison.operations).toEqual(ourOperations);
    expect(comparison.reachedDefinitions).toBe(comparison.totalDefinitions);
    // the walk got past the wrappers into the nested types
    expect(comparison.pairings).toContainEqual({ ours: 'WebAppUsage', theirs: 'WebAppUsage' });
    expect(comparison.pairings).toContainEqual({ ours: 'FieldProperty', theirs: 'Value' });
    expect(comparison.pairings).toContainEqual({ ours: 'FieldRight', theirs: 'FieldRight' });
  });

  it('finds no disagreement beyond the known ones', () => {
    const known = new Set(KNOWN_DISAGREEMENTS.map(keyOf));
    const unexpected = comparison.differences.filter((d) => !known.has(keyOf(d))).map(formatDifference);
    expect(unexpected, 'disagreements with wsdl-tsclient: fix our generator, or add them to KNOWN_DISAGREEMENTS with why ours is right').toEqual([]);
  });

  it('still finds every known disagreement (the table stays honest)', () => {
    const found = new Set(comparison.differences.map(keyOf));
    const stale = KNOWN_DISAGREEMENTS.filter((k) => !found.has(keyOf(k))).map(keyOf);
    expect(stale, 'KNOWN_DISAGREEMENTS rows that no longer occur: remove them').toEqual([]);
  });

  it('lists each known disagreement once, with a reason', () => {
    const keys = KNOWN_DISAGREEMENTS.map(keyOf);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(KNOWN_DISAGREEMENTS.filter((k) => k.reason.trim().length < 20).map(keyOf)).toEqual([]);
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
      const fresh = await readBothWays(WSDL);
      plant(fresh);
      const known = new Set(KNOWN_DISAGREEMENTS.map(keyOf));
      const reported = compare(fresh).differences.filter((d) => !known.has(keyOf(d))).map(keyOf);
      expect(reported).toEqual(expected);
    });
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
