import { ASSIGNMENT_MODE_LABELS } from '../assignmentMode.js';
import type { BanliIssueCode } from '../issueCodes.js';
import type { BanliLocale, MessageTemplate } from './types.js';

const GBT = '（GB/T 9704-2012 第7.2.5条）';
const mode = (m: unknown) => ASSIGNMENT_MODE_LABELS[m as keyof typeof ASSIGNMENT_MODE_LABELS]?.['zh-CN'] ?? String(m);

/** zh-CN message templates keyed by banli issue code. */
export const zhCNMessages: Record<BanliIssueCode, MessageTemplate> = {
  required: (p) => `${p.field}为必填项`,
  invalid_type: (p) => `${p.field}的类型不正确：应为${p.expected}，实际为${p.received}`,
  not_integer: (p) => `${p.field}须为整数`,
  empty_text: (p) => `${p.field}不能为空`,
  too_short: (p) => `${p.field}至少需要 ${p.minimum} 个字符`,
  too_long: (p) => `${p.field}最多 ${p.maximum} 个字符`,
  too_few_items: (p) => `${p.field}至少需要 ${p.minimum} 项`,
  too_many_items: (p) => `${p.field}最多 ${p.maximum} 项`,
  number_too_small: (p) =>
    p.inclusive === false ? `${p.field}须大于 ${p.minimum}` : `${p.field}不能小于 ${p.minimum}`,
  number_too_big: (p) => (p.inclusive === false ? `${p.field}须小于 ${p.maximum}` : `${p.field}不能大于 ${p.maximum}`),
  invalid_option: (p) => `${p.field}的取值无效：应为 ${p.options} 之一`,
  unknown_key: (p) => `${p.field}含有未知字段：${p.keys}`,
  invalid_format: (p) => `${p.field}的格式不正确`,
  invalid_email: (p) => `${p.field}不是有效的电子邮箱地址`,
  invalid_url: (p) => `${p.field}不是有效的网址`,
  invalid_union: (p) => `${p.field}不符合任何一种允许的形式`,
  invalid_value: (p) => `${p.field}的值无效`,
  iso_date_format: (p) => `${p.field}须为 YYYY-MM-DD 格式的日期，收到“${p.value}”`,
  iso_date_not_real: (p) => `${p.field}不是真实存在的日期：“${p.value}”`,
  month_day_format: (p) => `${p.field}须为 MM-DD 格式的月日，收到“${p.value}”`,
  invalid_phone: (p) => `${p.field}不是有效的电话号码：“${p.value}”`,
  duplicate_id: (p) => `${p.field}中的标识“${p.value}”重复`,
  duplicate_unit: (p) => `${p.field}中的单位“${p.value}”重复出现`,
  doc_number_agency: (p) => `${p.field}缺少机关代字${GBT}`,
  doc_number_brackets: (p) => `${p.field}的年份须用六角括号“〔〕”括入，不能用“${p.found}”${GBT}`,
  doc_number_year: (p) => `${p.field}的年份须写全四位数字，不能写作“${p.found}”${GBT}`,
  doc_number_digits: (p) => `${p.field}的年份和序号须用半角阿拉伯数字，不能用“${p.found}”${GBT}`,
  doc_number_ordinal: (p) => `${p.field}的序号前不加“第”${GBT}`,
  doc_number_leading_zero: (p) => `${p.field}的序号不编虚位（1 不写作 01），收到“${p.found}”${GBT}`,
  doc_number_suffix: (p) => `${p.field}须以“号”结尾${GBT}`,
  doc_number_whitespace: (p) => `${p.field}中不应含有空格`,
  doc_number_format: (p) => `${p.field}不是有效的发文字号，应为“机关代字〔年份〕序号号”，如“中商务电函〔2023〕12号”`,
  first_proposer_missing: (p) => `${p.field}：联名提出时须标明一位第一提案人（领衔代表）`,
  first_proposer_multiple: (p) => `${p.field}：只能有一位第一提案人（领衔代表），现有 ${p.count} 位`,
  suggestion_proposer_type: (p) => `${p.field}：人大代表建议只能由代表本人提出，不能为“${p.value}”`,
  assignment_lead_unit_required: (p) => `${p.field}：办理方式为“${mode(p.mode)}”时须指定主办单位`,
  assignment_lead_unit_forbidden: (p) => `${p.field}：办理方式为“${mode(p.mode)}”时不设主办单位`,
  assignment_co_units_required: (p) => `${p.field}：办理方式为“${mode(p.mode)}”时至少需要一个会办单位`,
  assignment_co_units_forbidden: (p) => `${p.field}：办理方式为“${mode(p.mode)}”时不设会办单位`,
  assignment_split_units_required: (p) => `${p.field}：办理方式为“${mode(p.mode)}”时至少需要 ${p.minimum} 个分办单位`,
  assignment_split_units_forbidden: (p) => `${p.field}：办理方式为“${mode(p.mode)}”时不设分办单位`,
  assignment_reference_units_required: (p) => `${p.field}：办理方式为“${mode(p.mode)}”时至少需要一个参阅单位`,
  opinion_same_unit: (p) => `${p.field}：会办单位不能与主办单位相同（“${p.value}”）`,
  disclosure_reason_required: (p) => `${p.field}：公开方式为“不予公开”时须说明理由`,
  print_date_before_issue: (p) => `${p.field}（${p.value}）不能早于成文日期（${p.found}）`,
  class_not_in_scheme: (p) => `${p.field}“${p.value}”不在本地分类方案（${p.options}）之内`,
  feedback_comment_required: (p) => `${p.field}：评价为“不满意”时须填写意见`,
};

/** The zh-CN locale: messages, type names and how fields are quoted. */
export const zhCN: BanliLocale = {
  locale: 'zh-CN',
  messages: zhCNMessages,
  typeNames: {
    string: '文本',
    number: '数字',
    int: '整数',
    boolean: '布尔值',
    object: '对象',
    array: '列表',
    undefined: '空（未填写）',
    null: '空值（null）',
    bigint: '大整数',
    date: '日期对象',
    unknown: '未知类型',
  },
  quote: (label) => `「${label}」`,
  item: (index) => `第${index + 1}项`,
  separator: ' › ',
  listSeparator: '、',
};
