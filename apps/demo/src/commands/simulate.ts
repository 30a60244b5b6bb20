import { chinaMainland } from '@banli/calendar';
import { presets } from '@banli/core';
import type { Store } from '@banli/sdk';
import { simulate } from '@banli/testing';
import { defineCommand } from '../cli/command.js';
import { usage } from '../cli/errors.js';
import { storeOptions, withStore } from '../cli/storeOptions.js';
import { createProgressBar } from '../ui/progress.js';
import { formatSimulation } from '../ui/simulation.js';

/**
 * The years `--year` accepts under a calendar: the years it covers. A simulated year's cases run on into the next
 * year (replies, feedback, archiving); past the calendar's last year their deadlines follow the statutory estimate.
 */
export function yearRange(calendar: { firstYear: number; lastYear: number } = chinaMainland): {
  first: number;
  last: number;
} {
  return { first: calendar.firstYear, last: calendar.lastYear };
}

const years = yearRange();

function parseYear(raw: string): number {
  const n = Number(raw);
  if (/^\d+$/.test(raw) && n >= years.first && n <= years.last) return n;
  throw usage(
    `--year 须在 ${years.first}–${years.last} 之间（日历 ${chinaMainland.id} 覆盖的年份），收到 “${raw}”`,
    `--year must be in ${years.first}–${years.last} (the years calendar ${chinaMainland.id} covers), got "${raw}"`,
    'simulate',
  );
}

function integer(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw usage(
      `${flag} 须为 ${min}–${max} 之间的整数，收到 “${raw}”`,
      `${flag} must be an integer in ${min}–${max}, got "${raw}"`,
      'simulate',
    );
  return n;
}

type Preset = keyof typeof presets;

/** `banli-demo simulate`: a seeded simulated year of proposals, per-unit statistics and the slowest cases. */
export default defineCommand({
  name: 'simulate',
  order: 10,
  summary: {
    'zh-CN': '模拟一年的提案：各承办单位统计、逾期期限和办理最慢的办件',
    en: 'a simulated year of proposals: per-unit statistics, missed deadlines, slowest cases',
  },
  description: {
    'zh-CN': '同一种子每次结果相同。终端上在 stderr 显示进度条。',
    en: 'The same seed gives the same result every run. On a terminal a progress bar is shown on stderr.',
  },
  options: {
    proposals: {
      type: 'string',
      value: { 'zh-CN': 'N', en: 'N' },
      description: { 'zh-CN': '提案数（1–1000000）', en: 'number of proposals (1–1000000)' },
      default: 1000,
      parse: (raw: string) => integer('--proposals', raw, 1, 1_000_000),
    },
    seed: {
      type: 'string',
      value: { 'zh-CN': 'N', en: 'N' },
      description: { 'zh-CN': '随机种子', en: 'random seed' },
      default: 7,
      parse: (raw: string) => integer('--seed', raw, 0, 4_294_967_295),
    },
    policy: {
      type: 'string',
      value: { 'zh-CN': '预设', en: 'preset' },
      description: {
        'zh-CN': `政策预设：${Object.keys(presets).join('、')}`,
        en: `policy preset: ${Object.keys(presets).join(', ')}`,
      },
      default: 'guangdongCity' as Preset,
      parse: (raw: string): Preset => {
        if (!(raw in presets))
          throw usage(
            `未知政策预设 “${raw}”（可选：${Object.keys(presets).join('、')}）`,
            `unknown policy preset "${raw}" (one of: ${Object.keys(presets).join(', ')})`,
            'simulate',
          );
        return raw as Preset;
      },
    },
    year: {
      type: 'string',
      value: { 'zh-CN': 'YYYY', en: 'YYYY' },
      description: {
        'zh-CN': `年份（${years.first}–${years.last}，即日历覆盖的年份；延续到之后年份的期限按法定节假日估算）`,
        en: `year (${years.first}–${years.last}, the years the calendar covers; deadlines in later years use the statutory estimate)`,
      },
      default: 2025,
      parse: parseYear,
    },
    ...storeOptions,
  },
  examples: [
    'banli-demo simulate --proposals 5000 --seed 7',
    'banli-demo simulate --policy sichuan2024 --year 2024 --proposals 1000',
  ],
  async run({ lang, options, out, err }) {
    const go = async (store?: Store) => {
      const bar = createProgressBar(err);
      const started = Date.now();
      const result = await simulate({
        proposals: options.proposals,
        seed: options.seed,
        year: options.year,
        policy: presets[options.policy],
        onProgress: (p) => bar.update(p.commandsDone, p.commandsPlanned, p.day, p.submitted, p.total),
        ...(store ? { banli: { store } } : {}),
      });
      bar.finish();
      out(formatSimulation(result, lang, Date.now() - started));
      return 0;
    };
    return options.store === undefined ? go() : withStore(options.store, options.create, go);
  },
});
