/**
 * The expected result of each real-world WSDL (test/fixtures/real-world): green ones must stay
 * green; each red one names its failure class, a part of the error it gives under --strict, why,
 * and whether it generates by default (lenient: the faults the generator can work around become
 * warnings) and type-checks. When the generator changes, a red WSDL that now passes (or fails
 * differently) fails the test until its entry here is updated. Minimal repros of every class:
 * test/conformance/REAL-WORLD.md.
 *
 * Green means: generates with --strict, and the output type-checks. Red means it does not; a red
 * WSDL whose schemas are truly absent cannot be green (what it leaves out is not there to read),
 * but it must generate by default — the missing parts typed unknown, each with a warning — and
 * type-check: `lenient: 'pass'`.
 */

/** Why a WSDL does not generate and type-check under --strict (REAL-WORLD.md has a minimal repro of each). */
export type FailureClass =
  /** input: the source repository lacks files the WSDL imports. */
  | 'imported-file-absent'
  /** input: a message part names an element or type that no schema declares. */
  | 'undeclared-part-reference';

export type Expectation =
  | { readonly status: 'pass' }
  | {
      readonly status: 'fail';
      readonly failureClass: FailureClass;
      /** A part of the first error under --strict: a different error means something changed. */
      readonly error: string;
      readonly reason: string;
      /** By default (faults worked around with warnings): generates and type-checks, or not. */
      readonly lenient: 'pass' | 'fail';
    };

const pass: Expectation = { status: 'pass' };

export const REAL_WORLD_EXPECTED: Readonly<Record<string, Expectation>> = {
  'onvif-devicemgmt': pass,
  'exchange-ews': pass,
  'ssrs-reportservice2010': pass,
  'salesforce-partner': pass,
  paypal: pass,
  'e-conomic': pass,
  'workday-revenue': pass,
  'vmware-vim': {
    status: 'fail',
    failureClass: 'imported-file-absent',
    lenient: 'pass',
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
    lenient: 'pass',
    error: 'the element {http://fps.amazonaws.com/doc/2008-09-17/}GetRecipientVerificationStatus is not declared in any schema',
    reason: 'the message GetRecipientVerificationStatusRequestMsg names tns:GetRecipientVerificationStatus, which the WSDL\'s schema does not declare',
  },
  'eu-vies': pass,
  jira: pass,
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
    lenient: 'pass',
    error: 'the type YFUDataExchange is not declared in any schema',
    reason: 'parts have type="YFUDataExchange" (unprefixed, no default namespace) and the WSDL declares no such type anywhere: WebObjects left its schema out',
  },
  'telefonkatalogen-sms': pass,
  'iws-integerp': {
    status: 'fail',
    failureClass: 'undeclared-part-reference',
    lenient: 'pass',
    error: 'the type {urn:}TDate is not declared in any schema',
    reason: 'the Delphi-generated schema uses ns2:TDate (ns2 = "urn:") but declares no schema for the namespace "urn:"',
  },
};
