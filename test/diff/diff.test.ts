/**
 * `diff` on versions of Diagnostics.wsdl made by editing a copy: each edit with the exact change
 * list it must give, both ways round (each direction classified on its own), and the CLI's exit
 * status and formats. The diff of any corpus WSDL against itself is empty.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff, type Change, type ChangeKind } from '../../src/diff/diff.js';
import { findInputs, loadModels } from '../../src/generate.js';
import { corpusWsdls } from '../conformance/corpus.js';
import { EXPECTED_BROKEN } from '../conformance/expected-broken.js';
import { temporaryFolder } from '../helpers/temporary.js';

const DIAGNOSTICS = readFileSync('wsdl/Services86/Diagnostics.wsdl', 'utf8');

function edited(edit: (text: string) => string): string {
  const text = edit(DIAGNOSTICS);
  if (text === DIAGNOSTICS) throw new Error('the edit changed nothing');
  return text;
}

/** Every `<wsdl:operation name="…">…</wsdl:operation>` of that name, in the portType and the binding. */
function withoutOperation(text: string, name: string): string {
  return text.replace(new RegExp(`\\s*<wsdl:operation name="${name}">[\\s\\S]*?</wsdl:operation>`, 'g'), '');
}

interface Case {
  readonly name: string;
  readonly edit: (text: string) => string;
  /** old → new */
  readonly forward: Pick<Change, 'kind' | 'breaking' | 'path'>[];
  /** new → old */
  readonly backward: Pick<Change, 'kind' | 'breaking' | 'path'>[];
}

const cases: Case[] = [
  {
    name: 'an operation removed',
    edit: (text) => withoutOperation(text, 'CollectWinUsage'),
    forward: [{ kind: 'operation-removed', breaking: true, path: 'Diagnostics.CollectWinUsage' }],
    backward: [{ kind: 'operation-added', breaking: false, path: 'Diagnostics.CollectWinUsage' }],
  },
  {
    name: 'a required parameter added',
    edit: (text) =>
      text.replace(
        '<xs:element minOccurs="0" name="ViewState" nillable="true" type="xs:string" />\n          </xs:sequence>',
        '<xs:element minOccurs="0" name="ViewState" nillable="true" type="xs:string" />\n            <xs:element name="Level" type="xs:int" />\n          </xs:sequence>',
      ),
    forward: [{ kind: 'parameter-added', breaking: true, path: 'Diagnostics.LogViewState.Level' }],
    backward: [{ kind: 'parameter-removed', breaking: true, path: 'Diagnostics.LogViewState.Level' }],
  },
  {
    name: 'an optional parameter added at the end',
    edit: (text) =>
      text.replace(
        '<xs:element minOccurs="0" name="LogToTrace" type="xs:boolean" />',
        '<xs:element minOccurs="0" name="LogToTrace" type="xs:boolean" />\n            <xs:element minOccurs="0" name="LogToConsole" type="xs:boolean" />',
      ),
    forward: [{ kind: 'parameter-added', breaking: false, path: 'Diagnostics.ChangeLogSettings.LogToConsole' }],
    backward: [{ kind: 'parameter-removed', breaking: true, path: 'Diagnostics.ChangeLogSettings.LogToConsole' }],
  },
  {
    name: 'two parameters swapped',
    edit: (text) =>
      text.replace(
        '<xs:element minOccurs="0" name="LogWarning" type="xs:boolean" />\n            <xs:element minOccurs="0" name="LogInformation" type="xs:boolean" />',
        '<xs:element minOccurs="0" name="LogInformation" type="xs:boolean" />\n            <xs:element minOccurs="0" name="LogWarning" type="xs:boolean" />',
      ),
    forward: [{ kind: 'parameter-reordered', breaking: true, path: 'Diagnostics.ChangeLogSettings' }],
    backward: [{ kind: 'parameter-reordered', breaking: true, path: 'Diagnostics.ChangeLogSettings' }],
  },
  {
    name: 'an enum member added',
    edit: (text) => text.replace('<xs:enumeration value="Filtering" />', '<xs:enumeration value="Filtering" />\n              <xs:enumeration value="Archive" />'),
    forward: [{ kind: 'enum-member-added', breaking: false, path: 'ETableRight.Archive' }],
    backward: [{ kind: 'enum-member-removed', breaking: true, path: 'ETableRight.Archive' }],
  },
  {
    name: 'an enum member removed',
    edit: (text) => text.replace('\n              <xs:enumeration value="Filtering" />', ''),
    forward: [{ kind: 'enum-member-removed', breaking: true, path: 'ETableRight.Filtering' }],
    backward: [{ kind: 'enum-member-added', breaking: false, path: 'ETableRight.Filtering' }],
  },
  {
    name: "a property's type changed",
    edit: (text) => text.replace('name="Version" type="xs:unsignedInt"', 'name="Version" type="xs:string"'),
    // WebAppUsage is sent (AddWebAppUsage): number and string accept each other's values neither way
    forward: [{ kind: 'property-retyped', breaking: true, path: 'WebAppUsage.Version' }],
    backward: [{ kind: 'property-retyped', breaking: true, path: 'WebAppUsage.Version' }],
  },
  {
    name: 'a property made required',
    edit: (text) => text.replace('<xs:element minOccurs="0" name="AggregateCount" type="xs:unsignedInt" />', '<xs:element name="AggregateCount" type="xs:unsignedInt" />'),
    // a value that is sent must now have it; the other way round, it may be left out
    forward: [{ kind: 'property-optionality-changed', breaking: true, path: 'WebAppUsage.AggregateCount' }],
    backward: [{ kind: 'property-optionality-changed', breaking: false, path: 'WebAppUsage.AggregateCount' }],
  },
  {
    name: 'the namespace (and the endpoint) moved to Services87',
    edit: (text) => text.replace(/Services86/g, 'Services87'),
    forward: [
      { kind: 'endpoint-changed', breaking: false, path: 'Diagnostics' },
      { kind: 'namespace-changed', breaking: false, path: 'Services' },
    ],
    backward: [
      { kind: 'endpoint-changed', breaking: false, path: 'Diagnostics' },
      { kind: 'namespace-changed', breaking: false, path: 'Services' },
    ],
  },
];

