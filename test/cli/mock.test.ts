/** `wsdl-agents mock` as users run it: a server on a free port, one log line per request, Ctrl-C. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DiagnosticsAgent } from '../../generated/Services86/index.js';
import { closeServer, listenOnLoopback } from '../e2e/loopback.js';
import { tempFiles } from '../helpers/wsdl-builder.js';
import { ROOT, RunningCli, runCli } from './source-cli.js';

const SERVICES86 = path.join(ROOT, 'test/fixtures/superoffice/Services86');

/** A project with wsdl/ and examples/ as SuperOffice documents them, and a misspelt example. */
function project(): string {
  const dir = tempFiles({});
  cpSync(path.join(SERVICES86, 'Diagnostics.wsdl'), path.join(dir, 'wsdl/Diagnostics.wsdl'));
  cpSync(path.join(SERVICES86, 'examples/Diagnostics'), path.join(dir, 'examples/Diagnostics'), { recursive: true });
  writeFileSync(path.join(dir, 'examples/Diagnostics/FlushCache.response.xml'), '');
  return dir;
}

let running: RunningCli | undefined;
afterEach(() => running?.kill());

describe('wsdl-agents mock', () => {
  it('serves the examples on a free port to a generated agent, logs each request, and ends with 0 on Ctrl-C', async () => {
    const cli = (running = new RunningCli(project(), ['mock', '--examples', 'examples', '--port', '0']));
    const [, base] = await cli.waitFor(/^Mocking 1 agent, 11 operations \(8 with an example\) at (http:\/\/127\.0\.0\.1:\d+)\/\n/);
    await cli.waitFor(/Press Ctrl-C to stop\.\n/);
    expect(cli.stdout).toContain(`  Diagnostics: ${base}/Cust12345/Remote/Services86/Diagnostics.svc (8 of 11 operations with an example)\n`);
    expect(cli.stdout).toContain(
      'warning: examples/Diagnostics/FlushCache.response.xml answers no operation; did you mean Diagnostics/FlushCaches.response.xml?\n',
    );

    const agent = new DiagnosticsAgent({ endpoint: `${base}/Cust12345/Remote/Services86/Diagnostics.svc` });
    await expect(agent.flushCachesByName(['Lists'])).resolves.toBeUndefined();
    await cli.waitFor(/POST \/Cust12345\/Remote\/Services86\/Diagnostics\.svc: 200 Diagnostics\.FlushCachesByName: Diagnostics\/FlushCachesByName\.response\.xml\n/);
    await expect(agent.getCacheNames()).rejects.toMatchObject({ reason: expect.stringContaining('no example response for Diagnostics.GetCacheNames') });
    await cli.waitFor(/: 500 Fault: the mock server has no example response for Diagnostics\.GetCacheNames/);

    expect(await cli.interrupt()).toBe(0);
    expect(cli.stderr).toBe('');
  });

  it('takes its inputs from the configuration', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'elsewhere'));
    cpSync(path.join(dir, 'wsdl/Diagnostics.wsdl'), path.join(dir, 'elsewhere/Diagnostics.wsdl'));
    writeFileSync(path.join(dir, 'wsdl-agents.config.json'), '{ "inputs": ["elsewhere/Diagnostics.wsdl"] }');
    const cli = (running = new RunningCli(dir, ['mock', '--examples', 'examples', '--port', '0']));
    await cli.waitFor(/Mocking 1 agent, 11 operations/);
    expect(await cli.interrupt()).toBe(0);
  });

  it('usage and input mistakes end it at once', async () => {
    const dir = project();
    expect(runCli(dir, 'mock')).toMatchObject({ code: 2, stderr: expect.stringContaining('error: --examples <folder> is needed') });
    expect(runCli(dir, 'mock', '--examples', 'examples', '--port', '70000')).toMatchObject({ code: 2, stderr: expect.stringContaining('--port must be a whole number from 0 to 65535') });
    expect(runCli(dir, 'mock', '--examples', 'nope')).toEqual({ code: 1, stdout: '', stderr: 'error: the examples folder "nope" does not exist\n' });
    expect(runCli(dir, 'mock', 'missing.wsdl', '--examples', 'examples')).toMatchObject({ code: 1, stderr: 'error: cannot read "missing.wsdl": no such file or folder\n' });

    const taken = http.createServer();
    const base = await listenOnLoopback(taken);
    try {
      const port = new URL(base).port;
      expect(runCli(dir, 'mock', '--examples', 'examples', '--port', port)).toEqual({
        code: 1,
        stdout: '',
        stderr: `error: cannot listen on 127.0.0.1:${port}: port ${port} is in use; choose another with --port (0 picks a free one)\n`,
      });
    } finally {
      await closeServer(taken);
    }
  });
});
