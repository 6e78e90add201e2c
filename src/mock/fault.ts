/** SOAP Faults as the mock server sends them: SOAP 1.1 §4.4 and SOAP 1.2 part 1 §5.4. */
import type { SoapVersion } from '../model/model.js';
import { ENVELOPE_NAMESPACES } from './envelope.js';

/** Whose fault: the request's (`sender`: SOAP 1.1 Client, 1.2 Sender) or the server's (`receiver`). */
export type FaultParty = 'sender' | 'receiver';

export const CONTENT_TYPES: Readonly<Record<SoapVersion, string>> = {
  '1.1': 'text/xml; charset=utf-8',
  '1.2': 'application/soap+xml; charset=utf-8',
};

export function faultEnvelope(version: SoapVersion, party: FaultParty, reason: string): string {
  const text = escapeXml(reason);
  const fault =
    version === '1.1'
      ? `<soap:Fault><faultcode>soap:${party === 'sender' ? 'Client' : 'Server'}</faultcode><faultstring>${text}</faultstring></soap:Fault>`
      : `<soap:Fault><soap:Code><soap:Value>soap:${party === 'sender' ? 'Sender' : 'Receiver'}</soap:Value></soap:Code>` +
        `<soap:Reason><soap:Text xml:lang="en">${text}</soap:Text></soap:Reason></soap:Fault>`;
  return `<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="${ENVELOPE_NAMESPACES[version]}"><soap:Body>${fault}</soap:Body></soap:Envelope>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}
