/**
 * Reads just enough of a SOAP message for the mock server: the envelope's SOAP version and the
 * first element of its Body (which names the operation). The whole text is parsed, so a message
 * that is not well-formed XML is found out; a DOCTYPE is refused, as everywhere in wsdl-agents.
 */
import { SaxesParser } from 'saxes';
import { formatQName, type QName, type SoapVersion } from '../model/model.js';

export const ENVELOPE_NAMESPACES: Readonly<Record<SoapVersion, string>> = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
};

export type EnvelopeReading =
  | { readonly ok: true; readonly version: SoapVersion; readonly firstBodyElement?: QName }
  | { readonly ok: false; readonly problem: string; /** Known when the envelope was recognised. */ readonly version?: SoapVersion };

export function readEnvelope(xml: string): EnvelopeReading {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  let version: SoapVersion | undefined;
  let inBody = false;
  let sawBody = false;
  let firstBodyElement: QName | undefined;
  let problem: string | undefined;
  parser.on('doctype', () => {
    problem ??= 'a DOCTYPE is not allowed in a SOAP message';
  });
  parser.on('opentag', (tag) => {
    depth++;
    const name: QName = { ns: tag.uri ?? '', local: tag.local ?? tag.name };
    if (depth === 1) {
      version = (Object.keys(ENVELOPE_NAMESPACES) as SoapVersion[]).find((v) => ENVELOPE_NAMESPACES[v] === name.ns);
      if (name.local !== 'Envelope' || version === undefined) {
        problem ??= `not a SOAP message: the root element is ${formatQName(name)}, not a SOAP 1.1 or 1.2 Envelope`;
      }
    } else if (depth === 2 && version !== undefined && name.ns === ENVELOPE_NAMESPACES[version] && name.local === 'Body') {
      inBody = true;
      sawBody = true;
    } else if (depth === 3 && inBody && firstBodyElement === undefined) {
      firstBodyElement = name;
    }
  });
  parser.on('closetag', () => {
    if (depth === 2) inBody = false;
    depth--;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    return { ok: false, problem: `the message is not well-formed XML: ${(error as Error).message.split('\n')[0]}`, ...(version && { version }) };
  }
  if (problem !== undefined) return { ok: false, problem, ...(version && { version }) };
  if (version === undefined) return { ok: false, problem: 'the message is empty' };
  if (!sawBody) return { ok: false, problem: 'the SOAP envelope has no Body', version };
  return { ok: true, version, ...(firstBodyElement && { firstBodyElement }) };
}
