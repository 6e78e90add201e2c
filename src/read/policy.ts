/**
 * WS-Policy on a WSDL binding → the security assertions agents document: whether the service
 * wants a WS-Security UsernameToken (and how its password travels, when the policy says) and a
 * Timestamp. Policies are attached to a binding inline (`<wsp:Policy>`), by reference
 * (`<wsp:PolicyReference URI="#id"/>` to a `<wsp:Policy wsu:Id="id">` of the same WSDL file) or
 * by `wsp:PolicyURIs` (WS-PolicyAttachment §4.1), in WS-Policy 1.2 or 1.5, with the assertions of
 * WS-SecurityPolicy 1.1, 1.2 or 1.3.
 */
import type { Element } from '@xmldom/xmldom';
import type { PolicyAssertions } from './document.js';
import { attribute, childElements } from './xml.js';

const POLICY_NAMESPACES = ['http://schemas.xmlsoap.org/ws/2004/09/policy', 'http://www.w3.org/ns/ws-policy'];
const SECURITY_POLICY_NAMESPACES = [
  'http://schemas.xmlsoap.org/ws/2005/07/securitypolicy', // 1.1
  'http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200512', // the 1.2 drafts
  'http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702', // 1.2, and 1.3 for what it kept
  'http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200802', // 1.3's additions
];
const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const isPolicyElement = (element: Element, local: string) => POLICY_NAMESPACES.includes(element.namespaceURI ?? '') && element.localName === local;
const isSecurityAssertion = (element: Element, local: string) => SECURITY_POLICY_NAMESPACES.includes(element.namespaceURI ?? '') && element.localName === local;

/** The assertions of the policies attached to `binding`; `definitions` holds the policies referred to by id. */
export function bindingPolicies(binding: Element, definitions: Element): PolicyAssertions {
  const byId = new Map<string, Element>();
  for (const policy of childElements(definitions).filter((child) => isPolicyElement(child, 'Policy'))) {
    const id = policy.getAttributeNS(WSU_NS, 'Id') || attribute(policy, 'Id') || policy.getAttributeNS(XML_NS, 'id');
    if (id) byId.set(id, policy);
  }
  const found: { usernameToken?: true; password?: 'digest' | 'none'; timestamp?: true } = {};
  /** A policy of this WSDL file by `#id`; references to other documents are not followed. */
  const local = (uri: string | undefined) => (uri?.startsWith('#') ? byId.get(uri.slice(1)) : undefined);

  // depth first, without recursion (a policy may nest as deep as the file does), each element once
  const pending: { element: Element; inToken: boolean }[] = [];
  const visited = new Set<Element>();
  for (const child of childElements(binding)) if (isPolicyElement(child, 'Policy') || isPolicyElement(child, 'PolicyReference')) pending.push({ element: child, inToken: false });
  const uris = POLICY_NAMESPACES.map((ns) => binding.getAttributeNS(ns, 'PolicyURIs')).find(Boolean);
  for (const target of (uris?.split(/\s+/) ?? []).map(local)) if (target) pending.push({ element: target, inToken: false });
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { element, inToken } = next;
    if (visited.has(element)) continue; // a policy that refers to itself
    visited.add(element);
    if (isPolicyElement(element, 'PolicyReference')) {
      const target = local(attribute(element, 'URI'));
      if (target) pending.push({ element: target, inToken });
      continue;
    }
    if (isSecurityAssertion(element, 'UsernameToken')) found.usernameToken = true;
    // sp:HashPassword and sp:NoPassword sit in the token's nested policy
    if (inToken && isSecurityAssertion(element, 'HashPassword')) found.password = 'digest';
    if (inToken && isSecurityAssertion(element, 'NoPassword')) found.password = 'none';
    if (isSecurityAssertion(element, 'IncludeTimestamp')) found.timestamp = true;
    const childrenInToken = inToken || isSecurityAssertion(element, 'UsernameToken');
    for (const child of childElements(element)) pending.push({ element: child, inToken: childrenInToken });
  }

  return {
    policies: [...(found.usernameToken ? ['UsernameToken' as const] : []), ...(found.timestamp ? ['Timestamp' as const] : [])],
    ...(found.usernameToken && found.password ? { usernameTokenPassword: found.password } : {}),
  };
}
