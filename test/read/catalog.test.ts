/**
 * The catalog of well-known schemas (src/read/catalog): its index agrees with its files, each
 * file is the one its sha256 pins, the one DOCTYPE is blanked without changing the document, and
 * the loader takes a schema from the catalog only where no file the user gave provides it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WsdlError } from '../../src/errors.js';
import { findInputs, generate } from '../../src/generate.js';
import { CATALOG_DIR, catalogPath, catalogSchemaAt, catalogSchemas, readCatalogSchema } from '../../src/read/catalog.js';
import { parseXml } from '../../src/read/xml.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';

const XSD = 'http://www.w3.org/2001/XMLSchema';

describe('the catalog', () => {
  it('has every file its index names, each an XML Schema of the namespace it is listed under', () => {
    for (const schema of catalogSchemas()) {
      const { root } = parseXml(readCatalogSchema(schema), catalogPath(schema));
      expect([root.namespaceURI, root.localName, root.getAttribute('targetNamespace')], schema.file).toEqual([XSD, 'schema', schema.namespace]);
    }
  });

  it('maps each URL and namespace to one file, and holds what its files import', () => {
    const urls = catalogSchemas().flatMap((schema) => schema.urls);
    expect(new Set(urls).size).toBe(urls.length);
    const namespaces = catalogSchemas().map((schema) => schema.namespace);
    expect(new Set(namespaces).size).toBe(namespaces.length);
    for (const schema of catalogSchemas()) {
      const { root } = parseXml(readCatalogSchema(schema), catalogPath(schema));
      const imports = Array.from(root.getElementsByTagNameNS(XSD, 'import')).map((element) => element.getAttribute('schemaLocation'));
      for (const location of imports) expect(location && catalogSchemaAt(location), `${schema.file} imports ${location}`).toBeTruthy();
    }
  });

  it('refuses a file that is not the one its index pins', () => {
    const [first] = catalogSchemas();
    expect(() => readCatalogSchema({ ...first!, sha256: '0'.repeat(64) })).toThrow(WsdlError);
    expect(() => readCatalogSchema({ ...first!, sha256: '0'.repeat(64) })).toThrow(/is not the one its index pins .*: reinstall wsdl-agents$/);
  });

  it("reads xmldsig-core-schema.xsd without its DOCTYPE, which changes nothing else: same lines, no entity used", () => {
    const [schema] = catalogSchemas().filter((candidate) => candidate.doctype);
    expect(schema!.file).toBe('xmldsig-core-schema.xsd');
    const original = readFileSync(path.join(CATALOG_DIR, schema!.file), 'utf8');
    const read = readCatalogSchema(schema!);
    expect(original).toMatch(/^<\?xml[^>]*\?>\s*<!DOCTYPE/);
    expect(read).not.toContain('<!DOCTYPE');
    expect(read.split('\n')).toHaveLength(original.split('\n').length);
    const body = original.slice(original.indexOf(']>') + 2);
    expect(read.endsWith(body)).toBe(true);
    // only the predefined entities and character references: the DOCTYPE's entities are unused
    expect(body).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
    // the DOCTYPE's one attribute default, xmlns:ds, the schema element states itself
    expect(body).toMatch(/<schema[^>]*xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"/);
  });
});

describe('the loader and the catalog', () => {
  it("never parses a DOCTYPE in the user's files, even in a byte-identical copy of a catalog file", () => {
    const copy = readFileSync(path.join(CATALOG_DIR, 'xmldsig-core-schema.xsd'));
    const wsdl = echoWsdl({
      namespaces: ' xmlns:ds="http://www.w3.org/2000/09/xmldsig#"',
      schema: '<xs:import namespace="http://www.w3.org/2000/09/xmldsig#" schemaLocation="xmldsig-core-schema.xsd"/>',
    });
    const dir = tempFiles({ 'x.wsdl': wsdl, 'xmldsig-core-schema.xsd': copy });
    const input = findInputs([path.join(dir, 'x.wsdl')]);
    expect(() => generate(input, { strict: true })).toThrow(/xmldsig-core-schema\.xsd:2:1: a DOCTYPE declaration is not allowed \(entities are never expanded\)$/);
    const { warnings, catalogSchemas: used } = generate(input);
    // the namespace the refused file was to provide comes from the catalog
    expect(warnings.map((warning) => warning.message)).toEqual([
      "a DOCTYPE declaration is not allowed (entities are never expanded); its namespace is read from the catalog's xmldsig-core-schema.xsd instead, unless another file provides it",
    ]);
    expect(used.map((schema) => schema.file)).toEqual(['xmldsig-core-schema.xsd']);
  });

  it('takes a namespace imported without a schemaLocation from the catalog only when no file provides it', () => {
    const own = '<xs:schema targetNamespace="http://www.w3.org/2005/05/xmlmime"><xs:simpleType name="Mine"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>';
    const wsdl = echoWsdl({
      namespaces: ' xmlns:xmime="http://www.w3.org/2005/05/xmlmime"',
      schema: '<xs:import namespace="http://www.w3.org/2005/05/xmlmime"/>',
      output: '<xs:element name="Result" type="xmime:Mine"/>',
      extraSchemas: own,
    });
    const { catalogSchemas: used } = generate(findInputs([path.join(tempFiles({ 'x.wsdl': wsdl }), 'x.wsdl')]), { strict: true });
    expect(used).toEqual([]);
  });

  it("does not read SOAP encoding's schema for its namespace alone: its types are built in", () => {
    const wsdl = echoWsdl({
      namespaces: ' xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/"',
      schema: '<xs:import namespace="http://schemas.xmlsoap.org/soap/encoding/"/>',
      output: '<xs:element name="Result" type="soapenc:string"/>',
    });
    const { catalogSchemas: used, files } = generate(findInputs([path.join(tempFiles({ 'x.wsdl': wsdl }), 'x.wsdl')]), { strict: true });
    expect(used).toEqual([]);
    expect([...files.keys()].filter((file) => file.startsWith('types/'))).toEqual([]);
  });
});
