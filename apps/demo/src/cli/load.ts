import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from './command.js';

/**
 * Loads every subcommand: each `.js` (built) or `.ts` (source, under vitest) file in `dir` (main's `./commands/`)
 * default-exports one `Command`. Sorted by `order`, then name; duplicate names are a bug.
 */
export async function loadCommands(dir: URL): Promise<Command[]> {
  const files = readdirSync(fileURLToPath(dir))
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const commands: Command[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(fileURLToPath(new URL(file, dir))).href)) as { default?: Command };
    if (!mod.default || typeof mod.default.run !== 'function')
      throw new Error(`src/commands/${file} must default-export a command (defineCommand)`);
    commands.push(mod.default);
  }
  const names = new Set<string>();
  for (const c of commands) {
    if (names.has(c.name)) throw new Error(`two commands are named "${c.name}"`);
    names.add(c.name);
  }
  if (commands.filter((c) => c.isDefault).length > 1) throw new Error('more than one default command');
  return commands.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.name.localeCompare(b.name));
}
