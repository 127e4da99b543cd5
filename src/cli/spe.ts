#!/usr/bin/env node
import 'reflect-metadata';
import { ConfigError } from '../config/config.error';
import { ApiError } from './client/api-error';
import { Command, runCommand, UsageError } from './command';
import { DomainError } from '../shared/errors';
import { dataGenerateCommand } from './commands/data-generate.command';
import { dataImportCommand } from './commands/data-import.command';
import { datasetDefineCommand } from './commands/dataset-define.command';
import { datasetRegisterCommand } from './commands/dataset-register.command';
import { dbMigrateCommand } from './commands/db-migrate.command';
import { tokenCommand } from './commands/token.command';
import { federationInitCommand } from './commands/federation-init.command';
import { federationUpCommand } from './commands/federation-up.command';
import { auditVerifyCommand } from './commands/audit-verify.command';
import { demoCommand } from './commands/demo.command';
import {
  applicationsDecideCommand,
  applicationsListCommand,
  applyCommand,
  permitRevokeCommand,
  permitsListCommand,
} from './commands/application.commands';
import { jobFollowCommand, jobResultCommand, jobSubmitCommand } from './commands/job.commands';
import {
  airlockListCommand,
  airlockRejectCommand,
  airlockReleaseCommand,
} from './commands/airlock.commands';
import { auditQueryCommand } from './commands/audit-query.command';

const COMMANDS: readonly Command[] = [
  demoCommand,
  federationInitCommand,
  federationUpCommand,
  dbMigrateCommand,
  dataGenerateCommand,
  dataImportCommand,
  datasetDefineCommand,
  datasetRegisterCommand,
  tokenCommand,
  applyCommand,
  permitsListCommand,
  jobSubmitCommand,
  jobFollowCommand,
  jobResultCommand,
  applicationsListCommand,
  applicationsDecideCommand,
  airlockListCommand,
  airlockReleaseCommand,
  airlockRejectCommand,
  permitRevokeCommand,
  auditQueryCommand,
  auditVerifyCommand,
];

const HELP = `Usage: spe <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(20)} ${c.summary}`).join('\n')}

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
    if (error instanceof ApiError) {
      process.stderr.write(
        `${error.describe()}\n${formatDetails(error.details as Record<string, unknown>)}`,
      );
      process.exit(1);
    }
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n${formatDetails(error.details)}`);
      process.exit(1);
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

/** Lists the problems a refusal carries, one a line, as `file:line column: problem`. */
function formatDetails(details: Readonly<Record<string, unknown>> | undefined): string {
  const problems = (details?.problems ?? details?.issues) as
    | {
        file?: string;
        line?: number;
        column?: string;
        path?: string;
        problem?: string;
        message?: string;
        rows?: number;
      }[]
    | undefined;
  if (!problems) return '';
  const lines = problems.map((p) => {
    const place = [p.file, p.line].filter((x) => x !== undefined).join(':');
    const what = [place, p.column ?? p.path].filter(Boolean).join(' ');
    const more = p.rows && p.rows > 1 ? ` (${p.rows} rows)` : '';
    return `  ${what}: ${p.problem ?? p.message}${more}`;
  });
  const total = Number(details?.totalProblems ?? problems.length);
  if (total > problems.length) lines.push(`  … and ${total - problems.length} more`);
  return lines.join('\n') + '\n';
}
