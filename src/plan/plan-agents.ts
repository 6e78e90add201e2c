/** Agent planning: per interface, its endpoint and headers, and each method's parameters and result. */
import { WsdlError } from '../errors.js';
import { SOAP_ENCODING_NAMESPACES, XSD_NS } from '../read/document.js';
import {
  qnameKey,
  type ComplexTypeDef,
  type ElementDef,
  type InterfaceDef,
  type MessageDef,
  type OperationDef,
  type PartDef,
  type QName,
  type ServiceModel,
  type SoapVersion,
} from '../model/model.js';
import { UniqueNames, camelCase, parameterName, typeName } from './names.js';
import { assignNames } from './naming.js';
import type { CodeOptions } from './options.js';
import type { AgentPlan, FieldPlan, MessagePlan, OperationPlan } from './plan.js';
import type { MemberLike, TypePlanner } from './plan-types.js';
import { VOID, nullable, type TsType } from './ts-type.js';

/** Members of SoapAgent that a generated method may not shadow. */
export const RESERVED_METHOD_NAMES: readonly string[] = ['constructor', 'endpoint', 'withHeaders', 'options', 'descriptor', 'send', 'receive', 'result', '$call'];

export interface AgentNames {
  readonly agent: string;
  /** The interface the class implements, and a fake can. */
  readonly api: string;
  readonly requestHeaders: string;
  readonly responseHeaders: string;
  readonly callOptions: string;
  readonly serviceError: string;
}

/** The names an agent declares: the class (`<prefix><portType><suffix>`, suffix `Agent` by default) and its companions. */
export function agentNames(portType: string, options: CodeOptions = {}): AgentNames {
  const base = typeName(`${options.agentPrefix ?? ''}${portType}`);
  return {
    agent: typeName(`${base}${options.agentSuffix ?? 'Agent'}`),
    api: `${base}Api`,
    requestHeaders: `${base}RequestHeaders`,
    responseHeaders: `${base}ResponseHeaders`,
    callOptions: `${base}CallOptions`,
    serviceError: `${base}ServiceError`,
  };
}

export class AgentPlanner {
  private readonly elements = new Map<string, ElementDef>();

  constructor(
    private readonly model: ServiceModel,
    private readonly types: TypePlanner,
    private readonly options: CodeOptions = {},
  ) {
    for (const element of model.elements) this.elements.set(qnameKey(element.name), element);
  }

  planAgents(): AgentPlan[] {
    const seen = new Map<string, InterfaceDef>();
    for (const def of this.model.interfaces) {
      const { agent } = agentNames(def.name.local, this.options);
      if (seen.has(agent)) throw new WsdlError(`a second portType is named "${def.name.local}" in this output folder`, def.loc);
      seen.set(agent, def);
    }
    return this.model.interfaces.flatMap((def) => {
      if (!def.binding) {
        this.types.warn(`portType ${def.name.local} has no SOAP binding, so no agent is generated for it`, def.loc);
        return [];
      }
      return [this.planAgent(def, def.binding.soapVersion)];
    });
  }

  private planAgent(def: InterfaceDef, soapVersion: SoapVersion): AgentPlan {
    const names = agentNames(def.name.local, this.options);
    const requestHeaders = new Map<string, FieldPlan>();
    const responseHeaders = new Map<string, FieldPlan>();
    const callable = def.operations.filter((operation) => {
      // notification and solicit-response operations are sent by the service, not called
      if (!operation.input) this.types.warn(`operation "${operation.name}" has no input message, so the agent has no method for it`, operation.loc);
      return operation.input !== undefined;
    });
    const methodNames = assignNames(
      callable.map((operation) => ({ key: operation.name, candidates: [...new Set([camelCase(operation.name), typeName(operation.name)])], rank: 0 })),
      new Set(RESERVED_METHOD_NAMES),
    );
    const operations = callable.map((operation) => this.planOperation(operation, methodNames.get(operation.name)!, soapVersion, requestHeaders, responseHeaders));

    const errorHeader = responseHeaders.get('ExceptionInfo');
    const successHeader = responseHeaders.get('Succeeded');
    const successIsBoolean = successHeader?.descriptor.kind === 'scalar' && successHeader.descriptor.scalar === 'boolean';
    const statusHeaders =
      errorHeader || successIsBoolean
        ? { error: errorHeader ? 'ExceptionInfo' : undefined, success: successIsBoolean ? 'Succeeded' : undefined }
        : undefined;

    return {
      name: names.agent,
      interfaceName: names.api,
      file: `${names.agent}.ts`,
      source: def.source,
      service: def.name.local,
      soapVersion,
      endpoint: def.port?.address,
      documentation: def.documentation,
      requestHeaders: [...requestHeaders.values()],
      responseHeaders: [...responseHeaders.values()],
      statusHeaders,
      operations,
      requestHeadersName: names.requestHeaders,
      responseHeadersName: names.responseHeaders,
      callOptionsName: names.callOptions,
      serviceErrorName: statusHeaders ? names.serviceError : undefined,
      security: securityOf(def.binding!),
      descriptor: `${names.agent}$`,
      descriptorsFile: 'descriptors.ts', // per WSDL, planGroup moves it
      ns: def.name.ns,
      loc: def.loc,
    };
  }

