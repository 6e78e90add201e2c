/** `generate --watch` in a scratch project: every change to what generation reads is seen. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { echoWsdl, tempFiles } from '../helpers/wsdl-builder.js';
import { RunningCli } from './source-cli.js';

const extraXsd = (members: string) =>
  `<xs:schema targetNamespace="urn:extra" xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"><xs:complexType name="Extra"><xs:sequence>${members}</xs:sequence></xs:complexType></xs:schema>`;
/** Echo.wsdl, whose result type comes from an imported extra.xsd. */
const echo = (documentation: string) =>
  echoWsdl({
    namespaces: ' xmlns:x="urn:extra"',
    output: '<xs:element name="Result" type="x:Extra"/>',
    schema: '<xs:import namespace="urn:extra" schemaLocation="extra.xsd"/>',
  }).replace('Echoes the text.', documentation);

let running: RunningCli | undefined;
afterEach(() => running?.kill());

describe('generate --watch', () => {
  it('regenerates on every change to a WSDL, an import, the configuration or the input folder; survives failures; Ctrl-C ends it with 0', async () => {
    const dir = tempFiles({ 'wsdl/Echo.wsdl': echo('First words.'), 'wsdl/extra.xsd': extraXsd('<xs:element name="A" type="xs:string"/>') });
    const generated = (file: string, out = 'generated') => readFileSync(path.join(dir, out, file), 'utf8');
    const cli = (running = new RunningCli(dir, ['generate', '--watch']));
    const rounds = (n: number) => cli.waitForCount(/changed: generating again\.\n/g, n);
    const watching = (n: number) => cli.waitForCount(/Watching \d+ files? and 1 folder for changes \(Ctrl-C to stop\)\.\n/g, n);

    // the WSDL, its import and the configuration (not there yet), and the wsdl/ folder
    await cli.waitFor(/wrote \d+ files to generated\/\.\nWatching 3 files and 1 folder for changes \(Ctrl-C to stop\)\.\n/);
    expect(generated('EchoPortAgent.ts')).toContain('First words.');

    writeFileSync(path.join(dir, 'wsdl/Echo.wsdl'), echo('Second words.'));
    await rounds(1);
    await watching(2);
    expect(cli.stdout).toContain(`\n${path.join('wsdl', 'Echo.wsdl')} changed: generating again.\n`);
    expect(generated('EchoPortAgent.ts')).toContain('Second words.');

    // an imported file
    writeFileSync(path.join(dir, 'wsdl/extra.xsd'), extraXsd('<xs:element name="A" type="xs:string"/><xs:element name="B" type="xs:int"/>'));
    await rounds(2);
    await watching(3);
    expect(generated('types/extra.ts')).toContain('B: number;');

    // a failure: printed, the output left as it was, still watching
    writeFileSync(path.join(dir, 'wsdl/Echo.wsdl'), '<wsdl:definitions');
    await rounds(3);
    await cli.waitFor(/error: wsdl\/Echo\.wsdl:\d+:\d+: .*\n/);
    await watching(4);
    expect(generated('EchoPortAgent.ts')).toContain('Second words.');

    // an import that does not exist yet (generated anyway, with a warning) is watched, and seen when it appears
    writeFileSync(path.join(dir, 'wsdl/Echo.wsdl'), echo('Third words.').replace('extra.xsd', 'later.xsd'));
    await rounds(4);
    await cli.waitFor(/warning: cannot read imported file ".*later\.xsd": file not found/);
    await watching(5);
    writeFileSync(path.join(dir, 'wsdl/later.xsd'), extraXsd('<xs:element name="C" type="xs:boolean"/>'));
    await rounds(5);
    await watching(6);
    expect(generated('types/extra.ts')).toContain('C: boolean;');
    expect(generated('EchoPortAgent.ts')).toContain('Third words.');

    // the configuration: read again, a mistake in it reported, its new output folder used
    writeFileSync(path.join(dir, 'wsdl-agents.config.json'), '{ "out": 1 }');
    await rounds(6);
    await cli.waitFor(/error: wsdl-agents\.config\.json:1:10: out must be a path \(a non-empty string\), found 1\n/);
    await watching(7);
    expect(cli.stdout).toMatch(/Watching 3 files and 1 folder for changes \(Ctrl-C to stop\)\.\n$/); // still what it read before
    writeFileSync(path.join(dir, 'wsdl-agents.config.json'), '{ "out": "src/soap" }');
    await rounds(7);
    await cli.waitFor(/wrote \d+ files to src\/soap\/\./);
    await watching(8);

    // a WSDL added to the input folder, in a new sub-folder
    mkdirSync(path.join(dir, 'wsdl/more'));
    writeFileSync(path.join(dir, 'wsdl/more/Other.wsdl'), echoWsdl().replaceAll('Echo', 'Other'));
    await cli.waitFor(/wrote \d+ files to src\/soap\/\.\n(.*\n)*.*wrote \d+ files to src\/soap\/\./);
    await cli.waitForCount(/Watching 4 files and 1 folder/g, 1);
    expect(existsSync(path.join(dir, 'src/soap/more/OtherPortAgent.ts'))).toBe(true);

    expect(await cli.interrupt()).toBe(0);
  }, 90_000);

  it('notes that URLs are not watched', async () => {
    const dir = tempFiles({ 'wsdl/Echo.wsdl': echoWsdl() });
    // nothing listens on port 9 of the loopback address: the fetch fails at once, and the watch goes on
    const cli = (running = new RunningCli(dir, ['generate', 'wsdl', 'http://127.0.0.1:9/A.svc?wsdl', '--watch']));
    await cli.waitFor(/note: http:\/\/127\.0\.0\.1:9\/A\.svc\?wsdl is remote, and remote files are not watched\n/);
    await cli.waitFor(/error: cannot fetch http:\/\/127\.0\.0\.1:9\/A\.svc\?wsdl/);
    expect(await cli.interrupt()).toBe(0);
  });
});
