import type { CalendarYear } from '../src/index.js';

/** A plausible 2027 arrangement used only to exercise "add next year's notice as data"; not an official notice. */
export const hypothetical2027: CalendarYear = {
  year: 2027,
  source: 'Test fixture: hypothetical 2027 arrangement (not an official notice)',
  holidays: [
    {
      name: 'newYear',
      label: { 'zh-CN': '元旦', en: "New Year's Day" },
      start: '2027-01-01',
      end: '2027-01-03',
    },
    {
      name: 'springFestival',
      label: { 'zh-CN': '春节', en: 'Spring Festival' },
      start: '2027-02-05',
      end: '2027-02-13',
      makeUpWorkdays: ['2027-02-14'],
    },
  ],
  makeUpWorkdays: ['2027-02-14'],
};
