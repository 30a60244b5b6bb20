import { defineCalendar } from '../../defineCalendar.js';
import type { Calendar } from '../../types.js';
import { year2015 } from './2015.js';
import { year2016 } from './2016.js';
import { year2017 } from './2017.js';
import { year2018 } from './2018.js';
import { year2019 } from './2019.js';
import { year2020 } from './2020.js';
import { year2021 } from './2021.js';
import { year2022 } from './2022.js';
import { year2023 } from './2023.js';
import { year2024 } from './2024.js';
import { year2025 } from './2025.js';
import { year2026 } from './2026.js';

/** Every yearly arrangement shipped with the package, oldest first. */
export const chinaMainlandYears = [
  year2015,
  year2016,
  year2017,
  year2018,
  year2019,
  year2020,
  year2021,
  year2022,
  year2023,
  year2024,
  year2025,
  year2026,
];

/**
 * China-mainland statutory holidays and make-up working days (调休) 2015–2026, from the yearly State Council notices.
 *
 * @example
 * ```ts
 * addWorkingDays(chinaMainland, '2023-09-28', 1); // '2023-10-07', a Saturday worked
 * ```
 */
export const chinaMainland: Calendar = defineCalendar({
  id: 'cn-mainland',
  version: '2026.1',
  label: { 'zh-CN': '中国大陆法定节假日', en: 'China mainland statutory holidays' },
  years: chinaMainlandYears,
});
