/**
 * Descriptor data: one module per WSDL holding what its agents reach (or one per folder), read
 * back by the runtime's descriptorTable into the objects the encoder and decoder walk.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputs, generate } from '../../src/generate.js';
import type { AgentDesc, RecordType } from '../../templates/runtime/descriptors.js';
import { descriptorTable } from '../../templates/runtime/descriptor-table.js';
import { importModule, transpileInto } from '../conformance/generated-code.js';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';
import { temporaryFolder } from '../helpers/temporary.js';

describe('descriptor modules', () => {
  const perWsdl = generate(findInputs(['wsdl']));

  it('are one per WSDL by default, each with only the types its agents reach', () => {
    const modules = [...perWsdl.files.keys()].filter((name) => name.startsWith('Services86/descriptors'));
    expect(modules).toEqual([
      'Services86/descriptors/BLOB.ts',
      'Services86/descriptors/Configuration.ts',
      'Services86/descriptors/Diagnostics.ts',
      'Services86/descriptors/Preference.ts',
    ]);
    const diagnostics = perWsdl.files.get('Services86/descriptors/Diagnostics.ts')!;
    expect(diagnostics).toContain('export const DiagnosticsAgent$: AgentDesc = table.agent(\'Diagnostics\');');
    expect(diagnostics).toContain('["record","WebAppUsage",{"base":"Carrier"}]');
    expect(diagnostics).not.toContain('"Preference"');
    expect(diagnostics).not.toContain('PreferenceAgent$');
    expect(perWsdl.files.get('Services86/DiagnosticsAgent.ts')).toContain("import { DiagnosticsAgent$ } from './descriptors/Diagnostics.js';");
  });

  it('are one for the folder with descriptors: "folder", every complex type once', () => {
    const folder = generate(findInputs(['wsdl']), { descriptors: 'folder' });
    const data = folder.files.get('Services86/descriptors.ts')!;
    expect([...folder.files.keys()].filter((name) => name.startsWith('Services86/descriptors'))).toEqual(['Services86/descriptors.ts']);
    expect(data.match(/^\["record","Carrier"\]$/gm)).toHaveLength(1);
    for (const agent of ['BLOB', 'Configuration', 'Diagnostics', 'Preference']) expect(data).toContain(`export const ${agent}Agent$`);
    expect(folder.files.get('Services86/DiagnosticsAgent.ts')).toContain("import { DiagnosticsAgent$ } from './descriptors.js';");
  });

  it('name namespaces by module, so a version move changes one line of each module', () => {
    const before = perWsdl.files.get('Services86/descriptors/Diagnostics.ts')!.split('\n');
    const dir = tempFiles({});
    writeFileSync(path.join(dir, 'Diagnostics.wsdl'), readFileSync('wsdl/Services86/Diagnostics.wsdl', 'utf8').replace(/Services86/g, 'Services87'));
    const after = generate(findInputs([path.join(dir, 'Diagnostics.wsdl')])).files.get('descriptors/Diagnostics.ts')!.split('\n');
    const changed = after.filter((line, index) => line !== before[index]);
    // the source line, the namespace, the endpoint and each SOAPAction; no type or member line
    expect(changed.filter((line) => line.startsWith('["record"') || line.startsWith('["f"') || line.startsWith('["array"'))).toEqual([]);
    expect(changed).toContain('["ns","Services","http://www.superoffice.net/ws/crm/NetServer/Services87"]');
  });

  it('carry any text through String.raw: backticks, ${ and backslashes', async () => {
    const action = 'urn:a`b${c}\\d"e';
    const wsdl = echoWsdl().replace('soapAction="urn:t/Echo"', `soapAction="${action.replace(/"/g, '&quot;')}"`);
    expect(wsdl).toContain('urn:a`b${c}');
    const { files } = generate(findInputs([path.join(tempFiles({ 'echo.wsdl': wsdl }), 'echo.wsdl')]));
    const dir = temporaryFolder('wsdl-descriptors-');
    transpileInto(dir, files);
    const { EchoPortAgent$ } = (await importModule(dir, 'descriptors/echo.js')) as { EchoPortAgent$: AgentDesc };
    expect(EchoPortAgent$.operations['Echo']!.action).toBe(action);
  });
});

describe('descriptorTable', () => {
  const table = (lines: unknown[][]) => descriptorTable(lines.map((line) => JSON.stringify(line)).join('\n'));

  it('builds records, arrays, dictionaries and agents, referring to types lazily', () => {
    const agent = table([
      ['ns', 't', 'urn:t'],
      ['record', 'Node', { any: 1 }],
      ['f', 'Children', 't', '@Nodes', 'o'],
      ['a', 'id', '', 'integer', 'o', 'id_'],
      ['array', 'Nodes'],
      ['f', 'Node', 't', '@Node', 'rn'],
      ['agent', 'Tree', '1.2', 'http://localhost/tree', { error: 'Fault' }],
      ['request-header', 'Token', 't', 'string', 'o'],
      ['operation', 'Get', 'urn:t/Get'],
      ['input', ['Get', 't'], ['Token']],
      ['f', 'Id', 't', ['list', 'integer']],
      ['output', ['GetResponse', 't'], [], 'single', { anyName: 1 }],
      ['f', 'Node', 't', '@Node', 'n', '', ['t', 'NodeType']],
    ]).agent('Tree');
    expect(agent).toMatchObject({ name: 'Tree', soapVersion: '1.2', endpoint: 'http://localhost/tree', statusHeaders: { error: 'Fault' } });
    expect(agent.requestHeaders['Token']).toEqual({ name: 'Token', ns: 'urn:t', type: 'string', optional: true });
    const get = agent.operations['Get']!;
    expect(get.input).toEqual({ wrapper: { name: 'Get', ns: 'urn:t' }, headers: ['Token'], fields: [{ name: 'Id', ns: 'urn:t', type: { kind: 'list', item: 'integer' } }] });
    expect(get.output?.wrapper).toEqual({ name: 'GetResponse', ns: 'urn:t', anyName: true });
    const [node] = get.output!.fields;
    expect(node).toMatchObject({ name: 'Node', nillable: true, xsiType: ['urn:t', 'NodeType'] });
    const record = (node!.type as () => RecordType)();
    expect(record).toMatchObject({ kind: 'record', any: true, attributes: [{ name: 'id', ns: '', type: 'integer', optional: true, prop: 'id_' }] });
    const nodes = (record.fields[0]!.type as () => { kind: string; item: { type: () => RecordType } })();
    expect(nodes.kind).toBe('array');
    expect(nodes.item.type()).toBe(record);
  });

  it('says what is wrong with data it cannot read', () => {
    expect(() => table([['f', 'A', 't', 'string']])).toThrow(/a field outside a type or message in \["f","A","t","string"\]/);
    expect(() => table([['record', 'R'], ['f', 'A', 'nowhere', 'string']])).toThrow(/not a namespace key/);
    expect(() => table([['record', 'R'], ['f', 'A', '', 'strin']])).toThrow(/not a simple type/);
    expect(() => table([['nonsense']])).toThrow(/an unknown line/);
    expect(() => table([]).agent('Missing')).toThrow(/an agent that is not in the table/);
  });
});
