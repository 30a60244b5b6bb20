// Module hooks for child processes in tests: `.js` specifiers that name a `.ts` source resolve to it, and `.ts` files
// are transpiled with the TypeScript compiler (types are erased; no type checking).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// Transpiled output is cached by content hash, so the second and later child processes start quickly.
const cacheDir = join(tmpdir(), 'banli-test-ts-cache');
mkdirSync(cacheDir, { recursive: true });

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
      const url = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
    throw error;
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const cached = join(
    cacheDir,
    `${createHash('sha256').update(ts.version).update(url).update(source).digest('hex')}.mjs`,
  );
  const hit = await readFile(cached, 'utf8').catch(() => undefined);
  if (hit !== undefined) return { format: 'module', source: hit, shortCircuit: true };
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: fileURLToPath(url),
  });
  // Written aside, then renamed into place (atomic): a concurrent child never reads half a file.
  const aside = `${cached}.${process.pid}.tmp`;
  await writeFile(aside, outputText)
    .then(() => rename(aside, cached))
    .catch(() => undefined);
  return { format: 'module', source: outputText, shortCircuit: true };
}
