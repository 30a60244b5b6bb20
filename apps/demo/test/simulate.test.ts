import { describe, expect, it } from 'vitest';
import { cli } from './support.js';

describe('banli-demo simulate', () => {
  it('should print a per-unit statistics table and the slowest cases, the same for the same seed', () => {
    const a = cli('simulate', '--proposals', '25', '--seed', '7', '--lang', 'en');
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toMatch(/^Simulated 25 proposals in 2025 \(seed 7\)/);
    expect(a.stdout).toMatch(/^unit +cases +on-time rate +satisfaction/m);
    const total = a.stdout.match(/^total +(\d+) +([\d.]+%|—)/m);
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(25);
    expect(a.stdout).toMatch(/^Slowest cases$/m);
    expect(a.stdout).toMatch(/^sim-2025-\d{6} /m);
    const b = cli('simulate', '--seed', '7', '--proposals', '25', '--lang', 'en');
    const strip = (s: string) => s.replace(/elapsed [\d.]+ s/, '');
    expect(strip(b.stdout)).toBe(strip(a.stdout));
  });

  it("should simulate the calendar's last year (2026), its follow-up by the statutory estimate", () => {
    const r = cli('simulate', '--year', '2026', '--proposals', '60', '--seed', '4', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Simulated 60 proposals in 2026 \(seed 4\) · 2026-01-\d\d – 2027-/);
    expect(r.stdout).not.toMatch(/refused commands/);
  });

  it('should accept a policy preset and a year', () => {
    const r = cli('simulate', '--proposals', '10', '--seed', '1', '--policy', 'sichuan2024', '--year', '2024');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^模拟 2024 年 10 件提案（种子 1）/);
    expect(r.stdout).not.toMatch(/被拒绝的命令/);
  });
});
