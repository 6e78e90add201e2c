/**
 * The plan of one output folder, as plain data: which TypeScript declarations exist under which
 * names in which files, and what every agent method sends and returns. The planner decides it
 * from the resolved model; the emitters only print it.
 */
import type { ScalarKind } from '../model/builtins.js';
import type { ChoiceDef, QName, SourceLocation } from '../model/model.js';
import type { Warning } from '../errors.js';
import type { TsType } from './ts-type.js';

/** Names the runtime exports through every index; generated types must not take them. */
export const RUNTIME_EXPORTS: readonly string[] = [
  'SoapAgent',
  'AgentOptions',
  'CallOptions',
  'FetchLike',
  'FetchResponseLike',
  'HttpOptions',
  'SecurityOptions',
  'WireExchange',
  'ServiceError',
  'SoapEncodeError',
  'SoapError',
  'SoapFaultError',
  'SoapHttpError',
  'SoapResponseError',
  'SoapTransportError',
];

/** The property that holds the text of a simpleContent type, and the one for xs:any content. */
export const TEXT_PROPERTY = '$value';
export const ANY_PROPERTY = '$any';

export interface GroupPlan {
  /** The WSDL files of the folder, as named in preambles. */
  readonly sources: readonly string[];
  /** One per target namespace, sorted by name. */
  readonly modules: readonly ModulePlan[];
  /** Sorted by name, then module. */
  readonly types: readonly TypePlan[];
  readonly agents: readonly AgentPlan[];
  /** The modules of descriptor data: one for the folder, or one per WSDL. */
  readonly descriptorModules: readonly DescriptorModulePlan[];
  /**
   * Names declared by more than one module (or by a type module and an agent module): wherever
   * two of them would meet (an import, the index), the type's is qualified as `Module_Name`.
   */
  readonly sharedNames: readonly string[];
  readonly warnings: readonly Warning[];
}

export interface DescriptorModulePlan {
  /** Relative to the folder (`descriptors.ts`, `descriptors/Diagnostics.ts`). */
  readonly file: string;
  /** The agents it describes (their AgentPlan names). */
  readonly agents: readonly string[];
  /** The complex types their messages reach (descriptor keys), sorted. */
  readonly types: readonly string[];
}

export interface ModulePlan {
  readonly ns: string;
  /** An identifier, unique in the folder: the file's name. */
  readonly name: string;
  /** Relative to the folder (`types/Services.ts`). */
  readonly file: string;
}

/** How the runtime carries a simple value (the `Scalar` of templates/runtime/descriptors.ts). */
export type RuntimeScalar =
  | Exclude<ScalarKind, 'bigInteger'>
  /** xs:dateTime as an ISO 8601 string (the `dates: 'string'` option). */
  | 'dateTimeString'
  /** Integers beyond 2^53 as `bigint` or as decimal strings (the `int64` option). */
  | 'bigint'
  | 'integerString';

/** How a value is described to the runtime: a scalar, a list of scalars, or a complex type's descriptor. */
export type DescriptorRef =
  | { readonly kind: 'scalar'; readonly scalar: RuntimeScalar }
  | { readonly kind: 'list'; readonly item: RuntimeScalar }
  /** A complex type, by its key in the descriptor data. */
  | { readonly kind: 'type'; readonly descriptor: string };

interface TypePlanCommon {
  /** The model type it declares (`TypeDef.id`). */
  readonly id: string;
  readonly name: string;
  /** The module file that declares it, relative to the folder. */
  readonly file: string;
  /**
   * Its key in the descriptor data, unique in the folder: its name, qualified (`Module_Name`)
   * where several modules declare the name. Also how users import it from the folder's index.
   */
  readonly descriptor: string;
  /** The XML name of a named type. */
  readonly xmlName?: string;
  readonly documentation?: string;
  /** Where the type is declared. */
  readonly loc: SourceLocation;
}

export interface RecordTypePlan extends TypePlanCommon {
  readonly shape: 'record';
  /** The record it extends. */
  readonly base?: { readonly type: TsType; readonly descriptor: string };
  /** Own element members, in wire order. */
  readonly fields: readonly FieldPlan[];
  readonly attributes: readonly AttributePlan[];
  /** simpleContent: the element's text, in the property `$value`. */
  readonly text?: { readonly type: TsType; readonly descriptor: DescriptorRef };
  /** xs:any: undeclared child elements kept as XML, in the property `$any`. */
  readonly any: boolean;
  readonly choices: readonly ChoiceDef[];
  /** Printed as a type alias (an intersection with unions for choices), not an interface. */
  readonly alias: boolean;
}

/** A WCF-style collection: one repeated item element; `T[]` in TypeScript. */
export interface ArrayTypePlan extends TypePlanCommon {
  readonly shape: 'array';
  readonly item: FieldPlan;
  readonly type: TsType;
}