  private planOperation(
    operation: OperationDef,
    methodName: string,
    soapVersion: SoapVersion,
    requestHeaders: Map<string, FieldPlan>,
    responseHeaders: Map<string, FieldPlan>,
  ): OperationPlan {
    const input = this.messagePlan(operation.input!, operation.style, operation.name, requestHeaders, soapVersion);
    const outputBody = operation.output && this.messagePlan(operation.output, operation.style, `${operation.name}Response`, responseHeaders, soapVersion);
    const output = outputBody && {
      ...outputBody,
      result: outputBody.fields.length === 0 ? ('void' as const) : outputBody.fields.length === 1 ? ('single' as const) : ('object' as const),
    };
    const names = assignNames(
      input.fields.map((field, index) => ({ key: String(index).padStart(6, '0'), candidates: [parameterName(field.prop)], rank: 0 })),
      new Set(['options']),
    );
    const lastRequired = input.fields.map((f) => !f.optional).lastIndexOf(true);
    const parameters = input.fields.map((field, index) => ({
      name: names.get(String(index).padStart(6, '0'))!,
      field,
      optional: field.optional && index > lastRequired,
    }));
    const style = this.options.parameters ?? 'auto';
    const most = this.options.maxPositionalParameters ?? 3;
    const asObject = parameters.length > 0 && (style === 'object' || (style === 'auto' && parameters.length > most));
    return {
      name: operation.name,
      methodName,
      documentation: operation.documentation,
      action: operation.soapAction,
      input,
      output,
      parameters,
      // one object of the input's members, keyed by element name; optional when each member is
      request: asObject ? { optional: lastRequired < 0 } : undefined,
      returnType: returnType(output),
      loc: operation.loc,
    };
  }

  private messagePlan(
    message: MessageDef,
    style: 'document' | 'rpc',
    rpcWrapperName: string,
    headerFields: Map<string, FieldPlan>,
    soapVersion: SoapVersion,
  ): MessagePlan {
    const headers = message.headers.map((header) => {
      const field = this.partField(header.part, header.message.ns, style === 'rpc');
      const existing = headerFields.get(field.name);
      if (existing && existing.ns !== field.ns) throw new WsdlError(`two different header elements are named "${field.name}"`, header.loc);
      headerFields.set(field.name, existing ?? { ...field, optional: true });
      return field.name;
    });
    const encoded = message.use === 'encoded';
    if (style === 'rpc') {
      return {
        // without soap:body namespace, the WSDL's own namespace (what other SOAP stacks send)
        wrapper: { name: rpcWrapperName, ns: message.namespace ?? message.message.ns, anyName: rpcWrapperName.endsWith('Response') },
        // SOAP encoding: the wrapper names its encoding, and each part its type
        encoding: encoded ? message.encodingStyle?.split(/\s+/)[0] || SOAP_ENCODING_NAMESPACES[soapVersion === '1.2' ? 1 : 0] : undefined,
        fields: message.body.map((part) => {
          const field = this.partField(part, message.message.ns, true);
          return encoded ? { ...field, xsiType: this.partTypeName(part) } : field;
        }),
        headers,
      };
    }
    const [only, ...others] = message.body;
    const wrapped = only?.element && others.length === 0 ? this.wrapperMembers(only.element) : undefined;
    if (wrapped) return { wrapper: wrapped.wrapper, fields: wrapped.fields, headers };
    return { fields: message.body.map((part) => this.partField(part, message.message.ns, false)), headers };
  }

