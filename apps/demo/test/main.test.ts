import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

it('should print the seed document number', () => {
  const out = execFileSync(process.execPath, [main], { encoding: 'utf8' });
  expect(out).toContain('中商务电函〔2023〕12号: valid');
});
