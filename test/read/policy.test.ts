/**
 * WS-Policy on bindings: the UsernameToken (with its password type, when stated) and Timestamp
 * assertions are recorded in the model, from inline policies, policy references and
 * wsp:PolicyURIs, in WS-Policy 1.2 and 1.5 with WS-SecurityPolicy 1.1, 1.2 and 1.3.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs, generate, loadModels } from '../../src/generate.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';

const WSP12 = 'http://schemas.xmlsoap.org/ws/2004/09/policy';
const WSP15 = 'http://www.w3.org/ns/ws-policy';
const SP11 = 'http://schemas.xmlsoap.org/ws/2005/07/securitypolicy';
const SP12 = 'http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';

/** What WCF writes for a basicHttpBinding with TransportWithMessageCredential and UserName credentials. */
const WCF_USERNAME_OVER_TRANSPORT = `
  <wsp:Policy wsu:Id="UsernameOverTransport_policy">
    <wsp:ExactlyOne><wsp:All>
      <sp:TransportBinding xmlns:sp="${SP11}"><wsp:Policy>
        <sp:TransportToken><wsp:Policy><sp:HttpsToken RequireClientCertificate="false"/></wsp:Policy></sp:TransportToken>
        <sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy></sp:AlgorithmSuite>
        <sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout>
        <sp:IncludeTimestamp/>
      </wsp:Policy></sp:TransportBinding>
      <sp:SignedSupportingTokens xmlns:sp="${SP11}"><wsp:Policy>
        <sp:UsernameToken sp:IncludeToken="${SP11}/IncludeToken/AlwaysToRecipient"><wsp:Policy><sp:WssUsernameToken10/></wsp:Policy></sp:UsernameToken>
      </wsp:Policy></sp:SignedSupportingTokens>
      <sp:Wss10 xmlns:sp="${SP11}"><wsp:Policy><sp:MustSupportRefKeyIdentifier/></wsp:Policy></sp:Wss10>
    </wsp:All></wsp:ExactlyOne>
  </wsp:Policy>`;

const binding = (policy: string, attributes = '') =>
  `  <wsdl:binding name="EchoBinding" type="tns:EchoPort"${attributes}>\n${policy}\n` +
  '    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>\n' +
  '    <wsdl:operation name="Echo"><soap:operation soapAction="urn:t/Echo"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>\n' +
  '  </wsdl:binding>';

/** The binding of the agent a WSDL generates, as the model has it. */
function bindingOf(wsdl: string) {
  const dir = tempFiles({ 'x.wsdl': wsdl });
  const [{ model }] = loadModels(findInputs([path.join(dir, 'x.wsdl')]), { strict: true });
  const { policies, usernameTokenPassword } = model.interfaces[0]!.binding!;
  return { policies, usernameTokenPassword };
}

