/** The plan of one output folder, as data: what the planners decide and the emitters print. */
import type { Warning } from '../errors.js';
import type { ChoiceGroup } from '../model/content.js';
import type { PortType, QName, SchemaType } from '../model/model.js';
import type { NamedTypeRef, TsType } from './ts-type.js';

/** Names the runtime exports through every group index; generated names must not take them. */
export const RUNTIME_EXPORTS = [
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

export interface ModulePlan {
  readonly ns: string;
  /** An identifier, unique in the group: the module's file name and its key in `ns` of descriptors. */
  readonly name: string;
  /** Relative to the group folder. */
  readonly file: string;
}

export type TypeShape = 'record' | 'array' | 'dictionary' | 'simple';

export interface TypePlan extends NamedTypeRef {
  readonly module: ModulePlan;
  readonly source: SchemaType;
  readonly shape: TypeShape;
}

export interface FieldPlan {
  readonly name: string;
  readonly ns: string;
  /** The TypeScript property key (the element name unless two members share it). */
  readonly prop: string;
  /** The member's full type: `| null` for nillable, `[]` for repeated. */
  readonly type: TsType;
  /** The descriptor `TypeDesc` as code: `'string'`, `() => Carrier$`, `{ kind: 'list', ... }`. */
  readonly descriptor: string;
  readonly optional: boolean;
  readonly repeated: boolean;
  readonly nillable: boolean;
  readonly documentation?: string;
  /** Member of a top-level xs:choice of its type: which choice, which alternative. */
  readonly choice?: { readonly group: number; readonly branch: number };
  /** For a part of a SOAP-encoded message: the `xsi:type` it is sent with. */
  readonly xsiType?: QName;
}

export interface AttributePlan {
  readonly name: string;
  readonly ns: string;
  readonly prop: string;
  readonly type: TsType;
  /** The descriptor's type as code: a scalar name or a list. */
  readonly descriptor: string;
  readonly optional: boolean;
  readonly documentation?: string;
}

/** The property that holds the text of a simpleContent type, and the one for xs:any content. */
export const TEXT_PROPERTY = '$value';
export const ANY_PROPERTY = '$any';

export interface RecordPlan {
  readonly base?: TypePlan;
  readonly fields: FieldPlan[];
  readonly attributes: AttributePlan[];
  /** simpleContent: the type of the element's text (property `$value`). */
  readonly text?: { readonly type: TsType; readonly descriptor: string };
  /** xs:any: undeclared child elements are kept as XML (property `$any`). */
  readonly any: boolean;
  readonly choices: readonly ChoiceGroup[];
  /** Printed as a type alias (an intersection with unions for choices), not an interface. */
  readonly alias: boolean;
}

export interface MessagePlan {
  /** `anyName`: an RPC response, whose wrapper's name SOAP calls "not significant". */
  readonly wrapper?: { readonly name: string; readonly ns: string; readonly anyName?: boolean };
  /** For use="encoded": the encodingStyle URI the wrapper declares. */
  readonly encoding?: string;
  readonly fields: FieldPlan[];
  /** Header keys (element names), in binding order. */
  readonly headers: string[];
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
  readonly parameters: ParameterPlan[];
  readonly returnType: TsType;
}

export interface AgentPlan {
  readonly name: string;
  readonly file: string;
  readonly wsdlFile: string;
  readonly portType: PortType;
  readonly soapVersion: '1.1' | '1.2';
  readonly endpoint?: string;
  readonly documentation?: string;
  readonly requestHeaders: FieldPlan[];
  readonly responseHeaders: FieldPlan[];
  readonly statusHeaders?: { readonly error?: string; readonly success?: string };
  readonly operations: OperationPlan[];
  readonly requestHeadersName: string;
  readonly responseHeadersName: string;
  readonly callOptionsName: string;
  readonly serviceErrorName?: string;
}

export interface GroupPlan {
  readonly modules: ModulePlan[];
  readonly types: TypePlan[];
  readonly agents: AgentPlan[];
  readonly sources: string[];
  /** Members of record types (own members only; the base comes from `base`). */
  record(plan: TypePlan): RecordPlan;
  /** The item element of an array type. */
  arrayItem(plan: TypePlan): FieldPlan;
  /** Entry element, key and value of a dictionary type. */
  dictionary(plan: TypePlan): { entry: { name: string; ns: string }; key: FieldPlan; value: FieldPlan };
  /** The right-hand side of `export type X = ...` for simple, array and dictionary types. */
  alias(plan: TypePlan): TsType;
  /** For enumerations (and lists of an inline enumeration): the literal members, for printing. */
  enumeration(plan: TypePlan): { members: string[]; list: boolean } | undefined;
  readonly warnings: Warning[];
}

