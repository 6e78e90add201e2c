#!/usr/bin/env node
/** The `wsdl-agents` executable (package.json "bin"); the command line itself is in src/cli/. */
import { hideBin } from 'yargs/helpers';
import { main } from './cli/main.js';

process.exitCode = await main(hideBin(process.argv));
