/** Validating wsdl-agents.config.json: every mistake named by file, place, key path and expectation. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/error.js';
import { loadConfig } from '../../src/config/load.js';
import { parseJsonc } from '../../src/config/jsonc.js';
import { validateConfig } from '../../src/config/validate.js';
import { WsdlError } from '../../src/errors.js';
import { tempFiles } from '../helpers/wsdl-builder.js';

const FILE = 'wsdl-agents.config.json';
const validate = (text: string) => validateConfig(parseJsonc(text, FILE), FILE);

function problem(text: string): string {
  try {
    validate(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(WsdlError); // bad input: each command's bad-input exit code
    return (error as Error).message;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('validateConfig', () => {
  it('accepts every key with a good value, and $schema', () => {
    const config = {
      $schema: './node_modules/wsdl-agents/wsdl-agents.schema.json',
      inputs: ['wsdl', 'https://host/x.svc?wsdl'],
      out: 'src/soap',
      quiet: true,
      allowRemote: true,
      maxFileSize: 0.5,
      fetchTimeout: 2,
      strict: true,
      options: {
        parameters: 'object',
        maxPositionalParameters: 0,
        dates: 'string',
        int64: 'bigint',
        agentPrefix: 'So',
        agentSuffix: '',
        typePrefix: '$',
        typeSuffix: 'Dto',
        descriptors: 'folder',
      },
    };
    const { $schema, ...values } = config;
    expect($schema).toBeDefined();
    expect(validate(JSON.stringify(config))).toEqual(values);
    expect(validate('{}')).toEqual({});
    expect(validate('{ "options": {} }')).toEqual({ options: {} });
  });

  it.each([
    ['[]', '1:1: the configuration must be a JSON object ({ … }), found a list'],
    ['{ "ouput": "x" }', '1:3: unknown key "ouput"; did you mean "out"?'],
    ['{ "frobnicate": 1 }', '1:3: unknown key "frobnicate"'],
    ['{ "Inputs": ["x"] }', '1:3: unknown key "Inputs"; did you mean "inputs"?'],
    ['{ "parameters": "object" }', '1:3: unknown key "parameters"; did you mean "options.parameters" (inside "options")?'],
    ['{ "options": { "date": "string" } }', '1:16: unknown key "options.date"; did you mean "options.dates"?'],
    ['{ "options": { "out": "x" } }', '1:16: unknown key "options.out"; did you mean "out" (at the top level)?'],
    ['{ "options": { "parameters": "objects" } }', '1:30: options.parameters must be one of "positional", "object", "auto", found "objects"'],
    ['{ "options": { "dates": "date" } }', '1:25: options.dates must be one of "Date", "string", found "date"'],
    ['{ "options": { "int64": 64 } }', '1:25: options.int64 must be one of "number", "bigint", "string", found 64'],
    ['{ "options": { "descriptors": null } }', '1:31: options.descriptors must be one of "folder", "wsdl", found null'],
    ['{ "options": { "maxPositionalParameters": 2.5 } }', '1:43: options.maxPositionalParameters must be a whole number from 0 to 100 (parameters), found 2.5'],
    ['{ "options": { "maxPositionalParameters": -1 } }', '1:43: options.maxPositionalParameters must be a whole number from 0 to 100 (parameters), found -1'],
    ['{ "options": { "agentPrefix": "1st" } }', '1:31: options.agentPrefix must be empty or the start of a TypeScript name: letters, digits, _ and $, not beginning with a digit, found "1st"'],
    ['{ "options": { "typeSuffix": "-dto" } }', '1:30: options.typeSuffix must be empty or letters, digits, _ and $, found "-dto"'],
    ['{ "options": "object" }', '1:14: options must be an object of code options ({ "parameters": "auto", … }), found "object"'],
    ['{ "inputs": "wsdl" }', '1:13: inputs must be a list of one or more WSDL files, folders or http(s) URLs, found "wsdl"'],
    ['{ "inputs": [] }', '1:13: inputs must be a list of one or more WSDL files, folders or http(s) URLs, found a list'],
    ['{ "inputs": ["a",\n  ""] }', '2:3: inputs[1] must be a path or URL (a non-empty string), found ""'],
    ['{ "out": "" }', '1:10: out must be a path (a non-empty string), found ""'],
    ['{ "out": ["x"] }', '1:10: out must be a path (a non-empty string), found a list'],
    ['{ "quiet": "yes" }', '1:12: quiet must be true or false, found "yes"'],
    ['{ "maxFileSize": 0 }', '1:18: maxFileSize must be a number above 0 and at most 512 (MiB), found 0'],
    ['{ "maxFileSize": 1e400 }', '1:18: maxFileSize must be a number above 0 and at most 512 (MiB), found Infinity'],
    ['{ "fetchTimeout": "30" }', '1:19: fetchTimeout must be a number above 0 and at most 2147483 (seconds), found "30"'],
    ['{ "strict": {} }', '1:13: strict must be true or false, found an object'],
    ['{ "$schema": 1 }', '1:14: $schema must be a string: the path or URL of wsdl-agents.schema.json'],
    ['{ "check": true }', '1:3: unknown key "check"'],
  ])('%s: %s', (text, message) => {
    expect(problem(text)).toBe(`${FILE}:${message}`);
  });
});

describe('loadConfig', () => {
  it('makes relative paths relative to the current folder instead of the file, leaving URLs and absolute paths', () => {
    const dir = tempFiles({});
    const config = path.join(dir, 'project/wsdl-agents.config.json');
    mkdirSync(path.dirname(config));
    writeFileSync(config, JSON.stringify({ inputs: ['wsdl', '../shared/x.wsdl', 'https://host/a?wsdl', '/abs/y.wsdl'], out: 'src/soap' }));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(loadConfig('project/wsdl-agents.config.json').values).toEqual({
        inputs: [path.normalize('project/wsdl'), path.normalize('shared/x.wsdl'), 'https://host/a?wsdl', '/abs/y.wsdl'],
        out: path.normalize('project/src/soap'),
      });
      expect(loadConfig('project/wsdl-agents.config.json').file).toBe('project/wsdl-agents.config.json');
    } finally {
      process.chdir(cwd);
    }
  });

  it('a file that is missing, a folder, or no JSON is a ConfigError naming it', () => {
    const dir = tempFiles({ 'broken.json': '{ "out": "x",, }' });
    expect(() => loadConfig(path.join(dir, 'nope.json'))).toThrow(new ConfigError(`cannot read the configuration "${path.join(dir, 'nope.json')}": no such file`));
    expect(() => loadConfig(dir)).toThrow(new ConfigError(`cannot read the configuration "${dir}": it is not a file`));
    expect(() => loadConfig(path.join(dir, 'broken.json'))).toThrow(
      `${path.join(dir, 'broken.json')}:1:14: expected a key in double quotes or "}", found ","`,
    );
  });
});
