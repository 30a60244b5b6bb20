import type { Bilingual } from '@banli/schemas';

/** Where a failure or warning happened: the step as run and as written. */
export interface StepLocation {
  /** 1-based position among the steps as run (helpers expanded). */
  step: number;
  /** 1-based position in the scenario as written (the steps of one helper call count as one). */
  written: number;
  /** The helper that produced the step, e.g. `draftAndSign`; absent for a literal step. */
  helper?: string;
  /** `file:line` of the helper call, or of `defineScenario` for a literal step, when the stack shows it. */
  line?: string;
  /** The step's date. */
  date: string;
  /** The event type (`proposal.submit` for the submission, `tick` for the scheduler). */
  event: string;
  /** The actor as written (`unit:zs-commerce`), absent for ticks. */
  by?: string;
  /** The unit whose case the step targets. */
  case?: string;
}

/** What a failed check was about. */
export type FailureCheck =
  | 'proposal'
  | 'case'
  | 'refused'
  | 'unexpectedRefusal'
  | 'emitted'
  | 'emittedExactly'
  | 'notEmitted'
  | 'deadline'
  | 'noDeadline'
  | 'deadlineMoved'
  | 'letter'
  | 'missedDeadlines'
  | 'date';

/** One expectation that did not hold, with everything needed to see why. */
export interface ScenarioFailure {
  check: FailureCheck;
  /** The step, or absent for the scenario's final `outcome`. */
  at?: StepLocation;
  /** What the scenario expected (as written). */
  expected: unknown;
  /** What actually happened. */
  actual: unknown;
  /** The SDK's own message when the step was refused. */
  sdkMessage?: Bilingual;
  /** A one-line summary in zh-CN and en. */
  messages: Bilingual;
}

/** Something that passed but looks wrong, e.g. an official act on a rest day. */
export interface ScenarioWarning {
  code: 'restDay';
  at: StepLocation;
  messages: Bilingual;
}

const show = (v: unknown): string => {
  if (v === undefined) return '(nothing)';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map(show).join(', ');
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

/** One line naming a step: `step 14 (written 9, draftAndSign at file:line) · 2023-04-18 · tick`. */
export function formatLocation(at: StepLocation | undefined, lang: keyof Bilingual = 'en'): string {
  if (!at) return lang === 'en' ? 'outcome' : '最终结果';
  const origin = [at.helper ? `${at.helper}()` : '', at.line ?? '']
    .filter(Boolean)
    .join(lang === 'en' ? ' at ' : ' 于 ');
  const head =
    lang === 'en'
      ? `step ${at.step} (written step ${at.written}${origin ? `, ${origin}` : ''})`
      : `第 ${at.step} 步（书写第 ${at.written} 步${origin ? `，${origin}` : ''}）`;
  const who = at.by ? ` · ${at.by}` : '';
  const kase = at.case ? ` · case ${at.case}` : '';
  return `${head} · ${at.date} · ${at.event}${who}${kase}`;
}

/**
 * Renders a failure as a small readable diff: where, what, `- expected`, `+ actual`, and the SDK's message.
 *
 * @example
 * ```ts
 * console.log(run.failures.map((f) => formatFailure(f)).join('\n\n'));
 * ```
 */
export function formatFailure(f: ScenarioFailure, lang: keyof Bilingual = 'en'): string {
  const lines = [`✗ ${formatLocation(f.at, lang)}`, `  ${f.messages[lang]}`];
  lines.push(`  - ${lang === 'en' ? 'expected' : '预期'}: ${show(f.expected)}`);
  lines.push(`  + ${lang === 'en' ? 'actual' : '实际'}:   ${show(f.actual)}`);
  if (f.sdkMessage) lines.push(`  ${lang === 'en' ? 'SDK' : 'SDK 消息'}: ${f.sdkMessage[lang]}`);
  return lines.join('\n');
}

/** Renders every failure of a run, separated by blank lines (empty string when there is none). */
export function formatFailures(failures: readonly ScenarioFailure[], lang: keyof Bilingual = 'en'): string {
  return failures.map((f) => formatFailure(f, lang)).join('\n\n');
}
