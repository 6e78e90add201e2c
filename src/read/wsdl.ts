/** WSDL 1.1 `definitions` → model (one file; imports are followed by load.ts). */
import type { Element } from '@xmldom/xmldom';
import { WsdlError } from '../errors.js';
import {
  SOAP11_BINDING_NS,
  SOAP12_BINDING_NS,
  WSDL_NS,
  type Binding,
  type BindingMessage,
  type BindingOperation,
  type BindingStyle,
  type BodyUse,
  type HeaderRef,
  type Message,
  type MessagePart,
  type Operation,
  type PortType,
  type QName,
  type Service,
  type SoapVersion,
} from './document.js';
import { bindingPolicies } from './policy.js';
import { isXsd, readSchema, type ReadSchemaResult, type SchemaReference } from './schema.js';
import {
  attribute,
  childElements,
  childrenNamed,
  documentationText,
  firstChildNamed,
  locationOf,
  nameAttribute,
  qnameAttribute,
} from './xml.js';

export interface WsdlFile {
  readonly file: string;
  readonly name?: string;
  readonly targetNamespace: string;
  readonly documentation?: string;
  readonly services: Service[];
  readonly bindings: Binding[];
  readonly portTypes: PortType[];
  readonly messages: Message[];
  readonly schemas: ReadSchemaResult[];
  /** `xs:import`s and `xs:include`s written directly in wsdl:types, outside any xs:schema. */
  readonly strayReferences: SchemaReference[];
  readonly imports: { readonly namespace?: string; readonly location?: string; readonly element: Element }[];
}

