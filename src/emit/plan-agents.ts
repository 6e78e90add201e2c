import { WsdlError } from '../errors.js';
import { typeUseOf } from '../model/builtins.js';
import {
  SOAP_ENCODING_NAMESPACES,
  XSD_NS,
  formatQName,
  qnameKey,
  type Binding,
  type ElementDecl,
  type HeaderRef,
  type Message,
  type MessagePart,
  type Operation,
  type Port,
  type PortType,
  type QName,
  type SourceLocation,
  type WsdlDocument,
} from '../model/model.js';
import { UniqueNames, camelCase, identifier, parameterName, typeName } from '../model/names.js';
import type { SchemaSet } from '../model/schema-set.js';
import type { AgentPlan, FieldPlan, MessagePlan, OperationPlan } from './plan-data.js';
import type { TypePlanner } from './plan-types.js';
import { nullable, tsType, type TsType } from './ts-type.js';

/** Decides each agent: its binding, endpoint, headers, and each method's parameters and result. */
export class AgentPlanner {
  constructor(
    private readonly types: TypePlanner,
    private readonly schemas: SchemaSet,
  ) {}


  planAgents(documents: readonly WsdlDocument[], sourceName: (file: string) => string): AgentPlan[] {
    // Agent names and their companions are claimed before any type name.
    const claimed: { document: WsdlDocument; portType: PortType; names: string[] }[] = [];
    const agentNames = new UniqueNames();
    for (const document of documents) {
      for (const binding of document.bindings) {
        if (!this.byName(document.portTypes, binding.portType, 'portType', binding.loc)) {
          throw new WsdlError(`wsdl:binding "${binding.name.local}" is of the portType ${formatQName(binding.portType)}, which is not declared`, binding.loc);
        }
      }
      for (const portType of document.portTypes) {
        const base = typeName(portType.name.local);
        const agent = `${base}Agent`;
        if (agentNames.has(agent)) {
          throw new WsdlError(`a second portType is named "${portType.name.local}" in this output folder`, portType.loc);
        }
        agentNames.claim(agent);
        const names = ['Agent', 'RequestHeaders', 'ResponseHeaders', 'CallOptions', 'ServiceError'].map((suffix) =>
          this.types.claimName(`${base}${suffix}`),
        );
        claimed.push({ document, portType, names });
      }
    }
    this.types.claimNamedTypeNames();

    const agents: AgentPlan[] = [];
    for (const { document, portType, names } of claimed) {
      const agent = this.planAgent(document, portType, names, sourceName(document.file));
      if (agent) agents.push(agent);
    }
    return agents;
  }

  private planAgent(document: WsdlDocument, portType: PortType, names: string[], wsdlFile: string): AgentPlan | undefined {
    const [name, requestHeadersName, responseHeadersName, callOptionsName, serviceErrorName] = names;
    const found = this.bindingFor(document, portType);
    if (!found) {
      this.types.warn(`portType ${portType.name.local} has no SOAP binding, so no agent is generated for it`, portType.loc);
      return undefined;
    }
    const { binding, port } = found;
    const requestHeaders = new Map<string, FieldPlan>();
    const responseHeaders = new Map<string, FieldPlan>();
    const operationNames = new Map<string, Operation>();
    const operations = portType.operations.flatMap((operation) => {
      const twin = operationNames.get(operation.name);
      if (twin) {
        // WSDL 1.1 allows overloading by message name; WS-I and every generated client do not
        throw new WsdlError(`portType ${portType.name.local} has a second operation named "${operation.name}" (overloaded operations are not supported)`, operation.loc);
      }
      operationNames.set(operation.name, operation);
      if (!operation.input) {
        // notification and solicit-response operations are sent by the service, not called
        this.types.warn(`operation "${operation.name}" has no input message, so the agent has no method for it`, operation.loc);
        return [];
      }
      return [this.planOperation(document, binding, operation, requestHeaders, responseHeaders)];
    });
    const methodNames = new UniqueNames(['constructor', 'endpoint', 'withHeaders']);
    const renamed = operations.map((operation) => ({ ...operation, methodName: methodNames.claim(operation.methodName) }));

    const errorHeader = responseHeaders.get('ExceptionInfo');
    const successHeader = responseHeaders.get('Succeeded');
    const statusHeaders =
      errorHeader || successHeader?.descriptor === `'boolean'`
        ? {
            error: errorHeader ? 'ExceptionInfo' : undefined,
            success: successHeader?.descriptor === `'boolean'` ? 'Succeeded' : undefined,
          }
        : undefined;

    return {
      name,
      file: `${name}.ts`,
      wsdlFile,
      portType,
      soapVersion: binding.soapVersion!,
      endpoint: port?.address,
      documentation: portType.documentation,
      requestHeaders: [...requestHeaders.values()],
      responseHeaders: [...responseHeaders.values()],
      statusHeaders,
      operations: renamed,
      requestHeadersName,
      responseHeadersName,
      callOptionsName,
      serviceErrorName: statusHeaders ? serviceErrorName : undefined,
    };
  }

