/**
 * WS-Security (OASIS WSS 1.0/1.1) in the request's SOAP header: a UsernameToken (Username Token
 * Profile 1.0/1.1) and a Timestamp (SOAP Message Security 1.0, section 10), fresh for every call.
 * Hashing and randomness come from WebCrypto, which Node 20, browsers and edge runtimes all offer.
 */
import { SoapError } from './errors.js';
import { bytesToBase64, escapeXml } from './xml.js';

export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const TOKEN_PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
/** Seconds a request stays valid by default (WSS4J's default too). */
const DEFAULT_TTL = 300;
/** Bytes of randomness per nonce (the profile asks for a random value; WSS4J sends 16 bytes). */
const NONCE_BYTES = 16;

export interface SecurityOptions {
  /** The UsernameToken's user; leave it out for a header with only a Timestamp. */
  readonly username?: string | undefined;
  /** Sent as it is (PasswordText, for TLS connections) or only as a digest; never in errors or logs. */
  readonly password?: string | undefined;
  /**
   * Default 'PasswordText'. 'PasswordDigest': Base64(SHA-1(nonce + created + password)). 'None':
   * the token carries the username alone (WS-SecurityPolicy's sp:NoPassword).
   */
  readonly passwordType?: 'PasswordText' | 'PasswordDigest' | 'None' | undefined;
  /** A wsu:Timestamp with Created and Expires (Created + `ttl` seconds, default 300). Default true. */
  readonly timestamp?: boolean | { readonly ttl: number } | undefined;
  /**
   * soap:mustUnderstand="1" on the Security header (default true), as WCF, WSS4J (CXF, Axis2) and
   * the OASIS examples write it: a service that cannot process it faults instead of ignoring it.
   */
  readonly mustUnderstand?: boolean | undefined;
}

/** Refuses options that cannot make a header, naming the option, never a value. */
export function checkSecurityOptions(agentName: string, options: SecurityOptions): void {
  const fail = (problem: string): never => {
    throw new SoapError(`${agentName}: options.security.${problem}`);
  };
  const type = options.passwordType;
  if (type !== undefined && type !== 'PasswordText' && type !== 'PasswordDigest' && type !== 'None') fail("passwordType must be 'PasswordText', 'PasswordDigest' or 'None'");
  if (options.username !== undefined && typeof options.username !== 'string') fail('username must be a string');
  if (options.username !== undefined && type !== 'None' && typeof options.password !== 'string') fail('password must be a string');
  if (options.username === undefined && options.password !== undefined) fail('password is given without a username');
  const timestamp = options.timestamp;
  if (typeof timestamp === 'object' && (typeof timestamp.ttl !== 'number' || !(timestamp.ttl > 0) || !Number.isFinite(timestamp.ttl))) {
    fail('timestamp.ttl must be a positive number of seconds');
  }
  if (options.username === undefined && timestamp === false) throw new SoapError(`${agentName}: options.security has neither a username nor a timestamp: there is nothing to send`);
}

/**
 * The `wsse:Security` header entry. `now` and `nonce` are for tests; calls use the clock and
 * WebCrypto's random values.
 */
export async function securityHeader(options: SecurityOptions, now: Date = new Date(), nonce: Uint8Array = randomNonce()): Promise<string> {
  const created = now.toISOString();
  const timestamp = options.timestamp ?? true;
  const ttl = typeof timestamp === 'object' ? timestamp.ttl : DEFAULT_TTL;
  return (
    `<wsse:Security xmlns:wsse="${WSSE_NS}" xmlns:wsu="${WSU_NS}"${options.mustUnderstand === false ? '' : ' soap:mustUnderstand="1"'}>` +
    (timestamp
      ? `<wsu:Timestamp><wsu:Created>${created}</wsu:Created><wsu:Expires>${new Date(now.getTime() + ttl * 1000).toISOString()}</wsu:Expires></wsu:Timestamp>`
      : '') +
    (options.username === undefined ? '' : await usernameToken(options, options.username, created, nonce)) +
    '</wsse:Security>'
  );
}

async function usernameToken(options: SecurityOptions, username: string, created: string, nonce: Uint8Array): Promise<string> {
  const where = (element: string) => () => `Security/UsernameToken/${element}`;
  const user = `<wsse:Username>${escapeXml(username, where('Username'))}</wsse:Username>`;
  if (options.passwordType === 'None') return `<wsse:UsernameToken>${user}</wsse:UsernameToken>`;
  const secret = options.password ?? '';
  const password =
    options.passwordType === 'PasswordDigest'
      ? `<wsse:Password Type="${TOKEN_PROFILE}#PasswordDigest">${await passwordDigest(nonce, created, secret)}</wsse:Password>`
      : `<wsse:Password Type="${TOKEN_PROFILE}#PasswordText">${escapeXml(secret, where('Password'))}</wsse:Password>`;
  return (
    `<wsse:UsernameToken>${user}${password}` +
    `<wsse:Nonce EncodingType="${BASE64_BINARY}">${bytesToBase64(nonce)}</wsse:Nonce><wsu:Created>${created}</wsu:Created></wsse:UsernameToken>`
  );
}

/**
 * Password_Digest = Base64(SHA-1(nonce + created + password)) (Username Token Profile 1.1,
 * section 3.1): the nonce as its decoded bytes, `created` and the password as UTF-8.
 */
export async function passwordDigest(nonce: Uint8Array, created: string, password: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new SoapError('PasswordDigest needs WebCrypto (crypto.subtle), which this runtime does not offer (browsers offer it on https pages only)');
  const text = new TextEncoder().encode(created + password);
  const input = new Uint8Array(nonce.byteLength + text.byteLength);
  input.set(nonce);
  input.set(text, nonce.byteLength);
  return bytesToBase64(new Uint8Array(await subtle.digest('SHA-1', input)));
}

function randomNonce(): Uint8Array {
  const crypto = globalThis.crypto;
  if (typeof crypto?.getRandomValues !== 'function') throw new SoapError('WS-Security needs WebCrypto (crypto.getRandomValues) for its nonces, which this runtime does not offer');
  return crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
}
