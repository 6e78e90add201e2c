/** The run-time support of generated agents. It depends on nothing outside this folder. */
export { SoapAgent, type AgentOptions, type CallOptions } from './agent.js';
export type { HttpOptions } from './node-http.js';
export type { SecurityOptions } from './security.js';
export type { FetchLike, FetchResponseLike } from './transport.js';
export type { WireExchange } from './wire-log.js';
export { descriptorTable, type DescriptorTable } from './descriptor-table.js';
export type {
  AgentDesc,
  ArrayType,
  DictionaryType,
  FieldDesc,
  ListType,
  MessageDesc,
  OperationDesc,
  RecordType,
  Scalar,
  TypeDesc,
} from './descriptors.js';
export {
  ServiceError,
  SoapEncodeError,
  SoapError,
  SoapFaultError,
  SoapHttpError,
  SoapResponseError,
  SoapTransportError,
} from './errors.js';
