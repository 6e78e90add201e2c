import { describe, expect, it } from 'vitest';
import { meaningDifferences } from './xml-meaning.js';

const documented = `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope
 xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xmlns:xsd="http://www.w3.org/2001/XMLSchema"
 xmlns:A="urn:a">
  <A:Token>t</A:Token>
 <SOAP-ENV:Body>
   <A:Op>
    <A:Count xsi:type="xsd:int">1</A:Count>
    <A:Name xsi:type="xsd:string">x</A:Name>
    <A:Empty xsi:type="xsd:string"></A:Empty>
   </A:Op>
 </SOAP-ENV:Body>
</SOAP-ENV:Envelope>
`;

const ours = (body: string, header = '<b:Token>t</b:Token>') =>
  '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ' +
  `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:b="urn:a" xmlns:c="urn:c"><soap:Header>${header}</soap:Header>` +
  `<soap:Body>${body}</soap:Body></soap:Envelope>`;

const same = '<b:Op><b:Count>1</b:Count><b:Name>x</b:Name><b:Empty></b:Empty></b:Op>';

describe('meaningDifferences', () => {
  it('ignores prefixes, layout, xsi:type, the envelope version and where headers sit', () => {
    expect(meaningDifferences(ours(same), documented)).toEqual([]);
  });

  it.each([
    ['a wrong element name', '<b:Op><b:Amount>1</b:Amount><b:Name>x</b:Name><b:Empty></b:Empty></b:Op>', /element \{urn:a\}Amount where \{urn:a\}Count/],
    ['a wrong namespace', '<b:Op><c:Count>1</c:Count><b:Name>x</b:Name><b:Empty></b:Empty></b:Op>', /\{urn:c\}Count where \{urn:a\}Count/],
    ['a wrong order', '<b:Op><b:Name>x</b:Name><b:Count>1</b:Count><b:Empty></b:Empty></b:Op>', /Name where .*Count/],
    ['a wrong value', '<b:Op><b:Count>2</b:Count><b:Name>x</b:Name><b:Empty></b:Empty></b:Op>', /Count: text "2", expected "1"/],
    ['nil for empty', '<b:Op><b:Count>1</b:Count><b:Name>x</b:Name><b:Empty xsi:nil="true"/></b:Op>', /Empty: nil is true/],
    ['a missing element', '<b:Op><b:Count>1</b:Count><b:Name>x</b:Name></b:Op>', /missing \{urn:a\}Empty/],
    ['an extra element', `${same.slice(0, -7)}<b:More/></b:Op>`, /unexpected \{urn:a\}More/],
    ['significant spaces', '<b:Op><b:Count>1</b:Count><b:Name>x </b:Name><b:Empty></b:Empty></b:Op>', /Name: text "x "/],
    ['an unqualified element', '<b:Op><Count>1</Count><b:Name>x</b:Name><b:Empty></b:Empty></b:Op>', /element Count where \{urn:a\}Count/],
  ])('catches %s', (_, body, message) => {
    const differences = meaningDifferences(ours(body), documented);
    expect(differences.join('\n')).toMatch(message);
  });

  it('catches a missing or different header entry', () => {
    expect(meaningDifferences(ours(same, ''), documented).join('\n')).toMatch(/missing|Header/);
    expect(meaningDifferences(ours(same, '<b:Token>u</b:Token>'), documented).join('\n')).toMatch(/Token: text "u"/);
  });
});
