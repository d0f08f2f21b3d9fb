import { Command } from 'commander';
import { registerExtractCommand } from './extract-command';
import { registerImportCommand } from './import-command';
import { registerKeyCommands } from './keys-command';
import { registerImportFactchecksCommand } from './import-factchecks-command';
import { registerServiceCommands } from './service-commands';

/** Builds the `claimtrack` command line; each feature registers its own subcommands. */
export function buildProgram(): Command {
  const program = new Command('claimtrack')
    .description('Fact-checking and claim tracking: articles in, attributable claims out.')
    .showHelpAfterError();
  registerServiceCommands(program);
  registerExtractCommand(program);
  registerImportCommand(program);
  registerKeyCommands(program);
  registerImportFactchecksCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
