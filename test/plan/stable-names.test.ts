/**
 * Names stay put: what a thing is called in TypeScript depends on the thing and on what it would
 * collide with, never on what else happens to be generated with it or in which order. Adding or
 * removing an unrelated type, operation or WSDL renames nothing; a namespace's version is in no
 * name; and over the corpus, a WSDL generated alone and together with another keeps its names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WsdlError } from '../../src/errors.js';
import type { ServiceModel } from '../../src/model/model.js';
import { resolveModel } from '../../src/model/resolve.js';
import { planGroup } from '../../src/plan/index.js';
import { loadWsdl } from '../../src/read/load.js';
import type { WsdlDocument } from '../../src/read/document.js';
import { corpusWsdls } from '../conformance/corpus.js';
import { EXPECTED_BROKEN } from '../conformance/expected-broken.js';
import { tempFiles } from '../helpers/wsdl-builder.js';

/** Every generated name, keyed by what it names. */
function namesOf(model: ServiceModel): Map<string, string> {
  const plan = planGroup(model);
  const names = new Map<string, string>();
  for (const type of plan.types) {
    names.set(`type ${type.id}`, `${type.file}#${type.name}`);
    if (type.shape === 'record') {
      for (const field of type.fields) names.set(`property ${type.id} ${field.ns} ${field.name}`, field.prop);
      for (const attribute of type.attributes) names.set(`attribute ${type.id} ${attribute.name}`, attribute.prop);
    }
  }
  for (const module of plan.modules) names.set(`module ${module.ns}`, module.file);
  for (const agent of plan.agents) {
    names.set(`agent ${agent.ns} ${agent.service}`, agent.name);
    for (const operation of agent.operations) {
      names.set(`method ${agent.service}.${operation.name}`, operation.methodName);
      for (const parameter of operation.parameters) names.set(`parameter ${agent.service}.${operation.name}.${parameter.field.name}`, parameter.name);
    }
  }
  return names;
}

const resolve = (documents: WsdlDocument[]) => resolveModel(documents, { sourceName: (file) => path.basename(file) });

/** The names of `alone` that `together` gives differently (or not at all). */
function renamed(alone: Map<string, string>, together: Map<string, string>, normalise: (key: string) => string = (key) => key): string[] {
  return [...alone].filter(([key, name]) => together.get(normalise(key)) !== name).map(([key, name]) => `${key}: ${name} → ${together.get(normalise(key))}`);
}

const DIAGNOSTICS = readFileSync('wsdl/Services86/Diagnostics.wsdl', 'utf8');
const SERVICES = 'http://www.superoffice.net/ws/crm/NetServer/Services86';

function diagnosticsWith(edit: (text: string) => string): ServiceModel {
  const dir = tempFiles({ 'Diagnostics.wsdl': edit(DIAGNOSTICS) });
  return resolve([loadWsdl(path.join(dir, 'Diagnostics.wsdl'))]);
}

