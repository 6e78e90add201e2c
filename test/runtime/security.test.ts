/**
 * WS-Security: the UsernameToken digest against the algorithm of the OASIS Username Token
 * Profile with fixed inputs, the header as written (parsed back, compared on meaning), and what a
 * generated agent sends with `security`: a fresh nonce and timestamp per call, the password
 * nowhere in errors.
 */
import { createHash } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DiagnosticsAgent, SoapEncodeError, SoapError } from '../../generated/Services86/index.js';
import { writeEnvelope } from '../../templates/runtime/encode.js';
import { passwordDigest, securityHeader, WSSE_NS, WSU_NS } from '../../templates/runtime/security.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { renderings } from '../transport/harness.js';

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const TOKEN_PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const PASSWORD = 'pa55-SECRET-wörd<&>';

/** Password_Digest = Base64(SHA-1(nonce + created + password)), Username Token Profile 1.1, 3.1; node:crypto, not WebCrypto. */
const referenceDigest = (nonce: Uint8Array, created: string, password: string) =>
  createHash('sha1').update(nonce).update(created, 'utf8').update(password, 'utf8').digest('base64');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('PasswordDigest', () => {
  it("matches the worked example of the ONVIF Application Programmer's Guide (WS-UsernameToken)", async () => {
    const nonce = Buffer.from('LKqI6G/AikKCQrN0zqZFlg==', 'base64');
    await expect(passwordDigest(nonce, '2010-09-16T07:50:45Z', 'userpassword')).resolves.toBe('tuOSpGlFlIXsozq4HFNeeGeFLEI=');
  });

  it.each([
    ['ASCII', Uint8Array.from([0, 1, 2, 250, 255]), '2024-02-29T23:59:59.999Z', 'secret'],
    ['non-ASCII password (UTF-8)', Uint8Array.from({ length: 16 }, (_, i) => i * 13), '2030-01-01T00:00:00Z', 'pässwörd 😀'],
    ['empty password', new Uint8Array(16), '2000-01-01T00:00:00.000Z', ''],
  ])('agrees with SHA-1 over nonce bytes + created + password: %s', async (_, nonce, created, password) => {
    await expect(passwordDigest(nonce, created, password)).resolves.toBe(referenceDigest(nonce, created, password));
  });
});

/** The Security header entry of an envelope, parsed. */
function securityOf(envelope: string): Element {
  const document = new DOMParser().parseFromString(envelope, 'text/xml');
  const security = document.getElementsByTagNameNS(WSSE_NS, 'Security').item(0);
  if (!security) throw new Error('no wsse:Security');
  return security;
}

function child(parent: Element, ns: string, name: string): Element {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === ns && (node as Element).localName === name) return node as Element;
  }
  throw new Error(`no {${ns}}${name} in ${parent.localName}`);
}

const childNames = (element: Element) => {
  const names: string[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) names.push(`{${(node as Element).namespaceURI}}${(node as Element).localName}`);
  return names;
};

describe('the Security header', () => {
  const now = new Date('2025-03-01T12:00:00.000Z');
  const nonce = Uint8Array.from({ length: 16 }, (_, i) => 255 - i);
  const envelope = async (options: Parameters<typeof securityHeader>[0], soapVersion: '1.1' | '1.2' = '1.1') =>
    writeEnvelope({ soapVersion, headers: [], rawHeaders: await securityHeader(options, now, nonce), body: { fields: [], values: [] } });

  it('PasswordText: Timestamp, then UsernameToken with Username, Password, Nonce (base64) and Created, in the OASIS namespaces', async () => {
    const security = securityOf(await envelope({ username: 'ann', password: PASSWORD }));
    expect(security.getAttributeNS(SOAP11, 'mustUnderstand')).toBe('1');
    expect(childNames(security)).toEqual([`{${WSU_NS}}Timestamp`, `{${WSSE_NS}}UsernameToken`]);
    const timestamp = child(security, WSU_NS, 'Timestamp');
    expect(child(timestamp, WSU_NS, 'Created').textContent).toBe('2025-03-01T12:00:00.000Z');
    expect(child(timestamp, WSU_NS, 'Expires').textContent).toBe('2025-03-01T12:05:00.000Z');
    const token = child(security, WSSE_NS, 'UsernameToken');
    expect(childNames(token)).toEqual([`{${WSSE_NS}}Username`, `{${WSSE_NS}}Password`, `{${WSSE_NS}}Nonce`, `{${WSU_NS}}Created`]);
    expect(child(token, WSSE_NS, 'Username').textContent).toBe('ann');
    const password = child(token, WSSE_NS, 'Password');
    expect(password.getAttribute('Type')).toBe(`${TOKEN_PROFILE}#PasswordText`);
    expect(password.textContent).toBe(PASSWORD);
    const nonceElement = child(token, WSSE_NS, 'Nonce');
    expect(nonceElement.getAttribute('EncodingType')).toBe(BASE64_BINARY);
    expect(Buffer.from(nonceElement.textContent ?? '', 'base64')).toEqual(Buffer.from(nonce));
    expect(child(token, WSU_NS, 'Created').textContent).toBe('2025-03-01T12:00:00.000Z');
  });

  it('PasswordDigest: the digest of the nonce and Created it sends, never the password itself', async () => {
    const xml = await envelope({ username: 'ann', password: PASSWORD, passwordType: 'PasswordDigest' });
    expect(xml).not.toContain('pa55');
    const token = child(securityOf(xml), WSSE_NS, 'UsernameToken');
    const password = child(token, WSSE_NS, 'Password');
    expect(password.getAttribute('Type')).toBe(`${TOKEN_PROFILE}#PasswordDigest`);
    const sentNonce = Buffer.from(child(token, WSSE_NS, 'Nonce').textContent ?? '', 'base64');
    const created = child(token, WSU_NS, 'Created').textContent ?? '';
    expect(password.textContent).toBe(referenceDigest(sentNonce, created, PASSWORD));
  });

  it('timestamp: false leaves the Timestamp out; { ttl } sets Expires; mustUnderstand: false leaves the attribute out', async () => {
    const without = securityOf(await envelope({ username: 'a', password: 'b', timestamp: false, mustUnderstand: false }));
    expect(childNames(without)).toEqual([`{${WSSE_NS}}UsernameToken`]);
    expect(without.hasAttributeNS(SOAP11, 'mustUnderstand')).toBe(false);
    const ttl = securityOf(await envelope({ username: 'a', password: 'b', timestamp: { ttl: 60 } }));
    expect(child(child(ttl, WSU_NS, 'Timestamp'), WSU_NS, 'Expires').textContent).toBe('2025-03-01T12:01:00.000Z');
  });

  it("passwordType 'None' (sp:NoPassword): the token carries the username alone", async () => {
    const token = child(securityOf(await envelope({ username: 'ann', passwordType: 'None' })), WSSE_NS, 'UsernameToken');
    expect(childNames(token)).toEqual([`{${WSSE_NS}}Username`]);
  });

  it('no username: a header with the Timestamp alone', async () => {
    expect(childNames(securityOf(await envelope({})))).toEqual([`{${WSU_NS}}Timestamp`]);
  });

  it("SOAP 1.2: mustUnderstand is in the 1.2 envelope's namespace", async () => {
    const security = securityOf(await envelope({ username: 'a', password: 'b' }, '1.2'));
    expect(security.getAttributeNS(SOAP12, 'mustUnderstand')).toBe('1');
  });
});

