/** The code options users choose: parameter style, names' prefixes and suffixes; each output type-checks. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findInputs, generate, type GenerateOptions } from '../../src/generate.js';
import { buildAgents, recordedAgent, soap11, type BuiltAgents } from '../helpers/generated-agents.js';
import { typecheck } from '../helpers/typecheck.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';

const input = '<xs:element name="Name" type="xs:string"/><xs:element name="Count" type="xs:int" minOccurs="0"/>';
const schema = '<xs:complexType name="Item"><xs:sequence><xs:element name="Id" type="xs:int"/></xs:sequence></xs:complexType>';

function generated(options: GenerateOptions): Map<string, string> {
  const dir = tempFiles({ 'echo.wsdl': echoWsdl({ input, schema, output: '<xs:element name="Result" type="tns:Item"/>' }) });
  return generate(findInputs([path.join(dir, 'echo.wsdl')]), options).files;
}

function compiles(files: Map<string, string>): string[] {
  const dir = tempFiles(Object.fromEntries(files), { inRepo: true });
  return typecheck([...files.keys()].filter((name) => name.endsWith('.ts')).map((name) => path.join(dir, name)));
}

describe('code options', () => {
  it('parameters: positional (the default up to 3 parameters)', () => {
    const agent = generated({}).get('EchoPortAgent.ts')!;
    expect(agent).toContain('  echo(name: string, count?: number, options?: EchoPortCallOptions): Promise<Item>;');
  });

  it('parameters: object, even for two; required members make the request required', () => {
    const files = generated({ parameters: 'object' });
    const agent = files.get('EchoPortAgent.ts')!;
    expect(agent).toContain('  echo(request: {\n    Name: string;\n    Count?: number | undefined;\n  }, options?: EchoPortCallOptions): Promise<Item>;');
    expect(agent).toContain("return this.$call<Item>('Echo', [request.Name, request.Count], options);");
    expect(compiles(files)).toEqual([]);
  });

  it('parameters: auto with maxPositionalParameters 1', () => {
    expect(generated({ maxPositionalParameters: 1 }).get('EchoPortAgent.ts')).toContain('  echo(request: {');
    expect(generated({ parameters: 'positional', maxPositionalParameters: 0 }).get('EchoPortAgent.ts')).toContain('  echo(name: string, count?: number');
  });

  it('agentPrefix, agentSuffix, typePrefix and typeSuffix', () => {
    const files = generated({ agentPrefix: 'Acme', agentSuffix: 'Client', typePrefix: 'T', typeSuffix: 'Dto' });
    expect([...files.keys()].filter((name) => !name.startsWith('runtime/')).sort()).toEqual([
      'AcmeEchoPortClient.ts',
      'descriptors/echo.ts',
      'index.ts',
      'types/t.ts',
    ]);
    const agent = files.get('AcmeEchoPortClient.ts')!;
    expect(agent).toContain('export class AcmeEchoPortClient extends SoapAgent<AcmeEchoPortRequestHeaders, AcmeEchoPortResponseHeaders> implements AcmeEchoPortApi {');
    expect(agent).toContain('Promise<TItemDto>');
    expect(files.get('types/t.ts')).toContain('export interface TItemDto {');
    expect(compiles(files)).toEqual([]);
  });
});

describe('dates and int64: what xs:dateTime and xs:long values are in TypeScript and at run time', () => {
  const wsdl = echoWsdl({
    input: '<xs:element name="When" type="xs:dateTime"/><xs:element name="Count" type="xs:long"/><xs:element name="Small" type="xs:int"/>',
    output: '<xs:element name="At" type="xs:dateTime"/><xs:element name="Total" type="xs:unsignedLong"/>',
  });
  let built: Record<'date' | 'string' | 'bigint', BuiltAgents>;
  beforeAll(async () => {
    built = await buildAgents({
      date: { files: { 'echo.wsdl': wsdl }, wsdl: 'echo.wsdl' },
      string: { files: { 'echo.wsdl': wsdl }, wsdl: 'echo.wsdl', options: { dates: 'string', int64: 'string' } },
      bigint: { files: { 'echo.wsdl': wsdl }, wsdl: 'echo.wsdl', options: { int64: 'bigint' } },
    });
  });
  const reply = soap11('<EchoResponse xmlns="urn:t"><At>2025-03-01T12:00:00.1234567+01:00</At><Total>18446744073709551615</Total></EchoResponse>');

  it('by default: Date and number', async () => {
    const { result, diagnostics } = built.date;
    expect(diagnostics).toEqual([]);
    expect(result.files.get('EchoPortAgent.ts')).toContain('echo(when: Date, count: number, small: number, options?: EchoPortCallOptions): Promise<{ At: Date; Total: number }>;');
  });

  it("dates: 'string' and int64: 'string': the text as written, checked", async () => {
    const { result, diagnostics } = built.string;
    expect(diagnostics).toEqual([]);
    expect(result.files.get('EchoPortAgent.ts')).toContain('echo(when: string, count: string, small: number, options?: EchoPortCallOptions): Promise<{ At: string; Total: string }>;');
    const { agent, requests } = recordedAgent(built.string, 'EchoPortAgent', reply);
    await expect(agent.echo('2030-01-01T00:00:00-05:00', '9007199254740993', 1)).resolves.toEqual({ At: '2025-03-01T12:00:00.1234567+01:00', Total: '18446744073709551615' });
    expect(requests[0]!.body).toContain('<ns1:When>2030-01-01T00:00:00-05:00</ns1:When><ns1:Count>9007199254740993</ns1:Count>');
    await expect(agent.echo('yesterday', '1', 1)).rejects.toThrow(/When: "yesterday" is not an xs:dateTime/);
    await expect(agent.echo('2030-01-01T00:00:00Z', '1.5', 1)).rejects.toThrow(/Count: expected an integer as a string of digits/);
  });

  it("int64: 'bigint': bigint both ways, beyond 2^53", async () => {
    const { result, diagnostics } = built.bigint;
    expect(diagnostics).toEqual([]);
    expect(result.files.get('EchoPortAgent.ts')).toContain('echo(when: Date, count: bigint, small: number, options?: EchoPortCallOptions): Promise<{ At: Date; Total: bigint }>;');
    const { agent, requests } = recordedAgent(built.bigint, 'EchoPortAgent', reply);
    const answer = (await agent.echo(new Date(0), 9007199254740993n, 1)) as { Total: bigint };
    expect(answer.Total).toBe(18446744073709551615n);
    expect(requests[0]!.body).toContain('<ns1:Count>9007199254740993</ns1:Count>');
    await expect(agent.echo(new Date(0), 5, 1)).rejects.toThrow(/Count: expected a bigint, got 5/);
  });
});
