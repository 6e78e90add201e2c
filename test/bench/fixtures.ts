/**
 * What the benchmarks feed both sides: SOAP responses to Preference.GetAll, request arguments for
 * Preference.SavePreferences, a fake fetch for our agents and a stub HTTP client for node-soap.
 *
 * Both transports start from the same UTF-8 bytes: our fetch stand-in wraps them in a WHATWG
 * Response (what fetch hands an agent), node-soap's stub decodes them to the string its own
 * HttpClient would pass on. Neither touches the network.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { IHttpClient } from 'soap';
import type { FetchLike } from '../../generated/runtime/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WSDL_DIR = fileURLToPath(new URL('../../wsdl/Services86/', import.meta.url));
export const PREFERENCE_WSDL = `${WSDL_DIR}Preference.wsdl`;
/** Scratch space for the benchmarks (git-ignored). */
export const OUTPUT_DIR = fileURLToPath(new URL('../../.test-output/bench/', import.meta.url));

const EXAMPLES = new URL('../fixtures/superoffice/Services86/examples/Preference/', import.meta.url);
const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';

/** Items in the large responses and requests; BENCH_ITEMS overrides. */
export const LARGE_ITEMS = Number(process.env.BENCH_ITEMS ?? 2000);

export interface ResponseCase {
  readonly name: string;
  readonly xml: string;
  readonly bytes: Uint8Array;
  /** How many PreferenceDescription items it holds. */
  readonly items: number;
  /** The Name of its last item, compared with what each side decodes. */
  readonly lastName: string;
}

function responseCase(name: string, xml: string, items: number, lastName: string): ResponseCase {
  return { name, xml, bytes: new TextEncoder().encode(xml), items, lastName };
}

/** Preference.GetAll as the SuperOffice documentation shows it: one item, empty values. */
export function documentedResponse(): ResponseCase {
  return responseCase('small: documented GetAll, 1 item', readFileSync(new URL('GetAll.response.xml', EXAMPLES), 'utf8'), 1, '');
}

interface Item {
  readonly id: number;
  readonly section: string;
  readonly key: string;
  readonly name: string;
  readonly valueType: string;
  readonly maxLevel: string;
  readonly accessFlags: string;
  readonly description: string;
  readonly builtin: boolean;
  readonly table: string;
  readonly listId: number;
}

const VALUE_TYPES = ['Number', 'Text', 'Bool', 'ListAny', 'Time', 'Date'];
const LEVELS = ['HardDefault', 'SystemWide', 'Database', 'Group', 'Individual'];

function item(i: number): Item {
  return {
    id: 1000 + i,
    section: `Section ${i % 25}`,
    key: `Key.${i}`,
    name: `Preference number ${i}`,
    valueType: VALUE_TYPES[i % VALUE_TYPES.length],
    maxLevel: LEVELS[i % LEVELS.length],
    accessFlags: i % 3 === 0 ? 'WizardMode adminGUI' : 'CRMGUI',
    description: `Controls how feature ${i} behaves for users & groups; see the <admin> guide, chapter ${i % 12}.`,
    builtin: i % 2 === 0,
    table: i % 4 === 0 ? 'person' : 'contact',
    listId: i % 50,
  };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * GetAll with `count` items in the documented style: the documentation's envelope (its SOAP 1.2
 * namespace, prefixes, and an xsi:type on every element), its item repeated with varied values.
 */
export function documentedLargeResponse(count: number): ResponseCase {
  const template = documentedResponse().xml;
  const start = template.indexOf('<Preference:PreferenceDescription ');
  const endTag = '</Preference:PreferenceDescription>';
  const end = template.indexOf(endTag) + endTag.length;
  const field = (name: string, type: string, value: string | number | boolean) =>
    `\n     <Preference:${name} xsi:type="${type}">${typeof value === 'string' ? escapeXml(value) : value}</Preference:${name}>`;
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const it = item(i);
    items.push(
      '<Preference:PreferenceDescription xsi:type="Preference:PreferenceDescription">' +
        field('PrefDescId', 'xsd:int', it.id) +
        field('Section', 'xsd:string', it.section) +
        field('Key', 'xsd:string', it.key) +
        field('Name', 'xsd:string', it.name) +
        field('ValueType', 'Preference:PrefDescValueType', it.valueType) +
        field('MaxLevel', 'Preference:PreferenceLevel', it.maxLevel) +
        field('SysMaxLevel', 'Preference:PreferenceLevel', it.maxLevel) +
        field('AccessFlags', 'Preference:PrefDescAccessFlags', it.accessFlags) +
        field('Description', 'xsd:string', it.description) +
        field('IsBuiltin', 'xsd:boolean', it.builtin) +
        field('TableName', 'xsd:string', it.table) +
        field('UserDefinedListId', 'xsd:int', it.listId) +
        `\n    ${endTag}`,
    );
  }
  const xml = template.slice(0, start) + items.join('\n    ') + template.slice(end);
  return responseCase(`large: documented style, ${count} items`, xml, count, item(count - 1).name);
}

