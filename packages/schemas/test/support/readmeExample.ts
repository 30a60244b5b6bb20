import { format } from 'node:util';
import ts from 'typescript';

// Runs a README's examples as written, so an example that drifts from the API fails a test. Shared by every package's
// readme test (schemas is the package every other one depends on, so the import points the same way as the code's).

/**
 * The code of a README's ```ts blocks, in order (indented ones too, dedented). With `under` (a heading line such as `'## Example'`), only the blocks
 * of that section, up to the next heading of the same or a higher level.
 */
export function tsBlocks(readme: string, under?: string): string[] {
  let text = readme;
  if (under !== undefined) {
    const start = readme.indexOf(`\n${under}\n`);
    if (start < 0) throw new Error(`README: no heading ${under}`);
    const level = /^#+/.exec(under)?.[0].length ?? 2;
    const rest = readme.slice(start + under.length + 2);
    const end = rest.search(new RegExp(`\\n#{1,${level}} `));
    text = end < 0 ? rest : rest.slice(0, end);
  }
  // A block may be indented (inside a list item): its lines lose that indent.
  return [...text.matchAll(/^( *)```ts\n([\s\S]*?)^\1```/gm)].map(([, indent = '', code = '']) =>
    code.replaceAll(new RegExp(`^${indent}`, 'gm'), ''),
  );
}

/** A value an example shows in a comment (`expr; // 'value'`, or `// value` on the next line), with what it is. */
interface ShownValue {
  /** The statement, as the README prints it. */
  code: string;
  /** The value the comment shows. */
  shown: unknown;
  /** The value the statement gives. */
  actual: unknown;
}

/** A line an example says it prints (`console.log(…); // printed text`), with what it printed. */
interface ShownPrint {
  /** The comment: what the README says is printed. */
  shown: string;
  /** What the statement printed (`util.format` of its arguments, as `console.log` prints them), if it ran. */
  actual: string | undefined;
}

/** What running an example gave. */
export interface ExampleRun {
  /** Every value shown in a comment, with the statement's own. */
  values: ShownValue[];
  /** Every print a comment shows, with what was printed. */
  prints: ShownPrint[];
  /** Every line printed with `console.log`, in order. */
  printed: string[];
}

/** How to run an example. */
export interface ExampleOptions {
  /** The modules its imports name, by specifier (a namespace object each, as `import * as m` gives). */
  modules: Record<string, unknown>;
  /** Names the example leaves to the reader (`text` for a notice's text), by name. */
  globals?: Record<string, unknown>;
  /** Text to replace in the code before it runs (a data directory, a port), each pair as `[from, to]`. */
  replace?: [string, string][];
}

/**
 * Runs a README example as written: TypeScript's types stripped (`transpileModule`), its imports answered from
 * `options.modules` (an import of anything else throws), top-level `await` allowed. Comments that show a value are
 * checked against it: `expr; // 'B'` (a literal: a string, number, boolean, `null`, an array or an object) and a
 * comment line holding only a literal under such a statement compare the statement's value; `console.log(…); // text`
 * compares the line printed. Other comments, and any with an ellipsis (…), are prose and are not read.
 */
export async function runExample(code: string, options: ExampleOptions): Promise<ExampleRun> {
  let source = code;
  for (const [from, to] of options.replace ?? []) {
    if (!source.includes(from)) throw new Error(`README example: nothing to replace for ${from}`);
    source = source.replaceAll(from, to);
  }
  const lines = source.split('\n');
  const values: ShownValue[] = [];
  const prints: (ShownPrint & { line: number })[] = [];
  const valueAt = new Map<number, { code: string; shown: unknown }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const commented = /^(.*\S);\s+\/\/ (.*)$/.exec(line);
    const next = /^\s*\/\/ (.*)$/.exec(lines[i + 1] ?? '');
    const comment = commented?.[2] ?? (/;$/.test(line) && next ? next[1] : undefined);
    // An elided comment (`'a', 'b', …`) describes rather than shows.
    if (comment === undefined || comment.includes('…')) continue;
    const statement = commented?.[1] ?? line.slice(0, -1);
    const printAt = printStart(lines, i);
    if (printAt !== undefined) {
      if (commented === undefined) continue;
      prints.push({ line: printAt, shown: comment, actual: undefined });
      lines[printAt] = (lines[printAt] ?? '').replace('console.log(', `__print(${printAt}, `);
      continue;
    }
    const literal = literalPrefix(comment);
    const indent = /^\s*/.exec(statement)?.[0] ?? '';
    const expr = statement.trim();
    if (literal === undefined || /^(const|let|var|import|export|return|if|for|while|await using)\b/.test(expr))
      continue;
    if (/^[)\]},.]/.test(expr) || continues(lines[i - 1] ?? '')) continue; // not a statement of its own
    valueAt.set(i, { code: expr, shown: new Function(`return (${literal});`)() });
    lines[i] = `${indent}__shown(${i}, ${expr});`;
  }
  const js = ts.transpileModule(lines.join('\n'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: false,
  }).outputText;
  const printed: string[] = [];
  const printedAt = new Map<number, string>();
  const require = (specifier: string) => {
    if (!(specifier in options.modules)) throw new Error(`README example imports ${specifier}, not given to the test`);
    return options.modules[specifier];
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const globals = options.globals ?? {};
  const run = new AsyncFunction('require', 'exports', 'console', '__shown', '__print', ...Object.keys(globals), js);
  await run(
    require,
    {},
    { ...console, log: (...args: unknown[]) => printed.push(format(...args)) },
    (line: number, actual: unknown) => {
      const at = valueAt.get(line);
      if (at !== undefined) values.push({ ...at, actual });
      return actual;
    },
    (line: number, ...args: unknown[]) => {
      const text = format(...args);
      printed.push(text);
      printedAt.set(line, text);
    },
    ...Object.values(globals),
  );
  return {
    values,
    prints: prints.map(({ shown, line }) => ({ shown, actual: printedAt.get(line) })),
    printed,
  };
}

/** The line where the `console.log(` of the statement ending on line `end` starts, if that statement prints. */
function printStart(lines: string[], end: number): number | undefined {
  for (let i = end; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.includes('console.log(')) return i;
    if (i < end && (/[;{}]\s*$/.test(line) || line.trim() === '')) return undefined;
  }
  return undefined;
}

/** The JavaScript literal a comment starts with (a quoted string, a number, a keyword, or a balanced `[…]`/`{…}`). */
function literalPrefix(comment: string): string | undefined {
  const simple = /^('[^']*'|-?\d[\d_]*(\.\d+)?|true|false|null)(?=$|[\s,;—(])/.exec(comment);
  if (simple) return simple[1];
  const open = comment[0];
  if (open !== '[' && open !== '{') return undefined;
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < comment.length; i++) {
    const c = comment[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && (c === '[' || c === '{')) depth++;
    else if (!quoted && (c === ']' || c === '}') && --depth === 0) return comment.slice(0, i + 1);
  }
  return undefined;
}

/** Whether a line leaves an expression open (`f(`, `a,`, `{` of an object literal), so the next line is not a statement. */
function continues(line: string): boolean {
  const text = line.trim();
  if (/[,([]$/.test(text)) return true;
  // A `{` that opens a block (`try {`, `) {`, `=> {`, `else {`) does not.
  return text.endsWith('{') && !/(\)|=>|\btry|\belse|\bfinally|\bdo)\s*\{$/.test(text);
}
