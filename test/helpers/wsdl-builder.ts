/** Small WSDLs for table-driven tests: one "Echo" service whose pieces each test replaces. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from './temporary.js';

export interface WsdlParts {
  /** Content of the urn:t schema. */
  schema?: string;
  /** Extra schemas (whole xs:schema elements). */
  extraSchemas?: string;
  /** Input and output wrapper elements' sequences (document/literal wrapped). */
  input?: string;
  output?: string;
  messages?: string;
  portType?: string;
  binding?: string;
  service?: string;
  /** Extra namespace declarations on wsdl:definitions. */
  namespaces?: string;
  soap12?: boolean;
}

export function echoWsdl(parts: WsdlParts = {}): string {
  const soapNs = parts.soap12 ? 'http://schemas.xmlsoap.org/wsdl/soap12/' : 'http://schemas.xmlsoap.org/wsdl/soap/';
  return `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions name="Echo" targetNamespace="urn:t" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="${soapNs}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t"${parts.namespaces ?? ''}>
  <wsdl:types>
    <xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
      <xs:element name="Echo"><xs:complexType><xs:sequence>${parts.input ?? '<xs:element name="Text" type="xs:string"/>'}</xs:sequence></xs:complexType></xs:element>
      <xs:element name="EchoResponse"><xs:complexType><xs:sequence>${parts.output ?? '<xs:element name="Result" type="xs:string"/>'}</xs:sequence></xs:complexType></xs:element>
${parts.schema ?? ''}
    </xs:schema>
${parts.extraSchemas ?? ''}
  </wsdl:types>
${
  parts.messages ??
  `  <wsdl:message name="EchoRequest"><wsdl:part name="parameters" element="tns:Echo"/></wsdl:message>
  <wsdl:message name="EchoResponse"><wsdl:part name="parameters" element="tns:EchoResponse"/></wsdl:message>`
}
${
  parts.portType ??
  `  <wsdl:portType name="EchoPort">
    <wsdl:operation name="Echo">
      <wsdl:documentation>Echoes the text.</wsdl:documentation>
      <wsdl:input message="tns:EchoRequest"/>
      <wsdl:output message="tns:EchoResponse"/>
    </wsdl:operation>
  </wsdl:portType>`
}
${
  parts.binding ??
  `  <wsdl:binding name="EchoBinding" type="tns:EchoPort">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
    <wsdl:operation name="Echo">
      <soap:operation soapAction="urn:t/Echo" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>`
}
${
  parts.service ??
  `  <wsdl:service name="EchoService">
    <wsdl:port name="EchoPort" binding="tns:EchoBinding"><soap:address location="http://127.0.0.1/echo"/></wsdl:port>
  </wsdl:service>`
}
</wsdl:definitions>
`;
}

/**
 * Writes files into a new temporary folder and returns its path. `inRepo` puts it under
 * .test-output/ in the repository, where generated code resolves @types/node and is an ES module.
 */
export function tempFiles(files: Readonly<Record<string, string | Uint8Array>>, options: { inRepo?: boolean } = {}): string {
  const dir = temporaryFolder('wsdl-agents-test-', options);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