  /** The SOAP binding an agent speaks: the first port's (in document order), else the first binding. */
  private bindingFor(document: WsdlDocument, portType: PortType): { binding: Binding; port?: Port } | undefined {
    const isOurs = (binding: Binding) => {
      if (binding.soapVersion === undefined) return false;
      return this.byName(document.portTypes, binding.portType, 'portType', binding.loc) === portType;
    };
    for (const service of document.services) {
      for (const port of service.ports) {
        const binding = this.byName(document.bindings, port.binding, 'binding', port.loc);
        if (!binding) throw new WsdlError(`wsdl:port "${port.name}" names the binding ${formatQName(port.binding)}, which is not declared`, port.loc);
        if (isOurs(binding)) return { binding, port };
      }
    }
    const binding = document.bindings.find(isOurs);
    return binding && { binding };
  }

  /**
   * A WSDL definition by qualified name; failing that, the only one with that local name (WSDLs
   * that import definitions of another namespace often refer to them with the wrong prefix).
   */
  private byName<T extends { name: QName }>(list: readonly T[], name: QName, what: string, loc: SourceLocation): T | undefined {
    const exact = list.find((item) => qnameKey(item.name) === qnameKey(name));
    if (exact) return exact;
    const byLocal = list.filter((item) => item.name.local === name.local);
    if (byLocal.length !== 1) return undefined;
    this.types.warn(`the ${what} ${formatQName(name)} is not declared; using ${formatQName(byLocal[0].name)}, the only ${what} named "${name.local}"`, loc);
    return byLocal[0];
  }

  private planOperation(
    document: WsdlDocument,
    binding: Binding,
    operation: Operation,
    requestHeaders: Map<string, FieldPlan>,
    responseHeaders: Map<string, FieldPlan>,
  ): OperationPlan {
    const bound = binding.operations.find((o) => o.name === operation.name);
    if (!bound) throw new WsdlError(`operation "${operation.name}" is missing from binding ${binding.name.local}`, binding.loc);
    const style = bound.style;
    const inputMessage = this.message(document, operation.input!, operation.loc);
    const input = this.messagePlan(document, inputMessage, bound.input, style, operation.name, requestHeaders, binding.soapVersion!);
    const outputMessage = operation.output && this.message(document, operation.output, operation.loc);
    const outputBody =
      outputMessage && this.messagePlan(document, outputMessage, bound.output, style, `${operation.name}Response`, responseHeaders, binding.soapVersion!);
    const output =
      outputBody && {
        ...outputBody,
        result: outputBody.fields.length === 0 ? ('void' as const) : outputBody.fields.length === 1 ? ('single' as const) : ('object' as const),
      };

    const parameterNames = new UniqueNames(['options']);
    const lastRequired = input.fields.map((f) => !f.optional).lastIndexOf(true);
    const parameters = input.fields.map((field, index) => ({
      name: parameterNames.claim(parameterName(field.prop)),
      field,
      optional: field.optional && index > lastRequired,
    }));

    return {
      name: operation.name,
      methodName: camelCase(operation.name),
      documentation: operation.documentation,
      action: bound.soapAction || undefined,
      input,
      output,
      parameters,
      returnType: returnType(output),
    };
  }

  private message(document: WsdlDocument, name: QName, loc: SourceLocation): Message {
    const message = this.byName(document.messages, name, 'message', loc);
    if (!message) throw new WsdlError(`the message ${formatQName(name)} is not declared`, loc);
    return message;
  }

