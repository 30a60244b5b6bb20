import type { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import type { Bilingual } from './label.js';
import { bilingual } from './meta.js';

const S2 = 'domain.md §6 [S2] http://www.cppcc.gov.cn/2011/12/16/ARTI1513309182298148.shtml';
const S30 = 'domain.md §6 [S30] http://ask.fsou.com/html/text/lar/171287/17128750_1.html (Shenzhen NPC)';

/** One 不予立案 reason as data: its value, labels, which item kinds it applies to and its source. */
export interface RejectionReasonInfo {
  value: string;
  label: Bilingual;
  appliesTo: readonly ('proposal' | 'suggestion')[];
  source: string;
}

const both = ['proposal', 'suggestion'] as const;

/** The 不予立案 reasons: the CPPCC list plus the two NPC additions (信访, outside local jurisdiction). */
export const REJECTION_REASONS = [
  {
    value: 'stateSecret',
    label: { 'zh-CN': '涉及国家秘密', en: 'Involves state secrets' },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'prohibitedByState',
    label: { 'zh-CN': '国家明令禁止的事项', en: 'Concerns matters the state prohibits' },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'personnelObjection',
    label: { 'zh-CN': '党员对人事问题提出意见', en: 'A party member objecting to personnel matters' },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'partyInternalAffairs',
    label: { 'zh-CN': '民主党派内部事务', en: "A democratic party's internal affairs" },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'litigationOrArbitration',
    label: { 'zh-CN': '涉及诉讼、仲裁的事项', en: 'A matter in litigation or arbitration' },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'academicDiscussion',
    label: { 'zh-CN': '学术探讨', en: 'Academic discussion' },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'personalMatter',
    label: { 'zh-CN': '个人或家庭事务', en: 'A personal or family matter' },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'productPromotion',
    label: { 'zh-CN': '宣传、推介产品或作品', en: 'Promotes a product or a work' },
    appliesTo: both,
    source: S2,
  },
  {
    value: 'namedReport',
    label: { 'zh-CN': '检举、举报', en: 'A report against a named person' },
    appliesTo: both,
    source: S2,
  },
  { value: 'emptyContent', label: { 'zh-CN': '内容空泛', en: 'No substantive content' }, appliesTo: both, source: S2 },
  {
    value: 'petitionComplaint',
    label: { 'zh-CN': '属于信访事项', en: 'A petition (信访) complaint' },
    appliesTo: ['suggestion'],
    source: S30,
  },
  {
    value: 'outsideJurisdiction',
    label: { 'zh-CN': '不属于本行政区域职权范围', en: 'Outside the local jurisdiction' },
    appliesTo: ['suggestion'],
    source: S30,
  },
] as const satisfies readonly RejectionReasonInfo[];

type ReasonValue = (typeof REJECTION_REASONS)[number]['value'];

/** Labels of the 不予立案 reasons, keyed by value. */
export const REJECTION_REASON_LABELS = Object.fromEntries(REJECTION_REASONS.map((r) => [r.value, r.label])) as {
  [K in ReasonValue]: Bilingual;
};

/** Why a proposal or suggestion is not registered (不予立案). */
export const RejectionReasonSchema = labelledEnum(
  REJECTION_REASON_LABELS,
  bilingual(
    '不予立案理由',
    'Rejection reason',
    '不予立案的理由：政协列举的情形，加上人大另列的信访事项和非本行政区域职权事项。',
    'Why the item is not registered: the CPPCC list plus the NPC additions.',
    { 'x-source': `${S2}; ${S30}` },
  ),
);

/** Why a proposal or suggestion is not registered. */
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;
