// Proves the packages installable outside the workspace: packs every publishable @banli/* package (pnpm pack
// turns workspace:/catalog: ranges into versions), installs the tarballs with npm into a fresh project in the
// system temp directory, then runs the root README's example there as ESM and as CommonJS and type-checks it
// with tsc --strict (module nodenext). Needs the packages built (dist). Exit code 0 only if all of it passes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const work = mkdtempSync(join(tmpdir(), 'banli-pack-'));
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);

const publishable = readdirSync(join(root, 'packages')).filter((name) => {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
  return !pkg.private && pkg.name.startsWith('@banli/');
});
const files = {};
for (const name of publishable) {
  const out = run('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', tarballs], join(root, 'packages', name));
  const tgz = out.trim().split('\n').at(-1).trim();
  const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
  files[pkg.name] = `file:${resolve(join(root, 'packages', name), tgz)}`;
}
console.log(`packed: ${Object.keys(files).join(', ')}`);

const catalog = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
const pinned = (name) => new RegExp(`^\\s+"?${name}"?: (\\S+)$`, 'm').exec(catalog)?.[1];
const project = join(work, 'consumer');
mkdirSync(project);
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify(
    {
      name: 'banli-consumer',
      private: true,
      dependencies: files,
      devDependencies: { typescript: pinned('typescript'), '@types/node': pinned('@types/node') },
      overrides: files,
    },
    null,
    2,
  ),
);
run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], project);

// The README's first TypeScript example, as ESM, as CommonJS (imports turned into require, top-level await in an
// async function) and as TypeScript for tsc.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
if (!example) throw new Error('no ```ts example in README.md');
const stripTypes = (code) => code.replace(/ as const/g, '');
writeFileSync(join(project, 'example.mjs'), stripTypes(example));
const cjs = stripTypes(example).replace(/^import \{([^}]+)\} from '([^']+)';$/gm, (_, names, from) => {
  const bindings = names
    .split(',')
    .map((n) => n.trim().replace(/\s+as\s+/, ': '))
    .filter(Boolean)
    .join(', ');
  return `const { ${bindings} } = require('${from}');`;
});
const lines = cjs.split('\n');
const body = lines.filter((l) => !l.startsWith('const {') || !l.includes('require(')).join('\n');
const requires = lines.filter((l) => l.startsWith('const {') && l.includes('require(')).join('\n');
writeFileSync(
  join(project, 'example.cjs'),
  `${requires}\n(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exit(1); });\n`,
);
writeFileSync(join(project, 'example.mts'), example);
writeFileSync(
  join(project, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      noEmit: true,
      types: ['node'],
      skipLibCheck: false,
    },
    files: ['example.mts'],
  }),
);

const esm = run(process.execPath, ['example.mjs'], project);
const commonjs = run(process.execPath, ['example.cjs'], project);
if (esm !== commonjs) throw new Error(`ESM and CommonJS outputs differ:\n${esm}\n---\n${commonjs}`);
if (!/\S/.test(esm)) throw new Error('the example printed nothing');
run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], project);
console.log(`the example printed ${esm.trimEnd().split('\n').length} lines, the same as ESM and as CommonJS`);

// `pg` and `@electric-sql/pglite` are optional peers of @banli/store-postgres: installed without them, the package
// still loads, and creating a store on a missing driver is refused with STORE_DRIVER_MISSING (ESM and CommonJS).
const storeOnly = join(work, 'store-only');
mkdirSync(storeOnly);
const storeDeps = Object.fromEntries(['@banli/store-postgres', '@banli/sdk'].map((name) => [name, files[name]]));
writeFileSync(
  join(storeOnly, 'package.json'),
  JSON.stringify({ name: 'banli-store-only', private: true, dependencies: storeDeps, overrides: files }, null, 2),
);
run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], storeOnly);
for (const driver of ['pg', '@electric-sql/pglite']) {
  if (existsSync(join(storeOnly, 'node_modules', driver)))
    throw new Error(`${driver} was installed although it is an optional peer`);
}
const probe = `
  const out = [];
  for (const [name, open] of [
    ['pg', () => createPostgresStore({ connectionString: 'postgres://127.0.0.1:9/none' })],
    ['pglite', () => createPgliteStore({})],
  ]) out.push(name + ' ' + (await open().then(() => 'opened', (e) => e.code)));
  console.log(out.join('\\n'));`;
writeFileSync(
  join(storeOnly, 'drivers.mjs'),
  `import { createPgliteStore, createPostgresStore } from '@banli/store-postgres';\n${probe}\n`,
);
writeFileSync(
  join(storeOnly, 'drivers.cjs'),
  `const { createPgliteStore, createPostgresStore } = require('@banli/store-postgres');\n(async () => {${probe}\n})();\n`,
);
const expected = 'pg STORE_DRIVER_MISSING\npglite STORE_DRIVER_MISSING';
for (const file of ['drivers.mjs', 'drivers.cjs']) {
  const got = run(process.execPath, [file], storeOnly).trim();
  if (got !== expected) throw new Error(`${file}: expected\n${expected}\ngot\n${got}`);
}
console.log(
  'without pg and PGlite installed, @banli/store-postgres loads and refuses each store with STORE_DRIVER_MISSING',
);
console.log(
  `pack-install: ${publishable.length} packages installed with npm in ${project}; README example ran as ESM and CommonJS and type-checked (strict)`,
);
