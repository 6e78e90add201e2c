/** One agent class per portType, with its header and option types. */
import type { AgentPlan, FieldPlan, OperationPlan } from '../plan/index.js';
import { literal, writeJsDoc, writeMembers, type GeneratedFile } from './printer.js';

const RUNTIME = 'runtime/index.ts';

export function emitAgentModule(agent: AgentPlan, file: GeneratedFile): void {
  const service = agent.service;
  const soapAgent = file.import(RUNTIME, 'SoapAgent', false);
  const agentOptions = file.import(RUNTIME, 'AgentOptions', true);
  const callOptions = file.import(RUNTIME, 'CallOptions', true);
  const descriptor = file.import(file.inFolder(agent.descriptorsFile), agent.descriptor, false);

  headersInterface(file, agent.requestHeadersName, agent.requestHeaders, `SOAP header entries of requests to ${service}, by element name.`);
  headersInterface(
    file,
    agent.responseHeadersName,
    agent.responseHeaders,
    `SOAP header entries of responses from ${service}, by element name; absent entries are undefined.`,
  );
  typeAlias(file, agent.callOptionsName, `Options of one ${service} call.`, `${callOptions}<${agent.requestHeadersName}, ${agent.responseHeadersName}>`);
  if (agent.serviceErrorName && agent.statusHeaders) {
    const serviceError = file.import(RUNTIME, 'ServiceError', true);
    const errorField = agent.responseHeaders.find((h) => h.name === agent.statusHeaders!.error);
    const infoType = errorField ? file.type(errorField.type) : 'unknown';
    const { error, success } = agent.statusHeaders;
    typeAlias(
      file,
      agent.serviceErrorName,
      `What ${agent.name} calls reject with when the response headers report failure` +
        (error ? ` (an ${error} header` : ' (') +
        (success ? `${error ? ', or ' : ''}${success} false)` : ')') +
        '. Narrow a caught `ServiceError` to it.',
      `${serviceError}<${infoType}, ${agent.responseHeadersName}>`,
    );
  }

  const writer = file.writer();
  writeJsDoc(writer, agent.documentation, `Speaks SOAP ${agent.soapVersion} to the ${service} service${agent.endpoint ? ` (default endpoint ${agent.endpoint})` : ''}.`);
  writer.write(`export class ${agent.name} extends ${soapAgent}<${agent.requestHeadersName}, ${agent.responseHeadersName}> `).inlineBlock(() => {
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

function headersInterface(file: GeneratedFile, name: string, headers: readonly FieldPlan[], description: string): void {
  const writer = file.writer();
  writeJsDoc(writer, description);
  writer.write(`export interface ${name} `);
  writeMembers(
    writer,
    headers.map((header) => ({ name: header.name, optional: true, type: file.type(header.type), documentation: header.documentation })),
  );
  file.add(writer);
}

function typeAlias(file: GeneratedFile, name: string, description: string, type: string): void {
  const writer = file.writer();
  writeJsDoc(writer, description);
  writer.write(`export type ${name} = ${type};`);
  file.add(writer);
}

function method(file: GeneratedFile, writer: ReturnType<GeneratedFile['writer']>, agent: AgentPlan, operation: OperationPlan): void {
  const parameters = operation.parameters.map(
    (parameter) =>
      `${parameter.name}${parameter.optional ? '?' : ''}: ${file.type(parameter.field.type)}${parameter.field.optional && !parameter.optional ? ' | undefined' : ''}`,
  );
  const returnType = file.type(operation.returnType);
  const oneWay = operation.output ? undefined : 'One-way: resolves when the service has accepted the request.';
  writeJsDoc(writer, operation.documentation, oneWay, parameterDocs(operation));
  writer.write(`${operation.methodName}(${[...parameters, `options?: ${agent.callOptionsName}`].join(', ')}): Promise<${returnType}> `).inlineBlock(() => {
    const args = [literal(operation.name), `[${operation.parameters.map((p) => p.name).join(', ')}]`, 'options'];
    writer.writeLine(`return this.$call<${returnType}>(${args.join(', ')});`);
  });
  writer.newLine();
}

function parameterDocs(operation: OperationPlan): string | undefined {
  const lines = operation.parameters
    .filter((parameter) => parameter.field.documentation)
    .map((parameter) => `@param ${parameter.name} ${parameter.field.documentation}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}