function writeVersions(text: string): { old: string; new: string } {
  const dir = temporaryFolder('wsdl-diff-');
  const old = path.join(dir, 'old', 'Diagnostics.wsdl');
  const changed = path.join(dir, 'new', 'Diagnostics.wsdl');
  execFileSync('mkdir', ['-p', path.dirname(old), path.dirname(changed)]);
  writeFileSync(old, DIAGNOSTICS);
  writeFileSync(changed, text);
  return { old, new: changed };
}

function changesOf(from: string, to: string): Pick<Change, 'kind' | 'breaking' | 'path'>[] {
  const { changes } = diff(loadModels(findInputs([from])), loadModels(findInputs([to])));
  return changes.map(({ kind, breaking, path }) => ({ kind, breaking, path })).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

describe('diff: versions of Diagnostics.wsdl', () => {
  it.each(cases)('$name', ({ edit, forward, backward }) => {
    const files = writeVersions(edited(edit));
    expect(changesOf(files.old, files.new)).toEqual(forward);
    expect(changesOf(files.new, files.old)).toEqual(backward);
  });

  it('says where each change is, in both versions', () => {
    const files = writeVersions(edited((text) => text.replace('name="Version" type="xs:unsignedInt"', 'name="Version" type="xs:string"')));
    const [change] = diff(loadModels(findInputs([files.old])), loadModels(findInputs([files.new]))).changes;
    expect(change).toMatchObject({ message: 'WebAppUsage.Version: number → string', old: { file: files.old, line: 161 }, new: { file: files.new, line: 161 } });
  });

  it('finds the same changes each way round, as their inverses, on every edit', () => {
    const inverse: Partial<Record<ChangeKind, ChangeKind>> = {
      'operation-added': 'operation-removed',
      'operation-removed': 'operation-added',
      'parameter-added': 'parameter-removed',
      'parameter-removed': 'parameter-added',
      'enum-member-added': 'enum-member-removed',
      'enum-member-removed': 'enum-member-added',
      'type-added': 'type-removed',
      'type-removed': 'type-added',
      'property-added': 'property-removed',
      'property-removed': 'property-added',
    };
    for (const { edit } of cases) {
      const files = writeVersions(edited(edit));
      const forward = changesOf(files.old, files.new).map(({ kind, path }) => `${inverse[kind] ?? kind} ${path}`).sort();
      const backward = changesOf(files.new, files.old).map(({ kind, path }) => `${kind} ${path}`).sort();
      expect(backward).toEqual(forward);
    }
  });
});

describe('diff: the command line', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'diff', ...args], { encoding: 'utf8' });

  it('exits 1 on a breaking change, with text grouped by agent, breaking first', () => {
    const files = writeVersions(edited((text) => withoutOperation(text, 'CollectWinUsage').replace('<xs:enumeration value="Filtering" />', '<xs:enumeration value="Filtering" />\n<xs:enumeration value="Archive" />')));
    const run = cli([files.old, files.new]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2 changes, 1 breaking.');
    expect(run.stdout.indexOf('Diagnostics\n')).toBeLessThan(run.stdout.indexOf('Types and namespaces\n'));
    expect(run.stdout).toMatch(/BREAKING {4}Diagnostics\.CollectWinUsage {2}\(operation-removed\)\n {6}the operation CollectWinUsage \(collectWinUsage\(\)\) is gone\n {6}old .*old\/Diagnostics\.wsdl:\d+:\d+\n/);
  });

  it('exits 0 when nothing breaking changed; --json and --markdown', () => {
    const files = writeVersions(edited((text) => text.replace(/Services86/g, 'Services87')));
    const json = cli([files.old, files.new, '--json']);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { changes: { kind: string; breaking: boolean; path: string; message: string }[] };
    expect(parsed.changes.map((c) => [c.kind, c.breaking, c.path])).toEqual([
      ['namespace-changed', false, 'Services'],
      ['endpoint-changed', false, 'Diagnostics'],
    ]);
    expect(parsed.changes[0]!.message).toContain('a version move');
    const markdown = cli([files.old, files.new, '--markdown']);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('| compatible | `Services` | namespace changed |');
  });

  it('exits 2 on bad input, with file and line', () => {
    const files = writeVersions(edited((text) => text.replace('</wsdl:types>', '</wsdl:typez>')));
    const run = cli([files.old, files.new]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/new\/Diagnostics\.wsdl:\d+:\d+: not well-formed XML/);
  });
});

