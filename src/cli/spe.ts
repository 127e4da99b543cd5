#!/usr/bin/env node
import 'reflect-metadata';
import { ConfigError } from '../config/config.error';
import { Command, runCommand, UsageError } from './command';
import { dbMigrateCommand } from './commands/db-migrate.command';
import { federationInitCommand } from './commands/federation-init.command';
import { federationUpCommand } from './commands/federation-up.command';

const COMMANDS: readonly Command[] = [federationInitCommand, federationUpCommand, dbMigrateCommand];

const HELP = `Usage: spe <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(18)} ${c.summary}`).join('\n')}

Run "spe <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const command = COMMANDS.find((c) => {
    const words = c.name.split(' ');
    return words.every((w, i) => argv[i] === w);
  });
  if (!command) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
      process.stdout.write(`${HELP}\n`);
      return argv.length === 0 ? 2 : 0;
    }
    process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${HELP}\n`);
    return 2;
  }
  return runCommand(command, argv.slice(command.name.split(' ').length));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
