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
export const DIAGNOSTICS_WSDL = `${WSDL_DIR}Diagnostics.wsdl`;
export const BLOB_WSDL = `${WSDL_DIR}BLOB.wsdl`;
/** Scratch space for the benchmarks (git-ignored). */
export const OUTPUT_DIR = fileURLToPath(new URL('../../.test-output/bench/', import.meta.url));

const EXAMPLES = new URL('../fixtures/superoffice/Services86/examples/Preference/', import.meta.url);
const DIAGNOSTICS_EXAMPLES = new URL('../fixtures/superoffice/Services86/examples/Diagnostics/', import.meta.url);
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
  const bytes = new TextEncoder().encode(xml);
  // the text as a transport hands it over: decoded from bytes, one flat string (not the
  // concatenation it was built by, whose shape engines optimise differently)
  return { name, xml: new TextDecoder().decode(bytes), bytes, items, lastName };
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

/** Diagnostics.FlushCachesByName's reply as the SuperOffice documentation shows it (void). */
export function flushCachesByNameResponse(): string {
  return readFileSync(new URL('FlushCachesByName.response.xml', DIAGNOSTICS_EXAMPLES), 'utf8');
}

/** The cache names GetCacheNames answers with. */
export function cacheNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `SuperOffice.CRM.Cache${i % 2 ? 'Lists' : 'Preferences'}.Part${i}`);
}

/**
 * Diagnostics.GetCacheNames answering `count` names, in the documentation's style (its envelope
 * and namespace prefixes, xsi:type on the array and on every string), which has no example of it.
 */
export function cacheNamesResponse(count: number): string {
  const template = flushCachesByNameResponse();
  const strings = cacheNames(count)
    .map((name) => `\n    <NetServerServices862:string xsi:type="xsd:string">${escapeXml(name)}</NetServerServices862:string>`)
    .join('');
  const body =
    '<Diagnostics:GetCacheNamesResponse>\n   <Diagnostics:Response xsi:type="NetServerServices862:ArrayOfstring">' +
    `${strings}\n   </Diagnostics:Response>\n  </Diagnostics:GetCacheNamesResponse>`;
  return template.replace(/<Diagnostics:FlushCachesByNameResponse>[\s\S]*<\/Diagnostics:FlushCachesByNameResponse>/, body);
}

const BLOB_REPLY_START =
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">' +
  `<s:Header><h:Succeeded xmlns:h="${NS}">true</h:Succeeded></s:Header>` +
  `<s:Body><GetBlobStreamResponse xmlns="${NS}"><Response>`;
const BLOB_REPLY_END = '</Response></GetBlobStreamResponse></s:Body></s:Envelope>';

/** BLOB.GetBlobStream answering with `payload`, as WCF writes it: base64 on one line, a Succeeded header. */
export function blobStreamResponse(payload: Uint8Array): string {
  return BLOB_REPLY_START + Buffer.from(payload.buffer, payload.byteOffset, payload.length).toString('base64') + BLOB_REPLY_END;
}

/** The same reply as UTF-8 bytes, made without a string of it (for a process measuring its memory). */
export function blobStreamResponseBytes(payload: Uint8Array): Uint8Array {
  const alphabet = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
  const start = new TextEncoder().encode(BLOB_REPLY_START);
  const end = new TextEncoder().encode(BLOB_REPLY_END);
  const bytes = new Uint8Array(start.length + Math.ceil(payload.length / 3) * 4 + end.length);
  bytes.set(start);
  let o = start.length;
  for (let i = 0; i < payload.length; i += 3) {
    const rest = payload.length - i;
    const triple = (payload[i]! << 16) | ((rest > 1 ? payload[i + 1]! : 0) << 8) | (rest > 2 ? payload[i + 2]! : 0);
    bytes[o++] = alphabet[triple >> 18]!;
    bytes[o++] = alphabet[(triple >> 12) & 63]!;
    bytes[o++] = rest > 1 ? alphabet[(triple >> 6) & 63]! : 0x3d;
    bytes[o++] = rest > 2 ? alphabet[triple & 63]! : 0x3d;
  }
  bytes.set(end, o);
  return bytes;
}

/** Deterministic bytes that do not compress to a pattern: the payload of the BLOB reply. */
export function payloadBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x12345678;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
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
 * The least a fetch can answer with (FetchResponseLike): no body stream, `text()` resolving to
 * the reply. With it, a call measures the agent and the runtime, not a Response implementation.
 */
export function minimalFetch(body: () => string, capture: RequestCapture = { last: '' }): FetchLike {
  const headers = { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'text/xml; charset=utf-8' : null) };
  return async (_url, init) => {
    capture.last = init.body;
    return { status: 200, statusText: 'OK', headers, body: null, text: async () => body() };
  };
}

/** node-soap's counterpart of minimalFetch: an `httpClient` handing over the reply as a string. */
export function stringHttpClient(body: () => string, capture: RequestCapture = { last: '' }): IHttpClient {
  return {
    request(_url, data, callback) {
      capture.last = data as string;
      const text = body();
      callback(null, { status: 200, statusText: 'OK', headers: { 'content-type': 'text/xml; charset=utf-8' }, data: text }, text);
      return undefined as never;
    },
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