  private messagePlan(
    document: WsdlDocument,
    message: Message,
    bound: { use: 'literal' | 'encoded'; bodyParts?: string[]; namespace?: string; encodingStyle?: string; headers: HeaderRef[] } | undefined,
    style: 'document' | 'rpc',
    rpcWrapperName: string,
    headerFields: Map<string, FieldPlan>,
    soapVersion: '1.1' | '1.2',
  ): MessagePlan {
    const headers = (bound?.headers ?? []).map((header) => {
      const headerMessage = this.message(document, header.message, header.loc);
      const part = headerMessage.parts.find((p) => p.name === header.part);
      if (!part) throw new WsdlError(`soap:header names the part "${header.part}", which ${formatQName(header.message)} does not have`, header.loc);
      const field = this.partField(part, message.name.ns, style === 'rpc');
      const existing = headerFields.get(field.name);
      if (existing && existing.ns !== field.ns) {
        throw new WsdlError(`two different header elements are named "${field.name}"`, header.loc);
      }
      headerFields.set(field.name, existing ?? { ...field, optional: true });
      return field.name;
    });

    const headerParts = new Set(
      (bound?.headers ?? []).filter((h) => this.message(document, h.message, h.loc) === message).map((h) => h.part),
    );
    const bodyParts = message.parts.filter(
      (part) => !headerParts.has(part.name) && (!bound?.bodyParts || bound.bodyParts.includes(part.name)),
    );

    const encoded = bound?.use === 'encoded';
    if (style === 'rpc') {
      return {
        // without soap:body namespace, the WSDL's own namespace (what other SOAP stacks send)
        wrapper: { name: rpcWrapperName, ns: bound?.namespace ?? message.name.ns, anyName: rpcWrapperName.endsWith('Response') },
        // SOAP encoding: the wrapper names its encoding, and each part its type
        encoding: encoded ? bound?.encodingStyle?.split(/\s+/)[0] || SOAP_ENCODING_NAMESPACES[soapVersion === '1.2' ? 1 : 0] : undefined,
        fields: bodyParts.map((part) => {
          const field = this.partField(part, message.name.ns, true);
          return encoded ? { ...field, xsiType: this.partTypeName(part) } : field;
        }),
        headers,
      };
    }
    const wrapped = bodyParts.length === 1 && bodyParts[0].element ? this.wrapperMembers(bodyParts[0]) : undefined;
    if (wrapped) return { wrapper: wrapped.wrapper, fields: wrapped.fields, headers };
    return { fields: bodyParts.map((part) => this.partField(part, message.name.ns, false)), headers };
  }

  /**
   * Document/literal "wrapped": the single body part is an element whose type is a sequence of
   * elements only (through its bases too), so its members become the method's parameters (or
   * result). Anything else — attributes, text, wildcards — is passed as one value of the element.
   */
  private wrapperMembers(part: MessagePart): { wrapper: { name: string; ns: string }; fields: FieldPlan[] } | undefined {
    const element = this.schemas.element(part.element!, part.loc);
    const type = element.type!;
    const complex = type.kind === 'inline' ? type.type : type.kind === 'named' ? this.schemas.findType(type.name) : undefined;
    if (!complex || complex.kind !== 'complex') return undefined;
    const chain = [...this.schemas.baseChain(complex), complex];
    const wrappable = chain.every((t) => {
      const flat = this.types.flat(t);
      return !t.simpleContent && !t.mixed && t.derivation !== 'restriction' && flat.attributes.length === 0 && !flat.anyElement && !flat.anyAttribute;
    });
    if (!wrappable) return undefined;
    const plan = type.kind === 'named' ? this.types.planFor(complex, type.name.ns) : undefined;
    if (plan && plan.shape !== 'record') return undefined;
    const props = new UniqueNames();
    const fields = chain.flatMap((t) => {
      const flat = this.types.flat(t);
      for (const approximation of flat.approximations) this.types.warn(approximation.message, approximation.loc);
      if (flat.choices.length > 0) {
        this.types.warn(`the parameters of "${element.name}" come from an xs:choice; each alternative's members are optional parameters`, flat.choices[0].loc);
      }
      return flat.elements.map((member) =>
        this.types.field(member.element, element.ns, `${element.name}${identifier(member.element.name)}`, props, {
          minOccurs: member.choice ? 0 : member.minOccurs,
          maxOccurs: member.maxOccurs,
        }),
      );
    });
    return { wrapper: { name: element.name, ns: element.ns }, fields };
  }

  /** The type a part is sent as under SOAP encoding (`xsi:type`), when it has a name. */
  private partTypeName(part: MessagePart): QName | undefined {
    const use = part.type ? typeUseOf(part.type) : this.schemas.element(part.element!, part.loc).type;
    if (use?.kind === 'builtin') return { ns: XSD_NS, local: use.name };
    return use?.kind === 'named' ? use.name : undefined;
  }

  private partField(part: MessagePart, ns: string, rpc: boolean): FieldPlan {
    if (part.element) {
      const element = this.schemas.element(part.element, part.loc);
      return this.types.field(element, element.ns, identifier(element.name));
    }
    const synthetic: ElementDecl = {
      name: part.name,
      ns: rpc ? '' : ns,
      type: typeUseOf(part.type!),
      minOccurs: 1,
      maxOccurs: 1,
      nillable: false,
      loc: part.loc,
    };
    return this.types.field(synthetic, ns, identifier(part.name));
  }

}

function returnType(output: OperationPlan['output']): TsType {
  if (!output || output.result === 'void') return tsType('void');
  if (output.result === 'single') {
    const [field] = output.fields;
    return field.optional && !field.repeated && !field.nillable ? nullable(field.type) : field.type;
  }
  const members = output.fields.map((field) => `${field.prop}${field.optional && !field.repeated ? '?' : ''}: ${field.type.text}`);
  return tsType(`{ ${members.join('; ')} }`, output.fields.flatMap((field) => field.type.refs));
}