export function readWsdlFile(root: Element, file: string): WsdlFile {
  if (root.namespaceURI !== WSDL_NS || root.localName !== 'definitions') {
    const found = root.namespaceURI ? `{${root.namespaceURI}}${root.localName}` : root.localName;
    const hint =
      root.localName === 'description' ? ' (WSDL 2.0 is not supported)' : root.localName === 'schema' ? ' (this is an XML Schema, not a WSDL)' : '';
    throw new WsdlError(`not a WSDL 1.1 document: the root element is <${found}>, expected <wsdl:definitions>${hint}`, locationOf(file, root));
  }
  const targetNamespace = attribute(root, 'targetNamespace') ?? '';
  const qname = (local: string): QName => ({ ns: targetNamespace, local });
  const required = (element: Element, name: string, construct: string): string => {
    const value = nameAttribute(element, name);
    if (!value) throw new WsdlError(`${construct} needs a ${name} attribute`, locationOf(file, element));
    return value;
  };
  const requiredQName = (element: Element, name: string, construct: string): QName => {
    const value = qnameAttribute(element, name, file);
    if (!value) throw new WsdlError(`${construct} needs a ${name} attribute`, locationOf(file, element));
    return value;
  };
  const documentation = (element: Element) => documentationText(firstChildNamed(element, WSDL_NS, 'documentation'));

  const schemas = childrenNamed(root, WSDL_NS, 'types').flatMap((types) =>
    childElements(types)
      .filter((schema) => isXsd(schema) && schema.localName === 'schema')
      .map((schema) => readSchema(schema, file)),
  );
  const strayReferences = childrenNamed(root, WSDL_NS, 'types').flatMap((types) =>
    childElements(types)
      .filter((child) => isXsd(child) && (child.localName === 'import' || child.localName === 'include'))
      .map((child): SchemaReference => ({
        kind: child.localName as 'import' | 'include',
        namespace: attribute(child, 'namespace'),
        schemaLocation: attribute(child, 'schemaLocation'),
        element: child,
      })),
  );

  const messages: Message[] = childrenNamed(root, WSDL_NS, 'message').map((message) => ({
    name: qname(required(message, 'name', 'wsdl:message')),
    loc: locationOf(file, message),
    parts: childrenNamed(message, WSDL_NS, 'part').map((part): MessagePart => {
      const element = qnameAttribute(part, 'element', file);
      const type = qnameAttribute(part, 'type', file);
      const name = required(part, 'name', 'wsdl:part');
      if (!element === !type) {
        throw new WsdlError(`wsdl:part "${name}" needs exactly one of the element and type attributes`, locationOf(file, part));
      }
      return { name, element, type, loc: locationOf(file, part) };
    }),
  }));

  const portTypes: PortType[] = childrenNamed(root, WSDL_NS, 'portType').map((portType) => ({
    name: qname(required(portType, 'name', 'wsdl:portType')),
    documentation: documentation(portType),
    loc: locationOf(file, portType),
    operations: childrenNamed(portType, WSDL_NS, 'operation').map((operation): Operation => {
      const input = firstChildNamed(operation, WSDL_NS, 'input');
      const output = firstChildNamed(operation, WSDL_NS, 'output');
      return {
        name: required(operation, 'name', 'wsdl:operation'),
        documentation: documentation(operation),
        input: input && requiredQName(input, 'message', 'wsdl:input'),
        output: output && requiredQName(output, 'message', 'wsdl:output'),
        faults: childrenNamed(operation, WSDL_NS, 'fault').map((fault) => ({
          name: nameAttribute(fault) ?? '',
          message: requiredQName(fault, 'message', 'wsdl:fault'),
        })),
        loc: locationOf(file, operation),
      };
    }),
  }));

  const bindings: Binding[] = childrenNamed(root, WSDL_NS, 'binding').map((binding) => {
    const soap11 = firstChildNamed(binding, SOAP11_BINDING_NS, 'binding');
    const soap12 = firstChildNamed(binding, SOAP12_BINDING_NS, 'binding');
    const soapBinding = soap11 ?? soap12;
    const soapVersion: SoapVersion | undefined = soap11 ? '1.1' : soap12 ? '1.2' : undefined;
    const soapNs = soap11 ? SOAP11_BINDING_NS : SOAP12_BINDING_NS;
    const style: BindingStyle = soapBinding && attribute(soapBinding, 'style') === 'rpc' ? 'rpc' : 'document';

    const bindingMessage = (element: Element | undefined): BindingMessage | undefined => {
      if (!element) return undefined;
      const body = firstChildNamed(element, soapNs, 'body');
      const parts = body && attribute(body, 'parts');
      return {
        use: useOf(body),
        namespace: body && attribute(body, 'namespace'),
        encodingStyle: body && attribute(body, 'encodingStyle'),
        bodyParts: parts === undefined || parts === null ? undefined : parts.split(/\s+/).filter(Boolean),
        headers: childrenNamed(element, soapNs, 'header').map(
          (header): HeaderRef => ({
            message: requiredQName(header, 'message', 'soap:header'),
            part: required(header, 'part', 'soap:header'),
            use: useOf(header),
            loc: locationOf(file, header),
          }),
        ),
      };
    };

    return {
      name: qname(required(binding, 'name', 'wsdl:binding')),
      portType: requiredQName(binding, 'type', 'wsdl:binding'),
      soapVersion,
      style,
      ...bindingPolicies(binding, root),
      loc: locationOf(file, binding),
      operations: childrenNamed(binding, WSDL_NS, 'operation').map((operation): BindingOperation => {
        const soapOperation = firstChildNamed(operation, soapNs, 'operation');
        const operationStyle = soapOperation && attribute(soapOperation, 'style');
        return {
          name: required(operation, 'name', 'wsdl:operation'),
          soapAction: soapOperation && attribute(soapOperation, 'soapAction'),
          style: operationStyle === 'rpc' || operationStyle === 'document' ? operationStyle : style,
          input: bindingMessage(firstChildNamed(operation, WSDL_NS, 'input')),
          output: bindingMessage(firstChildNamed(operation, WSDL_NS, 'output')),
          loc: locationOf(file, operation),
        };
      }),
    };
  });

  const services: Service[] = childrenNamed(root, WSDL_NS, 'service').map((service) => ({
    name: qname(required(service, 'name', 'wsdl:service')),
    documentation: documentation(service),
    loc: locationOf(file, service),
    ports: childrenNamed(service, WSDL_NS, 'port').map((port) => {
      const address =
        firstChildNamed(port, SOAP11_BINDING_NS, 'address') ?? firstChildNamed(port, SOAP12_BINDING_NS, 'address');
      return {
        name: required(port, 'name', 'wsdl:port'),
        binding: requiredQName(port, 'binding', 'wsdl:port'),
        address: address && attribute(address, 'location'),
        loc: locationOf(file, port),
      };
    }),
  }));

  const imports = childrenNamed(root, WSDL_NS, 'import').map((element) => ({
    namespace: attribute(element, 'namespace'),
    location: attribute(element, 'location'),
    element,
  }));

  // Anything else in the WSDL namespace is a misspelling or WSDL 2.0; say so rather than ignore it.
  for (const child of childElements(root)) {
    if (child.namespaceURI === WSDL_NS && !KNOWN_DEFINITIONS_CHILDREN.has(child.localName ?? '')) {
      throw new WsdlError(`unexpected <wsdl:${child.localName}> in wsdl:definitions`, locationOf(file, child));
    }
  }

  return {
    file,
    name: attribute(root, 'name'),
    targetNamespace,
    documentation: documentation(root),
    services,
    bindings,
    portTypes,
    messages,
    schemas,
    strayReferences,
    imports,
  };
}

const KNOWN_DEFINITIONS_CHILDREN = new Set(['import', 'documentation', 'types', 'message', 'portType', 'binding', 'service']);

function useOf(element: Element | undefined): BodyUse {
  return element && attribute(element, 'use') === 'encoded' ? 'encoded' : 'literal';
}
