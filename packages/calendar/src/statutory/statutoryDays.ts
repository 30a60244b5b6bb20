import { LunarDay, SolarTerm } from 'tyme4ts';
import type { ChinaHolidayName } from '../data/chinaMainland/labels.js';
import { daysFromCivil, fromEpochDay } from '../internal/epochDay.js';
import type { IsoDate } from '../types.js';

/**
 * A version of the 全国年节及纪念日放假办法 (Measures on national annual holidays and memorial days) as it fixes the
 * rest days of the whole population (art. 2). Lunar dates and the 清明 solar term come from `tyme4ts`.
 */
export interface StatutoryRules {
  /** The ordinance that set this version, e.g. `国务院令第798号`. */
  ordinance: string;
  /** The first year the version applies to (each took effect on 1 January). */
  fromYear: number;
  /** Rest days per festival: 春节 counts from 除夕 (`eve`) or from 正月初一 (`firstDay`). */
  springFestival: { from: 'eve' | 'firstDay'; days: number };
  /** 劳动节 days from 5 May 1. */
  labourDays: number;
  /** The citation used in estimated years, zh-CN. */
  citation: string;
}

/**
 * The versions of the 放假办法 the estimate knows, newest first.
 * Sources: 国务院关于修改《全国年节及纪念日放假办法》的决定（国务院令第798号，2024-11-10，2025-01-01施行）;
 * 国务院关于修改《全国年节及纪念日放假办法》的决定（国务院令第644号，2013-12-11，2014-01-01施行）;
 * 国务院关于修改《全国年节及纪念日放假办法》的决定（国务院令第513号，2007-12-14，2008-01-01施行）.
 */
export const statutoryRuleVersions: readonly StatutoryRules[] = [
  {
    ordinance: '国务院令第798号',
    fromYear: 2025,
    springFestival: { from: 'eve', days: 4 },
    labourDays: 2,
    citation: '全国年节及纪念日放假办法（国务院令第798号修订，2025-01-01施行）第二条、第六条',
  },
  {
    ordinance: '国务院令第644号',
    fromYear: 2014,
    springFestival: { from: 'firstDay', days: 3 },
    labourDays: 1,
    citation: '全国年节及纪念日放假办法（国务院令第644号修订，2014-01-01施行）第二条、第六条',
  },
  {
    ordinance: '国务院令第513号',
    fromYear: 2008,
    springFestival: { from: 'eve', days: 3 },
    labourDays: 1,
    citation: '全国年节及纪念日放假办法（国务院令第513号修订，2008-01-01施行）第二条、第六条',
  },
];

/** The first year the statutory estimate can compute: the 2008 version of the 放假办法 (国务院令第513号) applies from it. */
export const STATUTORY_FIRST_YEAR = 2008;
/** The last year the statutory estimate can compute (tyme4ts's lunar tables reach far beyond it). */
export const STATUTORY_LAST_YEAR = 2099;

/** One statutory rest day (法定节假日) of one festival. */
export interface StatutoryDay {
  date: IsoDate;
  holiday: Exclude<ChinaHolidayName, 'springFestivalExtension' | 'midAutumnNationalDay' | 'victoryDay'>;
}

/** The version of the 放假办法 in force for a year, or `undefined` before 2008. */
export function statutoryRulesFor(year: number): StatutoryRules | undefined {
  return statutoryRuleVersions.find((v) => year >= v.fromYear);
}

function solar(d: { getYear(): number; getMonth(): number; getDay(): number }): number {
  return daysFromCivil(d.getYear(), d.getMonth(), d.getDay());
}

/**
 * The statutory rest days of a Gregorian year under the 放假办法 in force that year, in date order (before any 补假 or
 * 调休): 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆. A festival day shared by two festivals (中秋 on 1 October) is listed
 * once for each.
 *
 * @throws RangeError outside 2008–2099.
 * @example
 * ```ts
 * statutoryDays(2027).filter((d) => d.holiday === 'springFestival').map((d) => d.date);
 * // ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] (除夕 to 正月初三)
 * ```
 */
export function statutoryDays(year: number): StatutoryDay[] {
  const rules = statutoryRulesFor(year);
  if (!rules || !Number.isInteger(year) || year > STATUTORY_LAST_YEAR) {
    throw new RangeError(`the statutory estimate covers ${STATUTORY_FIRST_YEAR}–${STATUTORY_LAST_YEAR}, got ${year}`);
  }
  const days: { day: number; holiday: StatutoryDay['holiday'] }[] = [];
  const push = (holiday: StatutoryDay['holiday'], first: number, count: number) => {
    for (let i = 0; i < count; i++) days.push({ day: first + i, holiday });
  };
  push('newYear', daysFromCivil(year, 1, 1), 1);
  const firstDay = solar(LunarDay.fromYmd(year, 1, 1).getSolarDay());
  push('springFestival', rules.springFestival.from === 'eve' ? firstDay - 1 : firstDay, rules.springFestival.days);
  push('qingming', solar(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay()), 1);
  push('labourDay', daysFromCivil(year, 5, 1), rules.labourDays);
  push('dragonBoat', solar(LunarDay.fromYmd(year, 5, 5).getSolarDay()), 1);
  push('midAutumn', solar(LunarDay.fromYmd(year, 8, 15).getSolarDay()), 1);
  push('nationalDay', daysFromCivil(year, 10, 1), 3);
  days.sort((a, b) => a.day - b.day);
  return days.map((d) => ({ date: fromEpochDay(d.day), holiday: d.holiday }));
}
