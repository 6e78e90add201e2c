/**
 * One agent per portType: its header and option types, the interface of its methods (which a
 * fake can implement) and the class that implements it over the runtime's SoapAgent.
 */
import type { AgentPlan, FieldPlan, OperationPlan } from '../plan/index.js';
import { literal, writeJsDoc, writeMembers, type GeneratedFile } from './printer.js';

const RUNTIME = 'runtime/index.ts';

type Writer = ReturnType<GeneratedFile['writer']>;

export function emitAgentModule(agent: AgentPlan, file: GeneratedFile): void {
  const service = agent.service;
  const soapAgent = file.import(RUNTIME, 'SoapAgent', false);
  const agentOptions = file.import(RUNTIME, 'AgentOptions', true);
  const callOptions = file.import(RUNTIME, 'CallOptions', true);
  const descriptor = file.import(file.inFolder(agent.descriptorsFile), agent.descriptor, false);

  // request header entries are options: undefined (not sent) is as good as absent
  headersInterface(file, agent.requestHeadersName, agent.requestHeaders, `SOAP header entries of requests to ${service}, by element name.`, true);
  headersInterface(
    file,
    agent.responseHeadersName,
    agent.responseHeaders,
    `SOAP header entries of responses from ${service}, by element name; absent entries are undefined.`,
    false,
  );
  typeAlias(file, agent.callOptionsName, `Options of one ${service} call.`, `${callOptions}<${agent.requestHeadersName}, ${agent.responseHeadersName}>`);
  if (agent.serviceErrorName && agent.statusHeaders) {
    const serviceError = file.import(RUNTIME, 'ServiceError', true);
    const errorField = agent.responseHeaders.find((h) => h.name === agent.statusHeaders!.error);
    const infoType = errorField ? file.type(errorField.type) : 'unknown';
    typeAlias(
      file,
      agent.serviceErrorName,
      `What ${agent.name} calls reject with when the response headers report failure (${statusWording(agent)}). Narrow a caught \`ServiceError\` to it.`,
      `${serviceError}<${infoType}, ${agent.responseHeadersName}>`,
    );
  }

  const api = file.writer();
  writeJsDoc(api, agent.documentation, `The operations of the ${service} service: what ${agent.name} does, and what a fake of it implements.`, securityNote(agent));
  api.write(`export interface ${agent.interfaceName} `).inlineBlock(() => {
    agent.operations.forEach((operation, index) => {
      if (index > 0) api.blankLine();
      writeJsDoc(api, ...methodDocs(agent, operation));
      api.writeLine(`${signature(file, agent, operation, false)};`);
    });
  });
  file.add(api);

  const writer = file.writer();
  writeJsDoc(
    writer,
    agent.documentation,
    `Speaks SOAP ${agent.soapVersion} to the ${service} service${agent.endpoint ? ` (default endpoint ${agent.endpoint})` : ''}.`,
    securityNote(agent),
  );
  writer
    .write(`export class ${agent.name} extends ${soapAgent}<${agent.requestHeadersName}, ${agent.responseHeadersName}> implements ${agent.interfaceName} `)
    .inlineBlock(() => {
      writer.write(`constructor(options: ${agentOptions}<${agent.requestHeadersName}> = {}) `).inlineBlock(() => {
        writer.writeLine(`super(${descriptor}, options);`);
      });
      writer.newLine();
      for (const operation of agent.operations) {
        writer.blankLine();
        method(file, writer, agent, operation);
      }
    });
  file.add(writer);
}

/** What the binding's WS-SecurityPolicy asks for, and the option that provides it. */
function securityNote(agent: AgentPlan): string | undefined {
  const security = agent.security;
  if (!security) return undefined;
  const token = security.usernameToken;
  const asked = [
    token === 'digest' ? 'a WS-Security UsernameToken with a password digest' : token === 'none' ? 'a WS-Security UsernameToken without a password' : token ? 'a WS-Security UsernameToken' : undefined,
    security.timestamp ? 'a Timestamp' : undefined,
  ].filter(Boolean);
  const members = !token
    ? []
    : token === 'none'
      ? ['username', "passwordType: 'None'"]
      : token === 'digest'
        ? ['username', 'password', "passwordType: 'PasswordDigest'"]
        : ['username', 'password'];
  if (!security.timestamp) members.push('timestamp: false');
  const option = members.length > 0 ? `\`security: { ${members.join(', ')} }\`` : '`security: {}` (a Timestamp alone)';
  return `The binding's WS-SecurityPolicy asks for ${asked.join(' and ')}: pass ${option} in the agent's options (with a fresh nonce and timestamp for every call).`;
}