describe('an agent with security', () => {
  const ok = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><FlushCachesResponse xmlns="${TNS}"/></s:Body></s:Envelope>`;

  it('sends the header first among the header entries, with a fresh nonce and timestamp on every call', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-06-01T08:00:00Z'));
    const { fetch, requests } = recordingFetch({ body: ok });
    const agent = new DiagnosticsAgent({ fetch, headers: { ApplicationToken: 'app' }, security: { username: 'ann', password: PASSWORD, passwordType: 'PasswordDigest' } });
    await agent.flushCaches();
    vi.setSystemTime(new Date('2025-06-01T08:00:07Z'));
    await agent.flushCaches();

    const tokens = requests.map((request) => {
      const document = new DOMParser().parseFromString(request.body, 'text/xml');
      const header = document.getElementsByTagNameNS(SOAP11, 'Header').item(0)!;
      expect(childNames(header)).toEqual([`{${WSSE_NS}}Security`, `{${TNS}}ApplicationToken`]);
      const token = child(securityOf(request.body), WSSE_NS, 'UsernameToken');
      const nonce = Buffer.from(child(token, WSSE_NS, 'Nonce').textContent ?? '', 'base64');
      const created = child(token, WSU_NS, 'Created').textContent ?? '';
      expect(nonce).toHaveLength(16);
      expect(child(token, WSSE_NS, 'Password').textContent).toBe(referenceDigest(nonce, created, PASSWORD));
      return { nonce: nonce.toString('base64'), created };
    });
    expect(tokens.map((token) => token.created)).toEqual(['2025-06-01T08:00:00.000Z', '2025-06-01T08:00:07.000Z']);
    expect(tokens[0]?.nonce).not.toBe(tokens[1]?.nonce);
  });

  it('takes its nonce from crypto.getRandomValues', async () => {
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      new Uint8Array((array as Uint8Array).buffer).fill(7);
      return array;
    });
    const { fetch, requests } = recordingFetch({ body: ok });
    await new DiagnosticsAgent({ fetch, security: { username: 'ann', password: 'x' } }).flushCaches();
    const token = child(securityOf(requests[0]!.body), WSSE_NS, 'UsernameToken');
    expect(child(token, WSSE_NS, 'Nonce').textContent).toBe(Buffer.alloc(16, 7).toString('base64'));
  });

  it('a password XML cannot carry → SoapEncodeError naming the element, not the password; nothing sent', async () => {
    const { fetch, requests } = recordingFetch({ body: ok });
    const password = `${PASSWORD}\u0001`;
    const agent = new DiagnosticsAgent({ fetch, security: { username: 'ann', password } });
    const error = await agent.flushCaches().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SoapEncodeError);
    expect((error as Error).message).toBe('Security/UsernameToken/Password: the character U+0001 cannot be sent in XML 1.0');
    expect(renderings(error).join('\n')).not.toContain('pa55');
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ username: 'a', password: 1 }, 'Diagnostics: options.security.password must be a string'],
    [{ username: 7, password: 'p' }, 'Diagnostics: options.security.username must be a string'],
    [{ username: undefined, password: 'p' }, 'Diagnostics: options.security.password is given without a username'],
    [{ timestamp: false }, 'Diagnostics: options.security has neither a username nor a timestamp: there is nothing to send'],
    [{ username: 'a', password: 'p', passwordType: 'Digest' }, "Diagnostics: options.security.passwordType must be 'PasswordText', 'PasswordDigest' or 'None'"],
    [{ username: 'a', password: 'p', timestamp: { ttl: -1 } }, 'Diagnostics: options.security.timestamp.ttl must be a positive number of seconds'],
  ])('options that cannot make a header are a SoapError at construction: %o', (security, message) => {
    // @ts-expect-error deliberately wrong options
    expect(() => new DiagnosticsAgent({ fetch: recordingFetch({ body: ok }).fetch, security })).toThrow(new SoapError(message));
  });
});
