import type { Lang } from '../i18n.js';
import type { Bilingual } from './errors.js';

/** One option of a command, e.g. `--proposals N`. */
export interface OptionSpec<T = unknown> {
  /** `string` options take a value (`--seed 7` or `--seed=7`); `boolean` ones are flags. */
  type: 'string' | 'boolean';
  /** The placeholder of the value in help, e.g. `N` or `目录`/`dir`. */
  value?: Bilingual;
  /** What the option does, one line per locale. */
  description: Bilingual;
  /** The default, shown in help (as given, or as `defaultText`) and used when the option is absent. */
  default?: T;
  /** How the default is shown in help when it is not the plain value. */
  defaultText?: Bilingual;
  /** Converts and checks the raw value; throws `UsageError` (from `usage()`) on a bad one. */
  parse?: (raw: string) => T;
}

/** A positional argument, e.g. the proposal id of `show`. */
interface PositionalSpec {
  /** The placeholder in help, per locale. */
  name: Bilingual;
  description: Bilingual;
  required: boolean;
}

/**
 * The value type of an option spec: what its `parse` returns (or `string`; `boolean` for flags), `undefined` too
 * when it has no default.
 */
type OptionValue<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { parse: (raw: string) => infer T }
    ? S extends { default: unknown }
      ? T
      : T | undefined
    : S extends { default: infer D }
      ? D
      : string | undefined;

/** What a command's `run` gets. */
interface CommandContext<O extends Record<string, OptionSpec>> {
  /** The output language (`--lang`). */
  lang: Lang;
  /** The parsed options, keyed by their long name without dashes. */
  options: { [K in keyof O]: OptionValue<O[K]> };
  /** The positional arguments after the command's name. */
  positionals: string[];
  /** Writes one line (or block) to stdout. */
  out: (text: string) => void;
  /** The progress/diagnostics stream (stderr). */
  err: NodeJS.WriteStream;
}

/**
 * A subcommand of `banli-demo`. Every file in `src/commands/` default-exports one (`defineCommand`); the CLI finds
 * them by listing that folder, so a new subcommand is one new file there.
 */
export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** One or more words, e.g. `simulate` or `calendar add`. */
  name: string;
  /** Run when no command is named (only one command may set this). */
  isDefault?: boolean;
  /** Sorting key in the command list of `--help` (lower first; then by name). */
  order?: number;
  /** One line for the command list. */
  summary: Bilingual;
  /** A paragraph for the command's own help (optional). */
  description?: Bilingual;
  positionals?: readonly PositionalSpec[];
  /** The options, keyed by long name without dashes (`proposals` → `--proposals`). */
  options: O;
  /** Example command lines for help. */
  examples?: readonly string[];
  /** Runs the command; resolves to the exit code. */
  run(ctx: CommandContext<O>): Promise<number> | number;
}

/** Declares a subcommand with its options' types inferred (identity at run time). */
export function defineCommand<O extends Record<string, OptionSpec>>(command: Command<O>): Command<O> {
  return command;
}
