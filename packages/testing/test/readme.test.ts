import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestHarness } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('should use no `await using` statement in its examples (a SyntaxError on Node 20)', () => {
    const code = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').join('\n');
    const statements = code.split('\n').filter((line) => /^\s*await using\b/.test(line));
    expect(statements).toEqual([]);
    expect(readme).not.toContain('Harness: `await using');
  });

  it('should run its harness example as written for Node 20', async () => {
    const h = createTestHarness({ start: '2023-09-28' });
    try {
      expect(h.advanceWorkingDays(1)).toBe('2023-10-07');
    } finally {
      await h.dispose();
    }
  });
});
