import { type Bilingual, BilingualError } from '@banli/sdk';

// The one bilingual text type (`{ 'zh-CN': string; en: string }`), defined in @banli/schemas; the demo had its own.
export type { Bilingual };

/** Codes of the errors the demo CLI itself raises (the SDK's `BanliError` codes are printed as they are). */
export type CliErrorCode = 'USAGE' | 'STORE_NOT_FOUND' | 'STORE_NOT_A_DIRECTORY' | 'OUTPUT';

/**
 * A refusal by the demo CLI: a stable `code`, a zh-CN and an en message, and the exit code.
 * Printed as one line (plus the usage line for `USAGE`); nothing is written when it is thrown.
 */
export class CliError extends BilingualError<CliErrorCode> {
  /** The process exit code: 2 for a bad command line or store location. */
  readonly exitCode: number;
  /** The command the error is about, for its usage line. */
  readonly command: string | undefined;

  constructor(code: CliErrorCode, messages: Bilingual, options: { exitCode?: number; command?: string } = {}) {
    super(code, messages);
    this.exitCode = options.exitCode ?? 2;
    this.command = options.command;
    this.name = new.target.name;
  }
}

/** A bad command line (unknown command or option, missing or malformed value); exit code 2. */
export class UsageError extends CliError {
  constructor(messages: Bilingual, command?: string) {
    super('USAGE', messages, command === undefined ? {} : { command });
  }
}

/** A `UsageError` from a zh-CN and an en text. */
export const usage = (zh: string, en: string, command?: string): UsageError =>
  new UsageError({ 'zh-CN': zh, en }, command);
