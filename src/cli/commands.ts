/** Every command of the command line, in the order the top-level help lists them. */
import type { CliCommand } from './command.js';
import { diffCommand } from './diff.js';
import { generateCommand } from './generate.js';
import { initCommand } from './init.js';
import { mockCommand } from './mock.js';

export const COMMANDS: readonly CliCommand[] = [generateCommand, diffCommand, initCommand, mockCommand];

/** Run when the command line does not start with a command word (`wsdl-agents`, `wsdl-agents x.wsdl`). */
export const DEFAULT_COMMAND: CliCommand = generateCommand;
