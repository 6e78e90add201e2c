/** One agent class per portType, with its header and option types. */
import { StructureKind } from 'ts-morph';
import { propertyKey } from '../model/names.js';
import { descriptorName } from './descriptors-module.js';
import { docs, GeneratedFile } from './generated-file.js';
import type { AgentPlan, FieldPlan, OperationPlan } from './plan.js';

const RUNTIME = 'runtime/index.ts';

export function emitAgentModule(agent: AgentPlan, file: GeneratedFile): void {
  const service = agent.portType.name.local;
  file.import(RUNTIME, 'SoapAgent', false);
  file.import(RUNTIME, 'AgentOptions', true);
  file.import(RUNTIME, 'CallOptions', true);
  file.import(file.inGroup('descriptors.ts'), descriptorName(agent.name), false);

  file.add(headersInterface(file, agent.requestHeadersName, agent.requestHeaders, `SOAP header entries of requests to ${service}, by element name.`));
  file.add(
    headersInterface(
      file,
      agent.responseHeadersName,
      agent.responseHeaders,
      `SOAP header entries of responses from ${service}, by element name; absent entries are undefined.`,
    ),
  );
  file.add({
    kind: StructureKind.TypeAlias,
    name: agent.callOptionsName,
    isExported: true,
    docs: docs(`Options of one ${service} call.`),
    type: `CallOptions<${agent.requestHeadersName}, ${agent.responseHeadersName}>`,
  });
  if (agent.serviceErrorName && agent.statusHeaders) {
    file.import(RUNTIME, 'ServiceError', true);
    const errorField = agent.responseHeaders.find((h) => h.name === agent.statusHeaders!.error);
    const infoType = errorField ? file.type(errorField.type) : 'unknown';
    file.add({
      kind: StructureKind.TypeAlias,
      name: agent.serviceErrorName,
      isExported: true,
      docs: docs(
        `What ${agent.name} calls reject with when the response headers report failure` +
          (agent.statusHeaders.error ? ` (an ${agent.statusHeaders.error} header` : ' (') +
          (agent.statusHeaders.success ? `${agent.statusHeaders.error ? ', or ' : ''}${agent.statusHeaders.success} false)` : ')') +
          '. Narrow a caught `ServiceError` to it.',
      ),
      type: `ServiceError<${infoType}, ${agent.responseHeadersName}>`,
    });
  }

  file.add({
    kind: StructureKind.Class,
    name: agent.name,
    isExported: true,
    docs: docs(agent.documentation, `Speaks SOAP ${agent.soapVersion} to the ${service} service${agent.endpoint ? ` (default endpoint ${agent.endpoint})` : ''}.`),
    extends: `SoapAgent<${agent.requestHeadersName}, ${agent.responseHeadersName}>`,
    ctors: [
      {
        parameters: [{ name: 'options', type: `AgentOptions<${agent.requestHeadersName}>`, initializer: '{}' }],
        statements: [`super(${descriptorName(agent.name)}, options);`],
      },
    ],
    methods: agent.operations.map((operation) => method(file, agent, operation)),
  });
}

function headersInterface(file: GeneratedFile, name: string, headers: FieldPlan[], description: string) {
  return {
    kind: StructureKind.Interface as const,
    name,
    isExported: true,
    docs: docs(description),
    properties: headers.map((header) => ({
      name: propertyKey(header.name),
      type: file.type(header.type),
      hasQuestionToken: true,
      docs: docs(header.documentation),
    })),
  };
}

function method(file: GeneratedFile, agent: AgentPlan, operation: OperationPlan) {
  const parameters = operation.parameters.map((parameter) => ({
    name: parameter.name,
    type: file.type(parameter.field.type) + (parameter.field.optional && !parameter.optional ? ' | undefined' : ''),
    hasQuestionToken: parameter.optional,
  }));
  const returnType = file.type(operation.returnType);
  const oneWay = operation.output ? '' : 'One-way: resolves when the service has accepted the request.';
  return {
    kind: StructureKind.Method as const,
    name: operation.methodName,
    docs: docs(operation.documentation, oneWay, parameterDocs(operation)),
    parameters: [...parameters, { name: 'options', type: agent.callOptionsName, hasQuestionToken: true }],
    returnType: `Promise<${returnType}>`,
    statements: [
      `return this.$call<${returnType}>(${[
        `'${operation.name.replace(/'/g, "\\'")}'`,
        `[${operation.parameters.map((p) => p.name).join(', ')}]`,
        'options',
      ].join(', ')});`,
    ],
  };
}

function parameterDocs(operation: OperationPlan): string | undefined {
  const lines = operation.parameters
    .filter((parameter) => parameter.field.documentation)
    .map((parameter) => `@param ${parameter.name} ${parameter.field.documentation}`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}
