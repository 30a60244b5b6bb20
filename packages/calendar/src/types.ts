import type { Bilingual } from '@banli/schemas';

/** A business date `'YYYY-MM-DD'`. */
export type IsoDate = string;

/**
 * A continuous rest period as a notice words it ("2月10日至17日放假调休"), e.g. 春节 2024-02-10 – 2024-02-17.
 * Weekend days a notice merely joins ("6月10日放假，与周末连休") stay ordinary weekends outside the block.
 */
export interface HolidayBlock {
  /** Stable English key, e.g. `springFestival`. */
  name: string;
  /** Human name, e.g. `{ 'zh-CN': '春节', en: 'Spring Festival' }`. */
  label: Bilingual;
  /** First rest day (inclusive). */
  start: IsoDate;
  /** Last rest day (inclusive). */
  end: IsoDate;
  /** Weekend days worked in exchange for this block (调休); each must also be listed in the year's `makeUpWorkdays`. */
  makeUpWorkdays?: IsoDate[];
  /** Where this block comes from when it differs from the year's notice (e.g. a later amending notice). */
  source?: string;
}

/** The holiday arrangement of one year, as published in one notice. */
export interface CalendarYear {
  /** The year the notice arranges. Blocks and make-up days may spill into the adjacent years (e.g. 元旦). */
  year: number;
  /** The notice cited, e.g. `国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）`. */
  source: string;
  /** Every rest period of the year. */
  holidays: HolidayBlock[];
  /** Weekend days declared working days (调休上班). */
  makeUpWorkdays: IsoDate[];
  /** Free-text remarks on how the year was modelled. */
  notes?: string;
}

/** One layer added by `extendCalendar`: local holidays/closures and extra working days. */
export interface CalendarLayer {
  /** The id of the calendar this layer produced. */
  id: string;
  /** The version of the calendar this layer produced. */
  version: string;
  /** Extra rest periods (a local holiday, a department closure). */
  extraHolidays: readonly HolidayBlock[];
  /** Extra working days (any day, weekday or weekend). */
  extraWorkdays: readonly IsoDate[];
}

/** The plain-data form of a calendar, accepted by `defineCalendar`. */
export interface CalendarDefinition {
  /** Stable id, e.g. `cn-mainland`. */
  id: string;
  /** Data version; bump it on every correction so deadlines can record which data they used. */
  version: string;
  /** Human name. */
  label: Bilingual;
  /** Contiguous years, each with its notice. */
  years: CalendarYear[];
  /** Extra rest periods applied over the yearly data. */
  extraHolidays?: HolidayBlock[];
  /** Extra working days applied over the yearly data and the extra rest periods. */
  extraWorkdays?: IsoDate[];
}

/** A validated, indexed, immutable working-day calendar. Saturdays and Sundays are the ordinary weekend. */
export interface Calendar {
  /** Stable id. */
  readonly id: string;
  /** Data version. */
  readonly version: string;
  /** Human name. */
  readonly label: Bilingual;
  /** The yearly arrangements, by year. */
  readonly years: ReadonlyMap<number, CalendarYear>;
  /** First covered year: coverage starts on its 1 January. */
  readonly firstYear: number;
  /** Last covered year: coverage ends on its 31 December. */
  readonly lastYear: number;
  /** Extension layers in application order (empty for a calendar built by `defineCalendar` without extras). */
  readonly layers: readonly CalendarLayer[];
  /** The calendar this one extends, if any. */
  readonly basedOn?: { id: string; version: string };
}

/** How a computation treats days outside the calendar's covered years. */
export interface CoverageOptions {
  /**
   * `'throw'` raises `CalendarCoverageError`; `'statutory'` estimates uncovered years (2008–2099) from the 全国年节及纪念日放假办法
   * (statutory days and 补假, no 调休) and marks the result provisional; `'provisional'` counts uncovered days as
   * Monday–Friday only and marks the result provisional. The machines and the SDK use `'statutory'`.
   *
   * @defaultValue 'throw'
   */
  uncovered?: 'provisional' | 'statutory' | 'throw';
}
