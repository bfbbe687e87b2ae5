// `atelier` — the command line over the same services as the desktop app and browser mode.
import { Command, CommanderError } from 'commander';
import { AtelierError } from '../core/errors';
import { APP_VERSION } from '../version';
import { registerCalendarCommands } from './commands/calendar';
import { registerAssetCommands } from './commands/assets';
import { registerBackupCommands } from './commands/backups';
import { registerCaptionCommands } from './commands/captions';
import { registerClientCommands } from './commands/clients';
import { registerDesignCommands } from './commands/designs';
import { registerInsightCommands } from './commands/insights';
import { registerPackCommands } from './commands/packs';
import { registerPostCommands } from './commands/posts';
import { registerServeCommand } from './commands/serve';
import { registerSystemCommands } from './commands/system';
import type { GlobalOptions } from './context';

export function buildProgram(): Command {
  const program = new Command('atelier')
    .description('Atelier: an offline content studio for social media')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'library folder (default: $ATELIER_DATA_DIR or the Atelier user-data folder)')
    .option('--json', 'machine-readable output')
    .exitOverride();
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  registerServeCommand(program, globals);
  registerClientCommands(program, globals);
  registerPostCommands(program, globals);
  registerDesignCommands(program, globals);
  registerSystemCommands(program, globals);
  registerCalendarCommands(program, globals);
  registerAssetCommands(program, globals);
  registerBackupCommands(program, globals);
  registerCaptionCommands(program, globals);
  registerPackCommands(program, globals);
  // A usage mistake gets commander's one-line error and where to look, not the whole help.
  program.showHelpAfterError('Run `atelier --help` to see the commands.');
  registerInsightCommands(program, globals);
  for (const command of program.commands) {
    command.exitOverride();
    command.showHelpAfterError(`Run \`atelier ${command.name()} --help\` to see its usage.`);
    for (const sub of command.commands) {
      sub.exitOverride();
      sub.showHelpAfterError(`Run \`atelier ${command.name()} ${sub.name()} --help\` to see its options.`);
    }
  }
  return program;
}

/**
 * The flag a contract field comes from, so an error names what the user typed (`--title`), never
 * the method or field behind it (`posts.create: title`).
 */
const FLAGS: Record<string, string> = {
  clientId: '--client',
  title: '--title',
  caption: '--caption',
  at: '--at',
  networks: '--network',
  status: '--status',
  statuses: '--status',
  from: '--from',
  to: '--to',
  name: '--name',
  timeZone: '--timezone',
  color: '--color',
  notes: '--notes',
  out: '--out',
  format: '--format',
  dateFormat: '--date-format',
  language: '--lang',
  tags: '--tag',
  preset: '--preset',
  templateId: '--template',
};

/** The one line a failure prints: the service's sentence, with contract field names turned into flags. */
export function cliErrorLine(error: unknown): string {
  if (!(error instanceof AtelierError)) return `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
  const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
  if (error.code === 'invalid_input' && /^Invalid input for [\w.]+:/.test(error.message) && issues?.length) {
    const { path, message } = issues[0]!;
    const field = path.split('.')[0]!;
    const flag = FLAGS[field];
    return flag ? `${flag}: ${message}.` : `A value is not valid: ${message}.`;
  }
  return error.message;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; commander already printed its message.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    process.stderr.write(`atelier: ${cliErrorLine(error)}\n`);
    return 1;
  }
}
