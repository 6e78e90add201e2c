/** Bytes of WSDL and XSD files → text, as XML 1.0 Appendix F autodetects the encoding. */
import { describe, expect, it } from 'vitest';
import { WsdlError } from '../../src/errors.js';
import { decodeXmlBytes } from '../../src/read/decode-text.js';

const XML = '<?xml version="1.0"?><a>Grüße 😀</a>';

describe('decodeXmlBytes', () => {
  it('drops a UTF-8, UTF-16 LE or UTF-16 BE byte order mark and decodes by it', () => {
    const utf16be = Buffer.from(XML, 'utf16le').swap16();
    expect(decodeXmlBytes(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(XML)]), 'x.xsd')).toBe(XML);
    expect(decodeXmlBytes(Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(XML, 'utf16le')]), 'x.xsd')).toBe(XML);
    expect(decodeXmlBytes(Buffer.concat([Buffer.of(0xfe, 0xff), utf16be]), 'x.xsd')).toBe(XML);
  });

  it('without a BOM: UTF-8, or the encoding the declaration names', () => {
    expect(decodeXmlBytes(Buffer.from(XML), 'x.xsd')).toBe(XML);
    const latin1 = '<?xml version="1.0" encoding="ISO-8859-1"?><a>Grüße</a>';
    expect(decodeXmlBytes(Buffer.from(latin1, 'latin1'), 'x.xsd')).toBe(latin1);
    // "utf-16" without a BOM is a mislabelled ASCII-compatible file (.NET writes these): read as UTF-8
    const mislabelled = '<?xml version="1.0" encoding="utf-16"?><a>ü</a>';
    expect(decodeXmlBytes(Buffer.from(mislabelled), 'x.xsd')).toBe(mislabelled);
  });

  it('keeps a second BOM as the character it is, for the parser to report', () => {
    expect(decodeXmlBytes(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), Buffer.from(XML)]), 'x.xsd')).toBe(`\uFEFF${XML}`);
  });

  it('refuses an encoding it does not know, naming the file', () => {
    expect(() => decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'), 'x.xsd')).toThrow(WsdlError);
    expect(() => decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'), 'x.xsd')).toThrow(
      'x.xsd:1:1: the XML declaration names the encoding "x-klingon", which is not supported',
    );
  });
});
