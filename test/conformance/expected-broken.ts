/**
 * The corpus WSDLs that are broken input, each with what is wrong with it. Every other WSDL of the
 * corpus is expected to be valid: to generate, and to type-check.
 *
 * Each file was read by hand. "node-soap accepts it" does not make a file valid (node-soap guesses
 * at undeclared prefixes and missing files); a file counts as broken only for a fault that XML
 * Namespaces, XML Schema or WSDL 1.1 rule out and that mainstream stacks (zeep, svcutil, CXF) stop
 * at too: an undeclared prefix, a missing or unreachable file, a reference to something no schema
 * or WSDL declares, a wrong attribute. A broken file must end in a WsdlError naming file, line and
 * column under `strict`, never in a crash; by default it may instead generate, the faults the
 * generator can work around each a warning naming file, line and column (see wsdls.ts).
 */
export const EXPECTED_BROKEN: Readonly<Record<string, string>> = {
  'attachments.wsdl': 'uses the prefixes xsd: and xmime: without declaring them (and its <schema> is not in the XML Schema namespace)',
  'bad.txt': 'not XML: the text "I\'m a jpeg."',
  'bad2.txt':
    'tns is bound to "http://examole.com/OVOWEB", a typo of the targetNamespace, so the port\'s binding tns:AccountAddress does not exist; wsdl:types is empty',
  'binding-exception.wsdl': 'uses the prefixes tns: and wsdlt: without declaring them (and has no targetNamespace)',
  'binding_document.wsdl': 'uses the prefix wsdlns: without declaring it',
  'builtin_types.wsdl':
    'part "normalizedstring" refers to tns:normalizedStringElement, but the schema declares normalizedstringElement (names are case-sensitive)',
  'connection/econnrefused.wsdl':
    'uses the prefix xsd: without declaring it in the first <types>; the second schema is in the 2000/10 draft namespace and imports http://localhost:1',
  'default_namespace_soap12.wsdl': 'declares only soap12: but writes soap:binding, soap:operation and soap:body with an undeclared soap: prefix',
  'emptyTargetNamespace.txt':
    'xs:import of namespaces http://localhost:3333/a and /b loads Common.xsd, whose targetNamespace is http://www.Dummy.com/Common/Types (XSD src-import 3.1)',
  'extended_element.wsdl':
    'the part refers to e:ExtendedDummyRequest, but e: is declared only on an inner xs:schema, so it is not in scope on wsdl:part',
  'fixedPath/netsuite.wsdl': 'imports ../../xsd/platform.core.xsd, which does not exist (node-soap falls back to a file of the same name); its binding has no soap:binding',
  'json_response.wsdl': 'message OutputMessage refers to the element Response, which no schema declares',
  'marketo.wsdl': 'an excerpt: the types SuccessGetLeadChanges, StreamPosition, ActivityTypeFilter and LeadSelector are used but not declared',
  'mergeWithAttributes/main.wsdl': 'def.xsd writes xs:sequence with the prefix xs:, which it never declares (it declares xsd:)',
  'missing_message_definition.wsdl': 'the operation GetWeather names the output message tns:GetWeatherResponse, which is not declared',
  'recursive/file.wsdl': 'A.xsd is cut off (xs:schema is never closed) and uses the undeclared prefixes types: and place:',
  'recursive2.wsdl': 'soap:header refers to the message tns:AddAttributeSecureHeader, which is not declared',
  'schemas_without_targetnamespace.wsdl': 'the parts refer to n:DummyRequest and n:DummyResponse; the prefix n: is not declared and no schema declares such elements',
  'strict/CyberSourceTransaction_1.26_3.wsdl':
    'xsd:include has location= instead of schemaLocation=, so nothing is included and data:requestMessage is not declared',
  'strict/ImportSample.wsdl': 'ImportSample.xsd uses the prefixes xsd: and tns: without declaring them; the parts\' types tns:location and tns:beers are declared nowhere',
  'strict/Netsuite.wsdl': 'NetSuitePlatform.messages.xsd imports ../../platform/platform.core.xsd and platform.faultTypes.xsd, which are not in the corpus',
  'strict/npe.wsdl': 'uses the prefix wsdlns: without declaring it',
  'strict/stockquote-url.wsdl':
    'includes http://localhost:51515/ImportSample.xsd, served only by node-soap\'s own test (remote imports are refused by design, see README); the file it stands for is broken too',
  'typeof_null_extend_check.wsdl':
    'an excerpt: the types QAConfigType, QALocator, QAAddressType, QAPicklistType, VerifyLevelType and the elements QASearchResult, QAFault are used but not declared',
  'typeref/order.wsdl':
    'ns2.xsd writes type="LineItemType" unprefixed with no default namespace, which names the no-namespace type {}LineItemType, not ns2\'s (only zeep resolves unprefixed names against the targetNamespace)',
  'ws-policy.wsdl': 'uses the prefixes wsp: and wsu: without declaring them',
  'wsdl_with_attributes.wsdl': 'uses the prefix s: without declaring it (s:attribute, s:boolean); its schema is in the 2000/10 draft namespace',
  'xsdinclude/xsd_include.wsdl': 'the element Result has type dummy:DummyList, which neither the WSDL nor the included types.xsd declares',
  'xsdinclude/xsd_include_http.wsdl':
    'includes http://localhost:50000/Platform.asmx?xsd, served only by node-soap\'s own test (remote imports are refused by design, see README)',
  'xsdinclude/xsd_include_inline_xmlns.wsdl': 'types_inline_xmlns.xsd gives the element Result the type dummy:DummyList, which nothing declares',
};
