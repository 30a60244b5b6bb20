import { z } from 'zod';
import { labelledEnum } from './internal/enum.js';
import { text } from './internal/fields.js';
import { bilingual } from './meta.js';

/**
 * Labels of the sign-off roles real letters print: 签发人 / 领导签发 (the leader who signs off), 主管领导, 承办负责人,
 * 经办人 (the drafting official), and the 审签 sentence some letters put in the body ("此复函已经…局长审签").
 * Seen on the letters collected for issue 15 (see `test/fixtures/letters/`).
 */
export const SIGNATORY_ROLE_LABELS = {
  signer: { 'zh-CN': '签发人', en: 'Signer' },
  supervisingLeader: { 'zh-CN': '主管领导', en: 'Supervising leader' },
  responsible: { 'zh-CN': '承办负责人', en: 'Official in charge' },
  handler: { 'zh-CN': '经办人', en: 'Handling official' },
  reviewer: { 'zh-CN': '审签人', en: 'Reviewer' },
} as const;

/** The role of a person named on a letter's sign-off lines. */
export const SignatoryRoleSchema = labelledEnum(
  SIGNATORY_ROLE_LABELS,
  bilingual(
    '签署角色',
    'Role',
    '签发人、主管领导、承办负责人、经办人或审签人。',
    'Signer, leader, official in charge, handler or reviewer.',
  ),
);

/** A signatory role. */
export type SignatoryRole = z.infer<typeof SignatoryRoleSchema>;

/** One person named on a letter's sign-off lines: the role, the label as printed (e.g. “领导签发”) and the name. */
export const SignatorySchema = z
  .strictObject({
    role: SignatoryRoleSchema,
    label: text(
      '所印标签',
      'Printed label',
      '原文所印的标签，如“签发人”“领导签发”。',
      'The label as printed, e.g. 签发人.',
    ),
    name: text('姓名', 'Name', '所署姓名或职务，原文照录。', 'The name (or title) as printed.'),
  })
  .meta(bilingual('签署人', 'Signatory', '答复函上署名的一人。', 'One person named on the letter.'));

/** One person named on a letter's sign-off lines. */
export type Signatory = z.infer<typeof SignatorySchema>;