describe('names stay put in Diagnostics.wsdl', () => {
  const original = namesOf(diagnosticsWith((text) => text));

  it('when unrelated types are added, even ones whose names collide in another namespace', () => {
    const more = namesOf(
      diagnosticsWith((text) =>
        text
          .replace(
            '<xs:complexType name="WebAppUsage">',
            '<xs:complexType name="AAAFirst"><xs:sequence><xs:element name="X" type="xs:string"/></xs:sequence></xs:complexType>\n      <xs:complexType name="WebAppUsage">',
          )
          .replace(
            '</wsdl:types>',
            '<xs:schema targetNamespace="http://aaa.example/Other" xmlns:xs="http://www.w3.org/2001/XMLSchema">' +
              '<xs:complexType name="WebAppUsage"><xs:sequence><xs:element name="Other" type="xs:int"/></xs:sequence></xs:complexType>' +
              '<xs:element name="Holder"><xs:complexType><xs:sequence><xs:element name="Carrier" type="xs:int"/></xs:sequence></xs:complexType></xs:element>' +
              '</xs:schema></wsdl:types>',
          ),
      ),
    );
    expect(renamed(original, more)).toEqual([]);
    expect(renamed(more, original).filter((line) => !line.includes('aaa.example') && !line.includes('AAAFirst'))).toEqual([]);
    expect(more.get(`type {${SERVICES}}WebAppUsage`)).toBe('types/Services.ts#WebAppUsage');
    expect(more.get('type {http://aaa.example/Other}WebAppUsage')).toBe('types/Other.ts#WebAppUsage');
  });

  it('where two namespaces would name one module, both take more of their name, whichever comes first', () => {
    const withTwin = (first: boolean) =>
      namesOf(
        diagnosticsWith((text) => {
          const twin = '<xs:schema targetNamespace="http://aaa.example/Services86" xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:complexType name="T"/></xs:schema>';
          return first ? text.replace('<wsdl:types>', `<wsdl:types>${twin}`) : text.replace('</wsdl:types>', `${twin}</wsdl:types>`);
        }),
      );
    for (const names of [withTwin(true), withTwin(false)]) {
      expect(names.get(`module ${SERVICES}`)).toBe('types/NetServer_Services86.ts');
      expect(names.get('module http://aaa.example/Services86')).toBe('types/aaa_example_Services86.ts');
    }
  });

  it('when an unrelated operation is added or removed', () => {
    const withoutOne = namesOf(diagnosticsWith((text) => text.replace(/\s*<wsdl:operation name="CollectWinUsage">[\s\S]*?<\/wsdl:operation>/g, '')));
    expect(renamed(withoutOne, original)).toEqual([]);
    const withAnother = namesOf(
      diagnosticsWith((text) =>
        text
          .replace('<wsdl:operation name="FlushCaches">', '<wsdl:operation name="AaaFirst"><wsdl:input message="tns:FlushCachesRequest" /><wsdl:output message="tns:FlushCachesResponse" /></wsdl:operation>\n    <wsdl:operation name="FlushCaches">')
          .replace(/(<wsdl:binding [^>]*>\s*<soap:binding [^>]*\/>)/, '$1\n    <wsdl:operation name="AaaFirst"><soap:operation soapAction="x" style="document" /><wsdl:input><soap:body use="literal" /></wsdl:input><wsdl:output><soap:body use="literal" /></wsdl:output></wsdl:operation>'),
      ),
    );
    expect(withAnother.get('method Diagnostics.AaaFirst')).toBe('aaaFirst');
    expect(renamed(original, withAnother)).toEqual([]);
  });

  it('when the namespace moves to another version (…/Services87): no name changes', () => {
    const moved = namesOf(diagnosticsWith((text) => text.replace(/Services86/g, 'Services87')));
    expect(renamed(original, moved, (key) => key.replace(/Services86/g, 'Services87'))).toEqual([]);
    expect(moved.size).toBe(original.size);
  });

  it('when other WSDLs are generated in the same folder', () => {
    const folder = ['BLOB', 'Configuration', 'Diagnostics', 'Preference'].map((name) => loadWsdl(`wsdl/Services86/${name}.wsdl`));
    expect(renamed(original, namesOf(resolve(folder)))).toEqual([]);
  });
});

describe('names stay put over the corpus: a WSDL alone and together with another', () => {
  const valid = corpusWsdls().filter((wsdl) => !EXPECTED_BROKEN[wsdl.name] && wsdl.name.endsWith('.wsdl'));
  const documents = new Map<string, WsdlDocument>();
  for (const wsdl of valid) {
    try {
      documents.set(wsdl.name, loadWsdl(wsdl.file));
    } catch {
      // remote imports and the like: not part of this comparison
    }
  }

  it('keeps every name of every WSDL that can be generated with its neighbour', () => {
    const names = [...documents.keys()];
    let pairs = 0;
    const problems: string[] = [];
    names.forEach((name, index) => {
      const partner = names[(index + 1) % names.length]!;
      let alone: Map<string, string>;
      let together: Map<string, string>;
      try {
        alone = namesOf(resolve([documents.get(name)!]));
        together = namesOf(resolve([documents.get(name)!, documents.get(partner)!]));
      } catch (error) {
        // declared differently by both (one namespace, two meanings): they cannot be generated together
        if (error instanceof WsdlError) return;
        throw error;
      }
      pairs++;
      for (const line of renamed(alone, together)) problems.push(`${name} with ${partner}: ${line}`);
    });
    expect(problems).toEqual([]);
    expect(pairs).toBeGreaterThan(25);
  });
});
