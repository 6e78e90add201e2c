/** Flags over the configuration over the defaults, for every setting. */
import { describe, expect, it } from 'vitest';
import { flagValues, mergeSettings } from '../../src/cli/settings.js';
import { UsageError } from '../../src/cli/command.js';

const fromFile = (values: object) => ({ file: 'wsdl-agents.config.json', values });

describe('mergeSettings', () => {
  it('applies the defaults, and passes no code option that was not given', () => {
    expect(mergeSettings([], flagValues({}), undefined)).toEqual({
      inputs: [],
      out: 'generated',
      quiet: false,
      allowRemote: false,
      maxFileBytes: 16 * 1024 * 1024,
      fetchTimeout: 30_000,
      strict: false,
      codeOptions: {},
    });
  });

  it('takes the file over the defaults and flags over the file, key by key, code options included', () => {
    const file = fromFile({
      inputs: ['a.wsdl'],
      out: 'src/soap/',
      quiet: true,
      maxFileSize: 1,
      strict: true,
      options: { parameters: 'object', dates: 'string', agentSuffix: 'Client' },
    });
    const flags = flagValues({ quiet: false, 'fetch-timeout': 2.5, dates: 'Date', int64: 'bigint', 'agent-suffix': '' });
    expect(mergeSettings(['b.wsdl'], flags, file)).toEqual({
      configFile: 'wsdl-agents.config.json',
      inputs: ['b.wsdl'],
      out: 'src/soap',
      quiet: false,
      allowRemote: false,
      maxFileBytes: 1024 * 1024,
      fetchTimeout: 2500,
      strict: true,
      codeOptions: { parameters: 'object', dates: 'Date', int64: 'bigint', agentSuffix: '' },
    });
    expect(mergeSettings([], flagValues({}), file).inputs).toEqual(['a.wsdl']);
  });

  it('checks each flag by the rule of its key', () => {
    expect(() => flagValues({ descriptors: 'module' })).toThrow(new UsageError('--descriptors must be one of "folder", "wsdl"'));
    expect(() => flagValues({ out: '' })).toThrow(new UsageError('--out needs a value'));
    expect(() => flagValues({ 'type-prefix': ['A', 'B'] })).toThrow(new UsageError('--type-prefix is given more than once'));
    expect(() => flagValues({ 'max-positional-parameters': Number.NaN })).toThrow(new UsageError('--max-positional-parameters must be a whole number from 0 to 100 (parameters)'));
    expect(flagValues({ 'type-prefix': '', 'max-positional-parameters': 0 })).toEqual({ options: { typePrefix: '', maxPositionalParameters: 0 } });
  });
});
