/**
 * Descriptors arrive as compact data: one JSON array per line, in a string the type checker
 * reads as one literal (a regeneration diffs line by line). `descriptorTable` reads it once and
 * builds the objects of descriptors.ts, each type once, referring to each other lazily.
 *
 *   ["ns", key, uri]                             a namespace; other lines refer to it by its key ("" is no namespace)
 *   ["record", name, { base?, text?, any? }?]     a complex type, followed by its "f" and "a" lines
 *   ["array", name]                               a collection, followed by its item's "f" line
 *   ["dictionary", name, entryName, entryNs]      followed by the key's and the value's "f" lines
 *   ["f", name, ns, type, flags?, prop?, xsiType?] an element: type is a scalar, ["list", scalar],
 *                                                  or "@name" of a type; flags: o optional, r
 *                                                  repeated, n nillable; xsiType is [ns, name]
 *   ["a", name, ns, type, flags?, prop?]          an attribute
 *   ["agent", name, soapVersion, endpoint, { error?, success? }?]
 *   ["request-header", …as "f"] / ["response-header", …as "f"]
 *   ["operation", name, action?]
 *   ["input", [wrapperName, ns] | null, headers, { anyName?, encoding? }?] followed by "f" lines
 *   ["output", [wrapperName, ns] | null, headers, result, { anyName?, encoding? }?] followed by "f" lines
 */
import type {
  AgentDesc,
  ArrayType,
  AttributeDesc,
  ComplexDesc,
  DictionaryType,
  FieldDesc,
  ListType,
  MessageDesc,
  OperationDesc,
  RecordType,
  Scalar,
  TypeDesc,
} from './descriptors.js';

export interface DescriptorTable {
  /** The descriptor of the agent for a portType of that name. */
  agent(name: string): AgentDesc;
}

type Line = readonly unknown[];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SCALARS: ReadonlySet<string> = new Set([
  'string',
  'integer',
  'decimal',
  'double',
  'boolean',
  'dateTime',
  'dateTimeString',
  'bigint',
  'integerString',
  'base64Binary',
  'hexBinary',
  'anyType',
]);