describe('WS-Policy on a binding', () => {
  it("WCF's UsernameOverTransport, referred to by wsp:PolicyReference (WS-Policy 1.2, WS-SecurityPolicy 1.1)", () => {
    const wsdl = echoWsdl({
      namespaces: ` xmlns:wsp="${WSP12}" xmlns:wsu="${WSU}"`,
      binding: binding('    <wsp:PolicyReference URI="#UsernameOverTransport_policy"/>'),
    }).replace('  <wsdl:types>', `${WCF_USERNAME_OVER_TRANSPORT}\n  <wsdl:types>`);
    expect(bindingOf(wsdl)).toEqual({ policies: ['UsernameToken', 'Timestamp'], usernameTokenPassword: undefined });
  });

  it('inline, with sp:HashPassword (WS-Policy 1.5, WS-SecurityPolicy 1.2): a digest password', () => {
    const policy =
      `    <wsp:Policy xmlns:wsp="${WSP15}" xmlns:sp="${SP12}"><sp:SupportingTokens><wsp:Policy>` +
      '<sp:UsernameToken><wsp:Policy><sp:HashPassword/><sp:WssUsernameToken11/></wsp:Policy></sp:UsernameToken>' +
      '</wsp:Policy></sp:SupportingTokens></wsp:Policy>';
    expect(bindingOf(echoWsdl({ binding: binding(policy) }))).toEqual({ policies: ['UsernameToken'], usernameTokenPassword: 'digest' });
  });

  it('by wsp:PolicyURIs, with sp:NoPassword, through a policy that refers to another and to itself', () => {
    const policies =
      `  <wsp:Policy wsu:Id="outer"><wsp:PolicyReference URI="#inner"/><wsp:PolicyReference URI="#outer"/></wsp:Policy>\n` +
      `  <wsp:Policy wsu:Id="inner"><sp:SignedSupportingTokens xmlns:sp="${SP12}"><wsp:Policy><sp:UsernameToken><wsp:Policy><sp:NoPassword/></wsp:Policy></sp:UsernameToken></wsp:Policy></sp:SignedSupportingTokens></wsp:Policy>\n` +
      // a policy of another document is not followed
      '  <wsp:Policy wsu:Id="elsewhere"><wsp:PolicyReference URI="http://example.com/policy.xml#p"/></wsp:Policy>';
    const wsdl = echoWsdl({ namespaces: ` xmlns:wsp="${WSP12}" xmlns:wsu="${WSU}"`, binding: binding('', ' wsp:PolicyURIs="#outer #elsewhere"') }).replace(
      '  <wsdl:types>',
      `${policies}\n  <wsdl:types>`,
    );
    expect(bindingOf(wsdl)).toEqual({ policies: ['UsernameToken'], usernameTokenPassword: 'none' });
  });

  it('a transport-only policy, and no policy at all: nothing to record', () => {
    const transportOnly = `    <wsp:Policy xmlns:wsp="${WSP12}"><sp:TransportBinding xmlns:sp="${SP11}"><wsp:Policy><sp:TransportToken><wsp:Policy><sp:HttpsToken/></wsp:Policy></sp:TransportToken></wsp:Policy></sp:TransportBinding></wsp:Policy>`;
    expect(bindingOf(echoWsdl({ binding: binding(transportOnly) }))).toEqual({ policies: [], usernameTokenPassword: undefined });
    expect(bindingOf(echoWsdl())).toEqual({ policies: [], usernameTokenPassword: undefined });
  });

  it('a UsernameToken outside WS-SecurityPolicy (an XML Schema attribute of that name, say) is no assertion', () => {
    const policy = `    <wsp:Policy xmlns:wsp="${WSP12}"><x:UsernameToken xmlns:x="urn:other"/><x:IncludeTimestamp xmlns:x="urn:other"/></wsp:Policy>`;
    expect(bindingOf(echoWsdl({ binding: binding(policy) }))).toEqual({ policies: [], usernameTokenPassword: undefined });
  });
});

describe('the agent of a binding with such a policy', () => {
  it('says what the policy asks for, and the security option that provides it', () => {
    const wsdl = echoWsdl({
      namespaces: ` xmlns:wsp="${WSP12}" xmlns:wsu="${WSU}"`,
      binding: binding('    <wsp:PolicyReference URI="#UsernameOverTransport_policy"/>'),
    }).replace('  <wsdl:types>', `${WCF_USERNAME_OVER_TRANSPORT}\n  <wsdl:types>`);
    const dir = tempFiles({ 'x.wsdl': wsdl });
    const agent = generate(findInputs([path.join(dir, 'x.wsdl')])).files.get('EchoPortAgent.ts')!;
    const note =
      "The binding's WS-SecurityPolicy asks for a WS-Security UsernameToken and a Timestamp: pass `security: { username, password }` " +
      "in the agent's options (with a fresh nonce and timestamp for every call).";
    // on the interface and on the class
    expect(agent.split(note)).toHaveLength(3);
  });
});
