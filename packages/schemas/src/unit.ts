import { z } from 'zod';
import { text } from './internal/fields.js';
import { BilingualSchema } from './label.js';
import { bilingual } from './meta.js';

/**
 * The unit's principal leader (主要负责人) as recorded in the unit's data: the post (e.g. 局长) and, when known, the
 * person's name. A key (重点) item's reply must be signed by them (S23); sign-off is checked against this record.
 */
export const UnitPrincipalSchema = z
  .strictObject({
    title: text('职务', 'Title', '主要负责人的职务，如“局长”。', 'The principal’s post, e.g. 局长 (director).'),
    name: text('姓名', 'Name', '主要负责人的姓名。', 'The principal’s name.').optional(),
  })
  .meta(
    bilingual(
      '主要负责人',
      'Principal leader',
      '单位主要负责人；重点提案（建议）的答复须由其签发（S23）。',
      "The unit's principal leader, who signs a key item's reply (S23).",
    ),
  );

/** The unit's principal leader (主要负责人) as recorded. */
export type UnitPrincipal = z.infer<typeof UnitPrincipalSchema>;

/** A handling unit (承办单位), an assigning office or any other government body, e.g. 中山市商务局. */
export const UnitSchema = z
  .strictObject({
    id: text('单位标识', 'Unit id', '单位在系统中的唯一标识。', 'The unit’s unique id in the system.'),
    name: text('单位名称', 'Unit name', '单位全称，如“中山市商务局”。', 'Full name, e.g. 中山市商务局.'),
    shortName: text(
      '单位简称',
      'Short name',
      '正文中常用的简称，如“市商务局”。',
      'Short name used in running text, e.g. 市商务局.',
    ).optional(),
    code: text(
      '机关代字',
      'Agency code',
      '发文字号中的机关代字，如“中商务”。',
      'The agency code used in document numbers, e.g. 中商务.',
    ).optional(),
    label: BilingualSchema.meta(
      bilingual('双语名称', 'Bilingual name', '单位的中英文名称。', 'The unit’s name in Chinese and English.'),
    ).optional(),
    principal: UnitPrincipalSchema.optional(),
  })
  .meta(
    bilingual(
      '单位',
      'Unit',
      '承办单位、交办机关或其他机关。',
      'A handling unit, an assigning office or another government body.',
    ),
  );

/** A handling unit, assigning office or other government body. */
export type Unit = z.infer<typeof UnitSchema>;