const INVERSE: Partial<Record<ChangeKind, ChangeKind>> = {
  'agent-added': 'agent-removed',
  'agent-removed': 'agent-added',
  'operation-added': 'operation-removed',
  'operation-removed': 'operation-added',
  'parameter-added': 'parameter-removed',
  'parameter-removed': 'parameter-added',
  'header-added': 'header-removed',
  'header-removed': 'header-added',
  'enum-member-added': 'enum-member-removed',
  'enum-member-removed': 'enum-member-added',
  'type-added': 'type-removed',
  'type-removed': 'type-added',
  'property-added': 'property-removed',
  'property-removed': 'property-added',
};

describe('diff: every valid corpus WSDL against itself, and against its neighbour both ways', () => {
  const valid = corpusWsdls().filter((wsdl) => !EXPECTED_BROKEN[wsdl.name]);

  it('finds no change', () => {
    const nonEmpty: string[] = [];
    for (const wsdl of valid) {
      const models = loadModels(findInputs([wsdl.file]));
      const { changes } = diff(models, loadModels(findInputs([wsdl.file])));
      if (changes.length > 0) nonEmpty.push(`${wsdl.name}: ${changes.map((c) => c.path).join(', ')}`);
    }
    expect(valid.length).toBeGreaterThan(40);
    expect(nonEmpty).toEqual([]);
  });

  it('finds the same changes each way round, the one as the inverse of the other', () => {
    const models = valid.map((wsdl) => loadModels(findInputs([wsdl.file])));
    const problems: string[] = [];
    models.forEach((a, index) => {
      const b = models[(index + 1) % models.length]!;
      const forward = diff(a, b).changes.map((c) => `${INVERSE[c.kind] ?? c.kind} ${c.path}`).sort();
      const backward = diff(b, a).changes.map((c) => `${c.kind} ${c.path}`).sort();
      if (forward.join('\n') !== backward.join('\n')) problems.push(`${valid[index]!.name} ↔ ${valid[(index + 1) % valid.length]!.name}`);
      // adding is never breaking, removing always is
      for (const change of diff(a, b).changes) {
        if (change.kind.endsWith('-added') && change.kind !== 'parameter-added' && change.kind !== 'property-added' && change.breaking) problems.push(`${change.kind} ${change.path} is breaking`);
        if (change.kind.endsWith('-removed') && !change.breaking) problems.push(`${change.kind} ${change.path} is compatible`);
      }
    });
    expect(problems).toEqual([]);
  });
});
