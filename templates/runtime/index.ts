/** The run-time support of generated agents. It depends on nothing outside this folder. */
export { SoapAgent, type AgentOptions, type CallOptions, type FetchLike, type FetchResponseLike } from './agent.js';
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
