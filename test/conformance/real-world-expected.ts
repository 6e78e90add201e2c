/**
 * The expected result of each real-world WSDL (test/fixtures/real-world): green ones must stay
 * green; each red one names its failure class, a part of the error it gives today, and why. When
 * the generator is fixed, a red WSDL that now passes (or fails differently) fails the test until its
 * entry here is updated. Minimal repros of every class: test/conformance/REAL-WORLD.md.
 */

/** Why a WSDL does not generate and type-check (REAL-WORLD.md has a minimal repro of each). */
export type FailureClass =
  /** generator: a UTF-8 byte order mark at the start of an imported file is "content outside the root element". */
  | 'utf8-bom-in-import'
  /** generator: `ref="xml:lang"`: the `xml` prefix is bound by the XML Namespaces rec itself, yet reported undeclared. */
  | 'xml-prefix-undeclared'
  /** generator: SOAP-encoded arrays of arrays (`wsdl:arrayType="xsd:byte[][]"`) are refused. */
  | 'soapenc-array-of-arrays'
  /** catalog: a well-known W3C/OASIS schema imported by its public URL, which offline generation cannot read yet. */
  | 'well-known-schema-by-url'
  /** input: the source repository lacks files the WSDL imports; stays red. */
  | 'imported-file-absent'
  /** input: a message part names an element or type that no schema declares; stays red. */
  | 'undeclared-part-reference';

export type Expectation =
  | { readonly status: 'pass' }
  | {
      readonly status: 'fail';
      readonly failureClass: FailureClass;
      /** A part of today's first error: a different error means something changed. */
      readonly error: string;
      readonly reason: string;
    };

const pass: Expectation = { status: 'pass' };

export const REAL_WORLD_EXPECTED: Readonly<Record<string, Expectation>> = {
  'onvif-devicemgmt': {
    status: 'fail',
    failureClass: 'well-known-schema-by-url',
    error: 'cannot fetch https://www.w3.org/2005/05/xmlmime',
    reason:
      'onvif.xsd imports xmlmime, the SOAP 1.2 envelope and XOP by https://www.w3.org/… URLs (the catalog has them); with the catalog served it next fails on xml-prefix-undeclared: soap-envelope 1.2 has <xs:attribute ref="xml:lang"/>',
  },
  'exchange-ews': {
    status: 'fail',
    failureClass: 'utf8-bom-in-import',
    error: 'messages.xsd:1:1: not well-formed XML: Unexpected content outside root element',
    reason: 'messages.xsd and types.xsd start with a UTF-8 BOM, as Exchange serves them',
  },
  'ssrs-reportservice2010': pass,
  'salesforce-partner': pass,
  paypal: pass,
  'e-conomic': pass,
  'workday-revenue': pass,
  'vmware-vim': {
    status: 'fail',
    failureClass: 'imported-file-absent',
    error: 'cannot read imported file "vmware-vim/query-messagetypes.xsd": file not found',
    reason:
      'vim.wsdl imports query-messagetypes.xsd, core-types.xsd, reflect-messagetypes.xsd, vim-messagetypes.xsd and more from the vSphere SDK; hooklift/gowsdl checked in vim.wsdl alone and no public repository with the SDK\'s schemas was found',
  },
  virtualbox: pass,
  'oracle-bi': pass,
  'aws-ec2': pass,
  'aws-fps': {
    status: 'fail',
    failureClass: 'undeclared-part-reference',
    error: 'the element {http://fps.amazonaws.com/doc/2008-09-17/}GetRecipientVerificationStatus is not declared in any schema',
    reason: 'the message GetRecipientVerificationStatusRequestMsg names tns:GetRecipientVerificationStatus, which the WSDL\'s schema does not declare',
  },
  'eu-vies': pass,
  jira: {
    status: 'fail',
    failureClass: 'soapenc-array-of-arrays',
    error: 'xs:byte[] is not a type of XML Schema',
    reason: 'Axis declares ArrayOf_xsd_base64Binary as soapenc:Array with wsdl:arrayType="xsd:byte[][]" (an array of byte arrays)',
  },
  'atlassian-crowd': pass,
  marketo: pass,
  tradetracker: pass,
  betfair: pass,
  bronto: pass,
  xignite: pass,
  'yahoo-search-marketing': pass,
  chromedata: pass,
  'usda-awdb': pass,
  'wsdot-ferries': pass,
  'mnb-exchange-rates': pass,
  'gs1-epcis': pass,
  edialog: pass,
  taxcloud: pass,
  interhome: pass,
  'team-software': pass,
  bydexchange: pass,
  'yfu-data-exchange': {
    status: 'fail',
    failureClass: 'undeclared-part-reference',
    error: 'the type YFUDataExchange is not declared in any schema',
    reason: 'parts have type="YFUDataExchange" (unprefixed, no default namespace) and the WSDL declares no such type anywhere: WebObjects left its schema out',
  },
  'telefonkatalogen-sms': pass,
  'iws-integerp': {
    status: 'fail',
    failureClass: 'undeclared-part-reference',
    error: 'the type {urn:}TDate is not declared in any schema',
    reason: 'the Delphi-generated schema uses ns2:TDate (ns2 = "urn:") but declares no schema for the namespace "urn:"',
  },
};
