import { parseArgs, ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage and options, printed by --help. */
  readonly help: string;
  readonly options: Options;
  run(values: Record<string, string | boolean | string[] | undefined>): Promise<number>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export async function runCommand(command: Command, argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${command.help}`);
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(parsed.values as Record<string, string | boolean | string[] | undefined>);
}
