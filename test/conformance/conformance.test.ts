/**
 * Guards the conformance scoreboard (scoreboard.ts; `npm run conformance` prints it): results may
 * get better, never worse. When the generator improves, raise MINIMUM to the new numbers and take
 * the samples that now pass out of KNOWN_SAMPLE_FAILURES.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeScoreboard, type Scoreboard } from './scoreboard.js';

/** Passing counts when this table was last raised; falling below one is a regression. */
const MINIMUM = {
  /** Valid WSDLs that generate under strict and type-check strictly. */
  validWsdls: 41,
  /** Broken WSDLs that end in a WsdlError naming file, line and column (under strict). */
  brokenWsdls: 30,
  /** In-scope samples whose request and response come out right. */
  samples: 22,
};

/**
 * Every sample that fails, with the diagnosis. "corpus:" marks a sample that no correct client can
 * pass (its WSDL, request.json or XML is wrong); "generator:" and "runtime:" mark what we lack.
 */
const KNOWN_SAMPLE_FAILURES: Readonly<Record<string, string>> = {
  Dummy__ref_element_should_have_correct_namespace_with_overrideElementKey:
    'corpus: request.json names the element Commande, which node-soap\'s overrideElementKey option maps to the WSDL\'s Order',
  Dummy__should_use_defined_value_key: 'corpus: request.json names the member DummyAccount (its type\'s name); the element is Account',
  GET_DATA__should_work_with_more_deeply_nested_XML_messages_and_without_security:
    'corpus: request.xml is not namespace-well-formed (an element named xmlns:ns0:Z_STORE_TEMPLATE_GET_DATA)',
  IndienenBericht__should_work_with_deeply_nested_XML_messages:
    'corpus: request.json leaves out Request/Bericht (minOccurs 1); the runtime rightly refuses to send an invalid request',
  Login__unsupported_response_name_returned_and_local_xs_schema_missed:
    'corpus: request.json leaves out 5 of the 7 RPC/encoded parts, and node-soap puts the wrapper Login in the targetNamespace where soap:body namespace= names another (the response uses that one)',
  Message__Messages_suffixed_with_Input_Output: 'corpus: request.json has bstrResourceId, the WSDL part is bstrResourceID (node-soap writes keys verbatim)',
  Message__Messages_suffixed_with_Request_Response: 'corpus: request.json has bstrResourceId, the WSDL part is bstrResourceID (node-soap writes keys verbatim)',
  RetrieveCustomerDetails__returning_a_date_should_parse_the_date:
    'corpus: request.json is {} but retrieveCustomerDetailsInput is required (nillable, minOccurs 1); the runtime rightly refuses',
  administrate__Complex_json_object_namespace_issue: 'corpus: request.json sends IgnoreDup as "" (an empty xs:boolean, which is invalid)',
  execFile__valid_xml_generated_on_request_with_complex_type_element_form_default_missing:
    'corpus: response.xml holds {urn:RpcExample}execFileResponse, not the WSDL\'s output element execFileResult; the runtime rightly refuses it',
  execFile__valid_xml_generated_on_request_with_complex_type_element_form_default_qualified:
    'corpus: response.xml holds {urn:RpcExample}execFileResponse, not the WSDL\'s output element execFileResult; the runtime rightly refuses it',
  fooOp__should_return_back_good_response_object:
    'corpus: node-soap\'s request.xml is wrong: Request1 is a global element of http://example.com/bar/xsd (qualified), node-soap sends it without namespace',
  getMessage__does_not_use_schema_xmlns: 'corpus: request.json nests Body/getMessageRequest/message, which the schema of getMessageRequest does not have',
  getMessage__force_use_schema_xmlns: 'corpus: request.json nests Body/getMessageRequest/message, which the schema of getMessageRequest does not have',
  login__complex_schema_xmlns_with_array_and_any_type_and_other_types:
    'corpus: soap.platform.core.xsd imports ../../platform/*.xsd, which are missing, so by default the passport is typed unknown (a string, number, boolean or Date), and request.json passes an object',
};

let scoreboard: Scoreboard;

beforeAll(async () => {
  scoreboard = await computeScoreboard();
});

describe('conformance with the node-soap corpus', () => {
  it('generates and type-checks at least MINIMUM.validWsdls valid WSDLs', () => {
    const failing = scoreboard.wsdls.filter((wsdl) => wsdl.expected === 'valid' && !wsdl.passed).map((wsdl) => `${wsdl.name}: ${wsdl.reason}`);
    expect(scoreboard.summary.validWsdls.passed, `failing valid WSDLs:\n${failing.join('\n')}`).toBeGreaterThanOrEqual(MINIMUM.validWsdls);
  });

  it('under strict, ends every broken WSDL in a WsdlError naming file, line and column, never in a crash', () => {
    const failing = scoreboard.wsdls.filter((wsdl) => wsdl.expected === 'broken' && !wsdl.passed).map((wsdl) => `${wsdl.name}: ${wsdl.reason}`);
    expect(failing).toEqual([]);
    expect(scoreboard.summary.brokenWsdls.passed).toBeGreaterThanOrEqual(MINIMUM.brokenWsdls);
  });

  it('by default, ends every broken WSDL in such an error, or generates it with a warning naming file, line and column, and it type-checks', () => {
    const failing = scoreboard.wsdls.filter((wsdl) => wsdl.lenient && !wsdl.lenient.passed).map((wsdl) => `${wsdl.name}: ${wsdl.lenient!.reason}`);
    expect(failing).toEqual([]);
  });

  it('passes at least MINIMUM.samples samples', () => {
    expect(scoreboard.summary.samples.passed).toBeGreaterThanOrEqual(MINIMUM.samples);
  });

  it('fails exactly the samples in KNOWN_SAMPLE_FAILURES', () => {
    const failing = scoreboard.samples.filter((sample) => sample.status === 'fail');
    const newFailures = failing.filter((sample) => !Object.hasOwn(KNOWN_SAMPLE_FAILURES, sample.name)).map((sample) => `${sample.name}: ${sample.reason}`);
    const noLongerFailing = Object.keys(KNOWN_SAMPLE_FAILURES).filter((name) => !failing.some((sample) => sample.name === name));
    expect({ newFailures, noLongerFailing }).toEqual({ newFailures: [], noLongerFailing: [] });
  });
});
