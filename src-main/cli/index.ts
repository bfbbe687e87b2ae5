// `atelier` — the command line over the same services as the desktop app and browser mode.
import { Command, CommanderError } from 'commander';
import { AtelierError } from '../contract/errors';
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
    .showHelpAfterError()
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
  registerInsightCommands(program, globals);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
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
    const message = error instanceof AtelierError ? error.message : `Unexpected error: ${(error as Error).message ?? String(error)}`;
    process.stderr.write(`atelier: ${message}\n`);
    return 1;
  }
}
