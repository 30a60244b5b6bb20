// The root `pnpm demo` script: builds @banli/demo and the packages it uses with turbo (cached after the first
// run), saying so on stderr first, then runs the CLI with the given arguments and exits with its code.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs `build`, then `run`, each as [command, ...args] with inherited output, telling `stderr` what happens first.
 * Resolves to the exit code of the build when it fails, else of the run.
 *
 * @param {{ build: string[]; run: string[]; stderr?: NodeJS.WritableStream; cwd?: string; lang?: 'zh-CN' | 'en' }} options
 * @returns {Promise<number>}
 */
export async function buildThenRun({ build, run, stderr = process.stderr, cwd = root, lang = 'zh-CN' }) {
  const say = (zh, en) => stderr.write(`${lang === 'en' ? en : zh}\n`);
  say(
    'banli demo：正在构建 @banli/demo 及其依赖的包（turbo；首次运行可能需要几分钟，之后使用缓存）……',
    'banli demo: building @banli/demo and the packages it uses (turbo; the first run can take a few minutes, later runs are cached)…',
  );
  const started = Date.now();
  const built = await exec(build, cwd);
  if (built !== 0) {
    say(`构建失败（退出码 ${built}）`, `the build failed (exit code ${built})`);
    return built;
  }
  const s = ((Date.now() - started) / 1000).toFixed(1);
  say(`构建完成（${s} 秒），运行 banli-demo ……`, `built in ${s} s; running banli-demo…`);
  return exec(run, cwd);
}

/** @param {string[]} argv @param {string} cwd @returns {Promise<number>} */
function exec([command, ...args], cwd) {
  return new Promise((resolve) => {
    const child = spawn(/** @type {string} */ (command), args, { cwd, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const lang = i < 0 ? undefined : args[i]?.includes('=') ? args[i]?.split('=')[1] : args[i + 1];
  const turbo = ['npx', 'turbo', 'run', 'build', '--filter=@banli/demo...', '--output-logs=errors-only'];
  process.exitCode = await buildThenRun({
    build: turbo,
    run: [process.execPath, 'apps/demo/dist/main.js', ...args],
    lang: lang === 'en' ? 'en' : 'zh-CN',
  });
}