function statusWording(agent: AgentPlan): string {
  const { error, success } = agent.statusHeaders!;
  return [error && `an ${error} header`, success && `${success} false`].filter(Boolean).join(', or ');
}

function headersInterface(file: GeneratedFile, name: string, headers: readonly FieldPlan[], description: string, acceptUndefined: boolean): void {
  const writer = file.writer();
  writeJsDoc(writer, description);
  writer.write(`export interface ${name} `);
  writeMembers(
    writer,
    headers.map((header) => ({
      name: header.name,
      optional: true,
      type: file.type(header.type) + (acceptUndefined ? ' | undefined' : ''),
      documentation: header.documentation,
    })),
  );
  file.add(writer);
}

function typeAlias(file: GeneratedFile, name: string, description: string, type: string): void {
  const writer = file.writer();
  writeJsDoc(writer, description);
  writer.write(`export type ${name} = ${type};`);
  file.add(writer);
}

/** `name(parameters): Promise<Result>`; in the class, an optional request object defaults to `{}`. */
function signature(file: GeneratedFile, agent: AgentPlan, operation: OperationPlan, inClass: boolean): string {
  const options = `options?: ${agent.callOptionsName}`;
  const result = `Promise<${file.type(operation.returnType)}>`;
  if (operation.request) {
    const type = file.writer();
    writeMembers(
      type,
      operation.parameters.map((parameter) => ({
        name: parameter.field.prop,
        optional: parameter.field.optional,
        type: file.type(parameter.field.type) + (parameter.field.optional ? ' | undefined' : ''),
        documentation: parameter.field.documentation,
      })),
    );
    const request = !operation.request.optional ? `request: ${type}` : inClass ? `request: ${type} = {}` : `request?: ${type}`;
    return `${operation.methodName}(${request}, ${options}): ${result}`;
  }
  const parameters = operation.parameters.map(
    (parameter) =>
      `${parameter.name}${parameter.optional ? '?' : ''}: ${file.type(parameter.field.type)}${parameter.field.optional && !parameter.optional ? ' | undefined' : ''}`,
  );
  return `${operation.methodName}(${[...parameters, options].join(', ')}): ${result}`;
}

/** A method of the class: its documentation is the interface's, which editors show for it. */
function method(file: GeneratedFile, writer: Writer, agent: AgentPlan, operation: OperationPlan): void {
  const values = operation.request
    ? operation.parameters.map((parameter) => `request${memberAccess(parameter.field.prop)}`)
    : operation.parameters.map((parameter) => parameter.name);
  writer.write(`${signature(file, agent, operation, true)} `).inlineBlock(() => {
    writer.writeLine(`return this.$call<${file.type(operation.returnType)}>(${[literal(operation.name), `[${values.join(', ')}]`, 'options'].join(', ')});`);
  });
  writer.newLine();
}

function memberAccess(prop: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(prop) ? `.${prop}` : `[${literal(prop)}]`;
}

/** The operation's documentation, then @param, @returns and @throws. */
function methodDocs(agent: AgentPlan, operation: OperationPlan): (string | undefined)[] {
  const described = (field: FieldPlan) => field.documentation ?? `<${field.name}>${field.schemaType ? ` (${field.schemaType})` : ''}`;
  const parameters = operation.request
    ? [`@param request ${operation.parameters.map((parameter) => parameter.field.prop).join(', ')}: the members of <${operation.input.wrapper?.name ?? operation.name}>.`]
    : operation.parameters.map((parameter) => `@param ${parameter.name} ${described(parameter.field)}`);
  const output = operation.output;
  const returns = !output
    ? '@returns Resolves when the service has accepted the request (one-way: no response is read).'
    : output.result === 'void'
      ? '@returns Resolves when the service has answered.'
      : output.result === 'single'
        ? `@returns ${described(output.fields[0]!)}`
        : `@returns The response's members: ${output.fields.map((field) => field.prop).join(', ')}.`;
  const throws = [
    '@throws {SoapFaultError} The service answered with a SOAP Fault.',
    ...(agent.serviceErrorName ? [`@throws {${agent.serviceErrorName}} The response headers report failure (${statusWording(agent)}).`] : []),
    '@throws {SoapError} Any other failure: SoapHttpError, SoapResponseError, SoapTransportError, SoapEncodeError (nothing is sent).',
  ];
  return [operation.documentation, [...parameters, '@param options Header entries, timeout and signal for this call.', returns, ...throws].join('\n')];
}