/** A WCF `IsDictionary` type: `Record<string, V>` in TypeScript. */
export interface DictionaryTypePlan extends TypePlanCommon {
  readonly shape: 'dictionary';
  readonly entry: { readonly name: string; readonly ns: string };
  readonly key: FieldPlan;
  readonly value: FieldPlan;
  readonly type: TsType;
}

export interface SimpleTypePlan extends TypePlanCommon {
  readonly shape: 'simple';
  readonly type: TsType;
  /** An enumeration (or a list of an inline one): printed one member per line when long. */
  readonly enumeration?: { readonly members: readonly (string | number)[]; readonly list: boolean };
  readonly facets: readonly { readonly name: string; readonly value: string }[];
  /** An xs:list: space-separated on the wire. */
  readonly list: boolean;
}

export type TypePlan = RecordTypePlan | ArrayTypePlan | DictionaryTypePlan | SimpleTypePlan;

export interface FieldPlan {
  readonly name: string;
  readonly ns: string;
  /** The TypeScript property (the element name unless two members share it). */
  readonly prop: string;
  /** The member's full type: `| null` for nillable, `[]` for repeated. */
  readonly type: TsType;
  readonly descriptor: DescriptorRef;
  readonly optional: boolean;
  readonly repeated: boolean;
  readonly nillable: boolean;
  readonly documentation?: string;
  /** Member of a top-level xs:choice of its type: which choice, which alternative. */
  readonly choice?: { readonly group: number; readonly branch: number };
  /** For a part of a SOAP-encoded message: the `xsi:type` it is sent with. */
  readonly xsiType?: QName;
  /** The schema type as people name it (`xs:int`, `WebAppUsage`), for documentation; undefined for an inline type. */
  readonly schemaType?: string;
  /** Where the element (or part) is declared. */
  readonly loc?: SourceLocation;
}

export interface AttributePlan {
  readonly name: string;
  readonly ns: string;
  readonly prop: string;
  readonly type: TsType;
  readonly descriptor: DescriptorRef;
  readonly optional: boolean;
  readonly documentation?: string;
  readonly loc?: SourceLocation;
}

export interface MessagePlan {
  /** `anyName`: an RPC response, whose wrapper's name SOAP calls "not significant". */
  readonly wrapper?: { readonly name: string; readonly ns: string; readonly anyName?: boolean };
  /** For use="encoded": the encodingStyle URI the wrapper declares. */
  readonly encoding?: string;
  readonly fields: readonly FieldPlan[];
  /** Header keys (element names), in binding order. */
  readonly headers: readonly string[];
}

export interface ParameterPlan {
  readonly name: string;
  readonly field: FieldPlan;
  /** Optional in the signature (only when no required parameter follows). */
  readonly optional: boolean;
}

export interface OperationPlan {
  readonly name: string;
  readonly methodName: string;
  readonly documentation?: string;
  readonly action?: string;
  readonly input: MessagePlan;
  readonly output?: MessagePlan & { readonly result: 'void' | 'single' | 'object' };
  readonly parameters: readonly ParameterPlan[];
  /**
   * Set when the method takes its parameters as one object (keyed by the members' properties)
   * rather than one by one; `optional` when no member is required.
   */
  readonly request?: { readonly optional: boolean };
  readonly returnType: TsType;
  readonly loc: SourceLocation;
}

export interface AgentPlan {
  readonly name: string;
  /** The interface of its methods, which the class implements and a fake can. */
  readonly interfaceName: string;
  readonly file: string;
  /** The WSDL it comes from, as in `GroupPlan.sources`. */
  readonly source: string;
  /** The portType's local name. */
  readonly service: string;
  readonly soapVersion: '1.1' | '1.2';
  readonly endpoint?: string;
  readonly documentation?: string;
  readonly requestHeaders: readonly FieldPlan[];
  readonly responseHeaders: readonly FieldPlan[];
  readonly statusHeaders?: { readonly error?: string; readonly success?: string };
  readonly operations: readonly OperationPlan[];
  readonly requestHeadersName: string;
  readonly responseHeadersName: string;
  readonly callOptionsName: string;
  readonly serviceErrorName?: string;
  /**
   * What the binding's WS-SecurityPolicy asks of a caller, when it asks for a UsernameToken or a
   * Timestamp: documented on the agent, with the `security` option that provides it.
   */
  readonly security?: { readonly usernameToken?: 'text' | 'digest' | 'none'; readonly timestamp: boolean };
  /** Its run-time descriptor's name. */
  readonly descriptor: string;
  /** The module of descriptor data that holds it, relative to the folder. */
  readonly descriptorsFile: string;
  /** The portType's namespace. */
  readonly ns: string;
  readonly loc: SourceLocation;
}