/**
 * GetAll with `count` items as WCF's basicHttpBinding writes it: SOAP 1.1, default namespaces,
 * no xsi:type, the Carrier members (TableRight, a nil FieldProperties) and a Succeeded header.
 */
export function wcfLargeResponse(count: number): ResponseCase {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const it = item(i);
    items.push(
      '<PreferenceDescription>' +
        `<TableRight><Mask>Select Update</Mask><Reason i:nil="true"/></TableRight><FieldProperties i:nil="true"/>` +
        `<PrefDescId>${it.id}</PrefDescId><Section>${escapeXml(it.section)}</Section><Key>${escapeXml(it.key)}</Key>` +
        `<Name>${escapeXml(it.name)}</Name><ValueType>${it.valueType}</ValueType><MaxLevel>${it.maxLevel}</MaxLevel>` +
        `<SysMaxLevel>${it.maxLevel}</SysMaxLevel><AccessFlags>${it.accessFlags}</AccessFlags>` +
        `<Description>${escapeXml(it.description)}</Description><IsBuiltin>${it.builtin}</IsBuiltin>` +
        `<TableName>${it.table}</TableName><UserDefinedListId>${it.listId}</UserDefinedListId>` +
        '</PreferenceDescription>',
    );
  }
  const xml =
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<s:Header><h:Succeeded xmlns:h="${NS}">true</h:Succeeded></s:Header>` +
    `<s:Body><GetAllResponse xmlns="${NS}"><Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
    items.join('') +
    '</Response></GetAllResponse></s:Body></s:Envelope>';
  return responseCase(`large: WCF wire style, ${count} items`, xml, count, item(count - 1).name);
}

/** The reply to SavePreferences (void), as WCF writes it. */
export const VOID_RESPONSE =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">' +
  `<s:Header><h:Succeeded xmlns:h="${NS}">true</h:Succeeded></s:Header>` +
  `<s:Body><SavePreferencesResponse xmlns="${NS}"/></s:Body></s:Envelope>`;

// ---------------------------------------------------------------------------------------------
// Requests

/** SOAP headers sent with every request, as both sides take them. */
export const REQUEST_HEADERS = { ApplicationToken: '1234567-1234-9876', Credentials: { Ticket: '7T:1234abcxyzExample==' } };

/** SavePreferences arguments in node-soap's object form (element names as keys); `toArguments` makes ours. */
export function savePreferencesArguments(count: number): { Preferences: { Preference: object[] } } {
  const preferences: object[] = [];
  for (let i = 0; i < count; i++) {
    preferences.push({
      Level: LEVELS[i % LEVELS.length],
      RawValue: `value ${i} <${i % 7}> & more`,
      Specification: { Section: `Section ${i % 25}`, Key: `Key.${i}` },
      DisplayValue: `Display ${i}`,
      DisplayTooltip: `Tooltip for preference ${i}`,
      DisplayType: VALUE_TYPES[i % VALUE_TYPES.length],
      TabOrder: { TabOrderId: i, TabName: `Tab ${i % 9}`, Order: '1,2,3,4', AssociateId: 17 },
      TargetId: i % 100,
      PrefDescId: 1000 + i,
      TableName: 'person',
      UserPreferenceId: 50_000 + i,
    });
  }
  return { Preferences: { Preference: preferences } };
}

// ---------------------------------------------------------------------------------------------
// Transports

export interface RequestCapture {
  /** The last request body sent. */
  last: string;
}

/** A fetch stand-in answering every request with `body`; keeps only the last request body. */
export function fakeFetch(body: () => Uint8Array, capture: RequestCapture = { last: '' }): FetchLike {
  return async (_url, init) => {
    capture.last = init.body;
    return new Response(body(), { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } });
  };
}

/**
 * node-soap's `httpClient` option, answering every request with `body`: what node-soap's own
 * HttpClient hands the client after axios, minus the network.
 */
export function stubHttpClient(body: () => Uint8Array, capture: RequestCapture = { last: '' }): IHttpClient {
  const decoder = new TextDecoder();
  return {
    request(_url, data, callback) {
      capture.last = data as string;
      const text = decoder.decode(body());
      callback(null, { status: 200, statusText: 'OK', headers: { 'content-type': 'text/xml; charset=utf-8' }, data: text }, text);
      // node-soap ignores what request() returns when it is given a callback
      return undefined as never;
    },
  };
}

/** A loopback HTTP server answering every POST with the current response's bytes. */
export async function loopbackServer(bytes: () => Uint8Array): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const body = bytes();
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/Remote/Services86/Preference.svc`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
