/** The code options users choose: parameter style, names' prefixes and suffixes; each output type-checks. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs, generate, type GenerateOptions } from '../../src/generate.js';
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
