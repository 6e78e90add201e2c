#!/usr/bin/env node
/** The `wsdl-agents` executable (package.json "bin"); the command line itself is in src/cli/. */
import module from 'node:module';
import { hideBin } from 'yargs/helpers';

// Node 22.1+ caches compiled code between runs: most runs of a build step change nothing
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./cli/main.js');

process.exitCode = await main(hideBin(process.argv));
