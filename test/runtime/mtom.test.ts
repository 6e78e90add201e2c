/** MTOM/XOP responses: the envelope in one MIME part, binary values in others. */
import { describe, expect, it } from 'vitest';
import { BLOBAgent, SoapResponseError } from '../../generated/Services86/index.js';

const TNS = 'http://www.superoffice.net/ws/crm/NetServer/Services86';
const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x2d, 0x2d]); // PNG magic, CRLF, "--"

/** A multipart/related body, as WCF sends MTOM: the envelope first, then the binary part. */
function mtom(boundary: string, include: string): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  const envelope =
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetPersonImageResponse xmlns="${TNS}">` +
    `<Response>${include}</Response></GetPersonImageResponse></s:Body></s:Envelope>`;
  const parts = [
    text(`--${boundary}\r\nContent-ID: <root@x>\r\nContent-Type: application/xop+xml; charset=utf-8; type="text/xml"\r\n\r\n${envelope}\r\n`),
    text(`--${boundary}\r\nContent-ID: <image%201@x>\r\nContent-Transfer-Encoding: binary\r\nContent-Type: application/octet-stream\r\n\r\n`),
    image,
    text(`\r\n--${boundary}--\r\n`),
  ];
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  return body;
}

function agentAnswering(body: Uint8Array, contentType: string) {
  return new BLOBAgent({ fetch: async () => new Response(body, { headers: { 'content-type': contentType } }) });
}

describe('MTOM/XOP responses', () => {
  const type = (boundary: string) => `multipart/related; type="application/xop+xml"; start="<root@x>"; start-info="text/xml"; boundary="${boundary}"`;

  it('resolves xop:Include to the bytes of the part it names', async () => {
    const include = '<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:image%25201@x"/>';
    const agent = agentAnswering(mtom('uuid:b1', include), type('uuid:b1'));
    await expect(agent.getPersonImage(7)).resolves.toEqual(image);
  });

  it('reads inline base64 in an MTOM envelope too', async () => {
    const agent = agentAnswering(mtom('b2', 'AQID'), type('b2'));
    await expect(agent.getPersonImage(7)).resolves.toEqual(new Uint8Array([1, 2, 3]));
  });

  it('rejects an xop:Include of a part that is not there', async () => {
    const include = '<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:missing@x"/>';
    const agent = agentAnswering(mtom('b3', include), type('b3'));
    await expect(agent.getPersonImage(7)).rejects.toThrow(/xop:Include refers to "cid:missing@x", which is not a part of this response/);
    await expect(agentAnswering(new TextEncoder().encode('garbage'), type('b4')).getPersonImage(7)).rejects.toBeInstanceOf(SoapResponseError);
  });
});
