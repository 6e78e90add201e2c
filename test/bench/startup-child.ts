/**
 * A fresh process's time to its first call, for one side: load the library, make a client, make
 * one Preference.GetAll call answered by a stand-in transport (no network). Prints the phases in
 * milliseconds as JSON; `sinceProcessStart` also counts node's own start-up, the same for both.
 *
 * startup.bench.ts compiles this file (with the generated code, see compile.ts) and runs the
 * JavaScript with plain `node`, so neither side pays for TypeScript transpilation:
 *   node .test-output/bench/js/test/bench/startup-child.js <ours|node-soap> <wsdl> <response.xml>
 */
import { readFileSync } from 'node:fs';

const [side, wsdlPath, responsePath] = process.argv.slice(2);
const body = readFileSync(responsePath);
const text = () => body.toString('utf8');

const start = performance.now();
let imported: number;
let constructed: number;
let items: number;
if (side === 'ours') {
  const { PreferenceAgent } = await import('../../generated/Services86/index.js');
  imported = performance.now();
  const agent = new PreferenceAgent({
    fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' } }),
  });
  constructed = performance.now();
  items = (await agent.getAll())?.length ?? -1;
} else if (side === 'node-soap') {
  const soap = await import('soap');
  imported = performance.now();
  const client = await soap.createClientAsync(wsdlPath, {
    httpClient: {
      request(_url, _data, callback) {
        callback(null, { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, data: text() }, text());
        return undefined as never;
      },
    },
  });
  constructed = performance.now();
  const [result] = (await client.GetAllAsync({})) as [{ Response: { PreferenceDescription: unknown } }];
  items = result.Response.PreferenceDescription ? 1 : -1;
} else {
  throw new Error(`unknown side "${side}"`);
}
const called = performance.now();

process.stdout.write(
  JSON.stringify({
    items,
    importMs: imported - start,
    constructMs: constructed - imported,
    firstCallMs: called - constructed,
    totalMs: called - start,
    sinceProcessStart: called,
  }),
);