export function descriptorTable(data: string): DescriptorTable {
  const lines = JSON.parse(`[${data.trim().split('\n').join(',')}]`) as Line[];
  const namespaces = new Map<string, string>([['', '']]);
  const types = new Map<string, ComplexDesc>();
  const agents = new Map<string, AgentDesc>();
  const fail = (line: Line, problem: string): never => {
    throw new Error(`wsdl-agents descriptors: ${problem} in ${JSON.stringify(line)}`);
  };
  const text = (line: Line, index: number): string => {
    const value = line[index];
    return typeof value === 'string' ? value : fail(line, `item ${index} is not a string`);
  };
  const ns = (line: Line, index: number): string => {
    const value = namespaces.get(String(line[index]));
    return value ?? fail(line, `item ${index} is not a namespace key`);
  };
  const typeRef = (name: string): (() => ComplexDesc) => {
    return () => types.get(name) ?? fail([name], 'a type that is not in the table');
  };
  const simpleType = (line: Line, value: unknown): Scalar | ListType => {
    if (typeof value === 'string' && SCALARS.has(value)) return value as Scalar;
    if (Array.isArray(value) && value[0] === 'list' && SCALARS.has(String(value[1]))) return { kind: 'list', item: value[1] as Scalar };
    return fail(line, 'not a simple type');
  };
  const typeDesc = (line: Line, value: unknown): TypeDesc =>
    typeof value === 'string' && value.startsWith('@') ? typeRef(value.slice(1)) : simpleType(line, value);
  const field = (line: Line, from: number): FieldDesc => {
    const result: Mutable<FieldDesc> = { name: text(line, from), ns: ns(line, from + 1), type: typeDesc(line, line[from + 2]) };
    const flags = typeof line[from + 3] === 'string' ? (line[from + 3] as string) : '';
    if (flags.includes('o')) result.optional = true;
    if (flags.includes('r')) result.repeated = true;
    if (flags.includes('n')) result.nillable = true;
    const prop = line[from + 4];
    if (typeof prop === 'string' && prop !== '') result.prop = prop;
    const xsiType = line[from + 5];
    if (Array.isArray(xsiType)) result.xsiType = [ns(xsiType, 0), text(xsiType, 1)];
    return result;
  };
  const attribute = (line: Line): AttributeDesc => {
    const result: Mutable<AttributeDesc> = { name: text(line, 1), ns: ns(line, 2), type: simpleType(line, line[3]) };
    if (line[4] === 'o') result.optional = true;
    const prop = line[5];
    if (typeof prop === 'string' && prop !== '') result.prop = prop;
    return result;
  };
  const options = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const message = (line: Line, wrapperIndex: number, headersIndex: number, optionsIndex: number): Mutable<MessageDesc> & { fields: FieldDesc[] } => {
    const wrapper = line[wrapperIndex];
    const extra = options(line[optionsIndex]);
    const result: Mutable<MessageDesc> & { fields: FieldDesc[] } = { fields: [], headers: (line[headersIndex] as string[] | undefined) ?? [] };
    if (Array.isArray(wrapper)) result.wrapper = extra['anyName'] ? { name: text(wrapper, 0), ns: ns(wrapper, 1), anyName: true } : { name: text(wrapper, 0), ns: ns(wrapper, 1) };
    if (typeof extra['encoding'] === 'string') result.encoding = extra['encoding'];
    return result;
  };

  // where "f", "a" and header lines go: the type, message or agent the lines before them began
  let fields: FieldDesc[] | undefined;
  let attributes: AttributeDesc[] | undefined;
  let agent: (Mutable<AgentDesc> & { requestHeaders: Record<string, FieldDesc>; responseHeaders: Record<string, FieldDesc>; operations: Record<string, OperationDesc> }) | undefined;
  let operation: Mutable<OperationDesc> | undefined;
  let pending: ((fields: FieldDesc[]) => void) | undefined;
  const finishPending = () => {
    if (pending && fields) pending(fields);
    pending = undefined;
  };

  for (const line of lines) {
    if (line[0] !== 'f' && line[0] !== 'a' && line[0] !== 'request-header' && line[0] !== 'response-header') finishPending();
    switch (line[0]) {
      case 'ns':
        namespaces.set(text(line, 1), text(line, 2));
        break;
      case 'record': {
        const extra = options(line[2]);
        const record: Mutable<RecordType> & { fields: FieldDesc[]; attributes: AttributeDesc[] } = { kind: 'record', fields: [], attributes: [] };
        if (typeof extra['base'] === 'string') record.base = typeRef(extra['base']) as () => RecordType;
        if (extra['text'] !== undefined) record.text = simpleType(line, extra['text']);
        if (extra['any']) record.any = true;
        types.set(text(line, 1), record);
        fields = record.fields;
        attributes = record.attributes;
        break;
      }
      case 'array': {
        const name = text(line, 1);
        fields = [];
        attributes = undefined;
        pending = ([item]) => {
          const array: ArrayType = { kind: 'array', item: item ?? fail(line, 'an array without its item') };
          types.set(name, array);
        };
        break;
      }
      case 'dictionary': {
        const name = text(line, 1);
        const entry = { name: text(line, 2), ns: ns(line, 3) };
        fields = [];
        attributes = undefined;
        pending = ([key, value]) => {
          const dictionary: DictionaryType = {
            kind: 'dictionary',
            entry,
            key: key ?? fail(line, 'a dictionary without its key'),
            value: value ?? fail(line, 'a dictionary without its value'),
          };
          types.set(name, dictionary);
        };
        break;
      }
      case 'f':
        (fields ?? fail(line, 'a field outside a type or message')).push(field(line, 1));
        break;
      case 'a':
        (attributes ?? fail(line, 'an attribute outside a record')).push(attribute(line));
        break;
      case 'agent': {
        const status = options(line[4]);
        agent = { name: text(line, 1), soapVersion: line[2] === '1.2' ? '1.2' : '1.1', requestHeaders: {}, responseHeaders: {}, operations: {} };
        if (typeof line[3] === 'string') agent.endpoint = line[3];
        if (typeof status['error'] === 'string' || typeof status['success'] === 'string') {
          agent.statusHeaders = {
            ...(typeof status['error'] === 'string' ? { error: status['error'] } : {}),
            ...(typeof status['success'] === 'string' ? { success: status['success'] } : {}),
          };
        }
        agents.set(agent.name, agent);
        fields = undefined;
        break;
      }
      case 'request-header':
      case 'response-header': {
        if (!agent) return fail(line, 'a header outside an agent');
        const header = field(line, 1);
        (line[0] === 'request-header' ? agent.requestHeaders : agent.responseHeaders)[header.name] = header;
        break;
      }
      case 'operation': {
        if (!agent) return fail(line, 'an operation outside an agent');
        const current: Mutable<OperationDesc> = { name: text(line, 1), input: { fields: [], headers: [] } };
        if (typeof line[2] === 'string') current.action = line[2];
        agent.operations[current.name] = current;
        operation = current;
        fields = undefined;
        break;
      }
      case 'input': {
        if (!operation) return fail(line, 'an input outside an operation');
        const input = message(line, 1, 2, 3);
        operation.input = input;
        fields = input.fields;
        break;
      }
      case 'output': {
        if (!operation) return fail(line, 'an output outside an operation');
        const result = line[3] === 'single' || line[3] === 'object' ? line[3] : 'void';
        const output = { ...message(line, 1, 2, 4), result } as const;
        operation.output = output;
        fields = output.fields;
        break;
      }
      default:
        fail(line, 'an unknown line');
    }
  }
  finishPending();
  return {
    agent: (name) => agents.get(name) ?? fail([name], 'an agent that is not in the table'),
  };
}
