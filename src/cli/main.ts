/**
 * The command line: picks the command, checks the option tokens, parses with yargs, runs the
 * command and turns its outcome into an exit code. Commands live in their own modules (commands.ts).
 */
import { existsSync } from 'node:fs';
import yargs from 'yargs';
import { WsdlError } from '../errors.js';
import { GENERATOR_BUGS_URL, GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';
import { USAGE_EXIT_CODE, UsageError, type CliCommand } from './command.js';
import { COMMANDS, DEFAULT_COMMAND } from './commands.js';
import { checkOptionTokens } from './option-tokens.js';
import { closest } from './suggest.js';

/** The exit code of a bug (sysexits' EX_SOFTWARE), distinct from every command's own codes. */
export const INTERNAL_ERROR_EXIT_CODE = 70;

const DESCRIPTION = 'Generates typed, dependency-light TypeScript agents from SOAP WSDL files.';
/** What is asked of the program as a whole rather than of a command. */
const TOP_LEVEL_REQUESTS = new Set(['--help', '-h', 'help', '--version']);

export async function main(argv: readonly string[]): Promise<number> {
  const named = COMMANDS.find((command) => command.name === argv[0]);
  const runsDefault = !named && !(argv.length === 1 && TOP_LEVEL_REQUESTS.has(argv[0]));
  const command = runsDefault ? DEFAULT_COMMAND : named;
  try {
    if (runsDefault) checkNotAMisspelledCommand(argv[0]);
    const args = runsDefault ? [DEFAULT_COMMAND.name, ...argv] : [...argv];
    if (command) checkOptionTokens(args.slice(1), command.options);
    return await parse(args);
  } catch (error) {
    if (error instanceof UsageError) {
      const helpCommand = command ? `${GENERATOR_NAME} ${command.name} --help` : `${GENERATOR_NAME} --help`;
      process.stderr.write(`error: ${error.message}\nRun "${helpCommand}" for usage.\n`);
      return USAGE_EXIT_CODE;
    }
    if (error instanceof WsdlError && command) {
      process.stderr.write(`error: ${error.message}\n`);
      return command.badInputExitCode;
    }
    const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `internal error in ${GENERATOR_NAME} ${GENERATOR_VERSION}: this is a bug; please report it, with what follows, at ${GENERATOR_BUGS_URL}\n${details}\n`,
    );
    return INTERNAL_ERROR_EXIT_CODE;
  }
}

/**
 * The default command reads its first positional as an input path, so a mistyped command word
 * (`wsdl-agents generat x.wsdl`) would become "cannot read generat". A first word close to a
 * command name that is not a file or folder is taken as that mistake instead (a URL is never close).
 */
function checkNotAMisspelledCommand(first: string | undefined): void {
  if (first === undefined || first.startsWith('-') || existsSync(first)) return;
  const meant = closest(first, COMMANDS.map((command) => command.name));
  if (meant) throw new UsageError(`unknown command "${first}"; did you mean "${meant}"?`);
}

async function parse(args: readonly string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs([...args])
    .scriptName(GENERATOR_NAME)
    .locale('en') // our own messages are English; yargs' should not switch language with the system's
    .usage(`$0 <command> [options]\n\n${DESCRIPTION}`)
    .version(GENERATOR_VERSION)
    .help()
    .alias('help', 'h')
    .strict()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  // After running a command, yargs lays out its whole help text, to show should the command later
  // fail through yargs (ours never do): a third of an up-to-date `generate`. Help is unaffected.
  (parser as unknown as { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } } })
    .getInternalMethods()
    .getUsageInstance().cacheHelpMessage = () => undefined;
  for (const command of COMMANDS) {
    parser.command(
      `${command.name} ${command.positionals}`.trim(),
      command.summary,
      (commandParser) => {
        for (const [name, positional] of Object.entries(command.positionalOptions)) commandParser.positional(name, positional);
        commandParser
          .options(command.options)
          .usage(`$0 ${command.name} ${command.positionals}\n\n${command.summary}`)
          .epilog(exitCodesText([command]));
        for (const [line, meaning] of command.examples) commandParser.example(`$0 ${line}`, meaning);
        return commandParser;
      },
      async (parsed) => {
        exitCode = await command.run(parsed);
      },
    );
    for (const [line, meaning] of command.examples) parser.example(`$0 ${line}`, meaning);
  }
  parser.epilog(`${exitCodesText(COMMANDS)}\n\nRun "${GENERATOR_NAME} <command> --help" for the options of a command.`);
  await parser.parseAsync();
  return exitCode;
}

function exitCodesText(commands: readonly CliCommand[]): string {
  const blocks = commands.map((command) =>
    [`Exit codes of ${command.name}:`, ...command.exitCodes.map(({ code, meaning }) => `  ${code}  ${meaning}`)].join('\n'),
  );
  return [...blocks, `Any command ends with ${INTERNAL_ERROR_EXIT_CODE} on an internal error (a bug: please report it).`].join('\n\n');
}
