/**
 * Reads just enough of a SOAP message for the mock server: the envelope's SOAP version and the
 * first element of its Body (which names the operation). The whole text is parsed (with the
 * reader's parser), so a message that is not well-formed XML is found out; a DOCTYPE is refused,
 * as everywhere in wsdl-agents.
 */
import { WsdlError } from '../errors.js';
import { formatQName, type QName, type SoapVersion } from '../model/model.js';
import { childElements, parseXml } from '../read/xml.js';

export const ENVELOPE_NAMESPACES: Readonly<Record<SoapVersion, string>> = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
};

export type EnvelopeReading =
  | { readonly ok: true; readonly version: SoapVersion; readonly firstBodyElement?: QName }
  | { readonly ok: false; readonly problem: string; /** Known when the envelope was recognised. */ readonly version?: SoapVersion };

export function readEnvelope(xml: string): EnvelopeReading {
  let root;
  try {
    ({ root } = parseXml(xml, 'the request'));
  } catch (error) {
    if (!(error instanceof WsdlError)) throw error;
    const problem = error.problem.startsWith('a DOCTYPE') ? 'a DOCTYPE is not allowed in a SOAP message' : `the message is not well-formed XML: ${error.problem.replace(/^not well-formed XML: /, '')}`;
    return { ok: false, problem };
  }
  const name = (element: { namespaceURI: string | null; localName: string | null; nodeName: string }): QName => ({ ns: element.namespaceURI ?? '', local: element.localName ?? element.nodeName });
  const rootName = name(root);
  const version = (Object.keys(ENVELOPE_NAMESPACES) as SoapVersion[]).find((v) => ENVELOPE_NAMESPACES[v] === rootName.ns);
  if (rootName.local !== 'Envelope' || version === undefined) {
    return { ok: false, problem: `not a SOAP message: the root element is ${formatQName(rootName)}, not a SOAP 1.1 or 1.2 Envelope` };
  }
  const body = childElements(root).find((child) => child.namespaceURI === ENVELOPE_NAMESPACES[version] && child.localName === 'Body');
  if (!body) return { ok: false, problem: 'the SOAP envelope has no Body', version };
  const [first] = childElements(body);
  return { ok: true, version, ...(first && { firstBodyElement: name(first) }) };
}
