import { readFile } from 'node:fs/promises';
import { CliError } from './errors.js';

/** A file named on the command line, read as UTF-8 text; a file that cannot be read is a `USAGE` error (exit 2). */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new CliError('USAGE', { 'zh-CN': `无法读取文件 ${path}`, en: `cannot read the file ${path}` });
  }
}