  /**
   * Document/literal "wrapped": the single body part is an element whose type is a sequence of
   * elements only (through its bases too), so its members become the method's parameters (or
   * result). Anything else (attributes, text, wildcards) is passed as one value of the element.
   */
  private wrapperMembers(name: QName): { wrapper: { name: string; ns: string }; fields: FieldPlan[] } | undefined {
    const element = this.elements.get(qnameKey(name))!;
    if (element.type.kind !== 'type') return undefined;
    const type = this.types.def(element.type.id);
    if (type.kind !== 'complex') return undefined;
    const chain = [...this.baseChain(type), type];
    const wrappable = chain.every(
      (t) => !t.text && !t.mixed && t.derivation !== 'restriction' && t.attributes.length === 0 && !t.anyElement && !t.anyAttribute,
    );
    if (!wrappable) return undefined;
    if (type.name && this.types.shapeOf(type) !== 'record') return undefined;
    const props = new UniqueNames();
    const fields = chain.flatMap((t) => {
      for (const approximation of t.approximations) this.types.warn(approximation.message, approximation.loc);
      if (t.choices.length > 0) {
        this.types.warn(`the parameters of "${element.name.local}" come from an xs:choice; each alternative's members are optional parameters`, t.choices[0]!.loc);
      }
      return t.elements.map((member) =>
        this.types.field(member, props.claim(member.name), { minOccurs: member.choice ? 0 : member.minOccurs, maxOccurs: member.maxOccurs }),
      );
    });
    return { wrapper: { name: element.name.local, ns: element.name.ns }, fields };
  }

  /** The types a complex type extends, most basic first (the model has no cycles). */
  private baseChain(type: ComplexTypeDef): ComplexTypeDef[] {
    const chain: ComplexTypeDef[] = [];
    for (let current = type; current.base !== undefined; ) {
      current = this.types.def(current.base) as ComplexTypeDef;
      chain.unshift(current);
    }
    return chain;
  }

  /** The type a part is sent as under SOAP encoding (`xsi:type`), when it has a name. */
  private partTypeName(part: PartDef): QName | undefined {
    const reference = part.type ?? this.elements.get(qnameKey(part.element!))!.type;
    if (reference.kind === 'builtin') return { ns: XSD_NS, local: reference.name };
    return this.types.def(reference.id).name;
  }

  private partField(part: PartDef, ns: string, rpc: boolean): FieldPlan {
    if (part.element) {
      const element = this.elements.get(qnameKey(part.element))!;
      const member: MemberLike = {
        name: element.name.local,
        ns: element.name.ns,
        type: element.type,
        minOccurs: 1,
        maxOccurs: 1,
        nillable: element.nillable,
        documentation: element.documentation,
        loc: element.loc,
      };
      return this.types.field(member);
    }
    return this.types.field({ name: part.name, ns: rpc ? '' : ns, type: part.type!, minOccurs: 1, maxOccurs: 1, nillable: false, loc: part.loc });
  }
}

function securityOf(binding: NonNullable<InterfaceDef['binding']>): AgentPlan['security'] {
  const usernameToken = binding.policies.includes('UsernameToken');
  const timestamp = binding.policies.includes('Timestamp');
  if (!usernameToken && !timestamp) return undefined;
  return { ...(usernameToken ? { usernameToken: binding.usernameTokenPassword ?? 'text' } : {}), timestamp };
}

function returnType(output: OperationPlan['output']): TsType {
  if (!output || output.result === 'void') return VOID;
  if (output.result === 'single') {
    const [field] = output.fields as [FieldPlan];
    return field.optional && !field.repeated && !field.nillable ? nullable(field.type) : field.type;
  }
  return {
    kind: 'object',
    members: output.fields.map((field) => ({ name: field.prop, optional: field.optional && !field.repeated, type: field.type })),
  };
}
