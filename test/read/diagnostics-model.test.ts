/** The reader on a real WSDL: the model holds every fact the emitter needs, as plain data. */
import { describe, expect, it } from 'vitest';
import type { ComplexType, ElementDecl, SimpleType } from '../../src/read/document.js';
import { loadWsdl } from '../../src/read/load.js';

const FILE = 'test/fixtures/superoffice/Services86/Diagnostics.wsdl';
const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

/** The elements of a type whose content is one flat sequence. */
function sequence(type: ComplexType): ElementDecl[] {
  const content = type.content;
  if (content?.kind !== 'sequence') throw new Error('not a sequence');
  return content.particles.map((particle) => {
    if (particle.kind !== 'element') throw new Error('not an element');
    return particle.element;
  });
}

describe('reading Diagnostics.wsdl', () => {
  const model = loadWsdl(FILE);
  const schema = (ns: string) => model.schemas.find((s) => s.targetNamespace === ns)!;
  const type = <T extends ComplexType | SimpleType>(ns: string, name: string) =>
    schema(ns).types.find((t) => t.name?.local === name) as T;

  it('is plain data: it survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('reads the service, its port and address', () => {
    expect(model.services).toHaveLength(1);
    const [service] = model.services;
    expect(service.name).toEqual({ ns: TNS, local: 'WcfDiagnosticsService' });
    expect(service.ports).toEqual([
      {
        name: 'BasicHttpBinding_Diagnostics',
        binding: { ns: TNS, local: 'BasicHttpBinding_Diagnostics' },
        address: 'https://sod.superoffice.com/Cust12345/Remote/Services86/Diagnostics.svc',
        loc: { file: FILE, line: 802, column: 5 },
      },
    ]);
  });

  it('reads the SOAP 1.1 binding with actions, style and header parts of input and output', () => {
    const [binding] = model.bindings;
    expect(binding.soapVersion).toBe('1.1');
    expect(binding.style).toBe('document');
    expect(binding.portType).toEqual({ ns: TNS, local: 'Diagnostics' });
    const flush = binding.operations.find((o) => o.name === 'FlushCaches')!;
    expect(flush.soapAction).toBe(`${TNS}/Diagnostics/FlushCaches`);
    expect(flush.style).toBe('document');
    expect(flush.input?.use).toBe('literal');
    expect(flush.input?.headers.map((h) => [h.message.local, h.part])).toEqual([
      ['FlushCachesRequest_Headers', 'ApplicationToken'],
      ['FlushCachesRequest_Headers', 'Credentials'],
      ['FlushCachesRequest_Headers', 'TimeZone'],
    ]);
    expect(flush.output?.headers.map((h) => h.part)).toEqual(['ExceptionInfo', 'ExtraInfo', 'Succeeded', 'TimeZone']);
    expect(flush.loc).toEqual({ file: FILE, line: 624, column: 5 });
  });

  it('reads messages and the portType with its documentation', () => {
    expect(model.messages.find((m) => m.name.local === 'FlushCachesRequest')?.parts).toEqual([
      { name: 'parameters', element: { ns: TNS, local: 'FlushCaches' }, type: undefined, loc: expect.objectContaining({ file: FILE }) },
    ]);
    const [portType] = model.portTypes;
    expect(portType.documentation).toBe('Declaration of Wcf web services for Diagnostics');
    expect(portType.loc.line).toBe(540);
    expect(portType.operations).toHaveLength(11);
    expect(portType.operations[0]).toMatchObject({
      name: 'FlushCaches',
      documentation: 'Flushes all NetServer caches',
      input: { ns: TNS, local: 'FlushCachesRequest' },
      output: { ns: TNS, local: 'FlushCachesResponse' },
    });
  });

  it('reads the three inline schemas with their form defaults', () => {
    expect(model.schemas.map((s) => [s.targetNamespace, s.elementFormDefault])).toEqual([
      [TNS, 'qualified'],
      ['http://schemas.microsoft.com/2003/10/Serialization/', 'qualified'],
      [ARRAYS, 'qualified'],
    ]);
  });

  it('reads complexContent extension, minOccurs, nillable and locations', () => {
    const webAppUsage = type<ComplexType>(TNS, 'WebAppUsage');
    expect(webAppUsage.base).toEqual({ ns: TNS, local: 'Carrier' });
    expect(webAppUsage.loc).toEqual({ file: FILE, line: 151, column: 7 });
    expect(webAppUsage.derivation).toBe('extension');
    expect(sequence(webAppUsage).map((e) => [e.name, e.minOccurs, e.nillable, e.type])).toEqual([
      ['WebAppUsageId', 0, false, { kind: 'builtin', name: 'int' }],
      ['AssocId', 0, false, { kind: 'builtin', name: 'int' }],
      ['Timestamp', 0, false, { kind: 'builtin', name: 'dateTime' }],
      ['ViewState', 0, true, { kind: 'builtin', name: 'string' }],
      ['AggregateCount', 0, false, { kind: 'builtin', name: 'unsignedInt' }],
      ['AggregateBin', 0, false, { kind: 'builtin', name: 'unsignedInt' }],
      ['Version', 0, false, { kind: 'builtin', name: 'unsignedInt' }],
    ]);
  });

  it('reads WCF collections and cross-namespace references', () => {
    const array = type<ComplexType>(ARRAYS, 'ArrayOfstring');
    expect(sequence(array)).toMatchObject([{ name: 'string', ns: ARRAYS, minOccurs: 0, maxOccurs: 'unbounded', nillable: true }]);
    const response = schema(TNS).elements.find((e) => e.name === 'GetCacheNamesResponse')!;
    expect(response.type).toMatchObject({
      kind: 'inline',
      type: { content: { kind: 'sequence', particles: [{ kind: 'element', element: { name: 'Response', type: { kind: 'named', name: { ns: ARRAYS, local: 'ArrayOfstring' } } } }] } },
    });
  });

  it('reads IsDictionary appinfo and the key/value entry', () => {
    const dictionary = type<ComplexType>(TNS, 'SoExceptionInfoParameters');
    expect(dictionary.isDictionary).toBe(true);
    expect(type<ComplexType>(TNS, 'SoExceptionInfo').isDictionary).toBe(false);
    expect(sequence(dictionary)[0]).toMatchObject({ name: 'SoExceptionInfoParametersKeyValuePair', maxOccurs: 'unbounded' });
  });

  it('reads an xs:list of an inline enumeration', () => {
    const list = type<SimpleType>(TNS, 'ETableRight');
    expect(list.variety).toBe('list');
    expect(list.itemType).toMatchObject({
      kind: 'inline',
      type: { variety: 'atomic', enumeration: ['Select', 'Update', 'Insert', 'Delete', 'Filtering', 'RestrictedUpdate'] },
    });
  });

  it('keeps patterns and range facets for documentation', () => {
    const guid = type<SimpleType>('http://schemas.microsoft.com/2003/10/Serialization/', 'guid');
    expect(guid.base).toEqual({ kind: 'builtin', name: 'string' });
    expect(guid.facets).toEqual([{ name: 'pattern', value: '[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}' }]);
    expect(guid.loc.line).toBe(335);
    const duration = type<SimpleType>('http://schemas.microsoft.com/2003/10/Serialization/', 'duration');
    expect(duration.facets.map((f) => f.name)).toEqual(['pattern', 'minInclusive', 'maxInclusive']);
  });
});
