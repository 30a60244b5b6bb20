import { classOfMark, ORDINAL_CLASS_SOURCE } from '../classMark.js';
import { checkDocNumber } from '../docNumber.js';
import { isRealIsoDate } from '../isoDate.js';
import type { Bilingual } from '../label.js';
import { isMaskedPhoneNumber, isPhoneNumber } from '../letterFooter.js';
import type { ReplyClass } from '../replyClass.js';
import { type ReplyLetter, ReplyLetterSchema } from '../replyLetter.js';
import type { Response } from '../response.js';
import type { Signatory, SignatoryRole } from '../signatory.js';
import { letterWarnings } from './letterWarnings.js';
import { plainText, printedSpan } from './plainText.js';
import { digitsDate, findPrintedDate, type PrintedDate } from './printedDate.js';

/** Something the reader could not place, or placed with a doubt. */
export interface ReaderWarning {
  /** A stable code, e.g. `line_unplaced`. */
  code: string;
  messages: Bilingual;
  /** The text concerned, when there is one. */
  text?: string;
}

/** The outcome of {@link parseReplyLetter}: the letter as read (absent when nothing could be read) and the warnings. */
export interface ReadLetter {
  letter: ReplyLetter | undefined;
  warnings: ReaderWarning[];
}

const warn = (code: string, zh: string, en: string, text?: string): ReaderWarning =>
  text === undefined ? { code, messages: { 'zh-CN': zh, en } } : { code, messages: { 'zh-CN': zh, en }, text };

// Page furniture copied along with a letter from a government site (seen on the issue-15 fixtures).
const FURNITURE = [
  /^扫一扫/u,
  /^您当前所在的位置/u,
  /^当前位置/u,
  /^发布(日期|时间)[:：]/u,
  /^来源[:：]/u,
  /^浏览(量|次数)?[:：]?/u,
  /^【?\s*关闭窗口/u,
  /^登录\s*\|/u,
  /^•/u,
  // an index label alone on its line, perhaps spaced out (“文  号”, “日期”: 镇康 2025 prints the table one cell a line)
  /^(索\s*引\s*号|发布机构|文\s*号|时效性|信息分类|发文日期|主题分类|日\s*期|成文日期)$/u,
  /^\d{6,}\/\d{4}-\d+$/u,
  /^(有效|无效)$/u,
  /^\|+$/u,
  // Site chrome and the disclosure table some sites print above a letter (issue-15 fixtures from 云南, 宁夏, 重庆,
  // 陕西, 山东): accessibility links, breadcrumbs, editors, neighbours, the 索引号/发布机构/名称 rows.
  /^(今天是|欢迎访问|欢迎来到|无障碍|展开$|菜单$|关闭$|打印[:：]?$|网站地图$|附件下载|扫一扫)/u,
  // Session 7 fixtures (湘阴, 泰顺, 淮南): a section name over the letter, share and print links under it.
  /^(政府信息公开|分享到[:：]?)$/u,
  /^【\s*打印本页\s*】/u,
  /^首页\s*[/>]/u,
  /^(责任编辑|上一篇|下一篇|上一条|下一条)[:：]/u,
  /^\[\s*(索引号|主题分类|发布机构|成文日期)\s*\]/u,
  /^(索\s*引\s*号|发布机构|发文时间|责任部门|名\s*称|标\s*题)\s*[:：]?\s/u,
  /^(索\s*引\s*号|名\s*称|标\s*题)\s*[:：]/u,
  // a row of the index table printed as cells split by “|” (“公开目录 | 人大建议办理结果 | 发布日期 | 2021-07-02 |”,
  // “文号 | 浏览量 |”, 龙陵)
  /^(索\s*引\s*号|公开目录|发布机构|发布日期|成文日期|生成日期|发文日期|文\s*号|浏览量|主题分类|信息分类|组配分类|公开方式|公开范围|时效性|有效性)\s*[|｜]/u,
  // the index table's disclosure row, with another index label after it (“公开方式: 主动公开 组配分类: 人大建议”,
  // 阿拉善左旗): the site's data, not a mark printed on the letter
  /^公开方式\s*[:：]?\s*\S+\s+(有效性|组配分类|主题分类|信息分类|公文时效)/u,
  // the site's share prompt under a letter (鄂温克旗)
  /^用微信扫描二维码/u,
  /^(建议人|提案人|答复时间)\s*[:：]/u,
  /^主办[:：].*承办[:：]/u,
  // the site's footer: “主办单位:某县人民政府办公室 地址:… 邮编:…” (中牟)
  /^主办单位[:：].*(地址|邮编)[:：]/u,
  // “主 办:某办公室 | 联系地址:… | 联系方式:0855-…” (黔东南): the site's, however spaced
  /^主\s*办(?:\s*单\s*位)?\s*[:：].*(承\s*办|地\s*址|邮\s*编|联系方式|电\s*话)\s*[:：]/u,
  /ICP备/u,
  // share and print widgets (柳州): “分享 微信”, “头条”, “微博 空间 qq”, “【字体: 打印”
  /^(分享\s+\S|头条$|微博(\s|$)|【\s*字体)/u,
  // a site's accessibility toolbar, one control a line (随州): “拼音”, “辅助浏览”, “白底黑字蓝链接”, “增加音量”, “换肤”
  /^(拼音|辅助浏览|轻松阅读|读屏|视图|放大|缩小|配色|[白蓝黄黑]底[黑黄白]字[蓝白]链接|页面原始配色|大鼠标|辅助线|显示屏|声音|指读|连读|减速|加速|音量|增加音量|减小音量|后退|前进|全屏|刷新|退出|帮助|换肤)$/u,
  // the index table as a list of “- label: value” rows (天水), a font-size widget over lines (“字号:[” / “大” / “中” /
  // “小” / “]”, 嵩明), the page's date and font rows (“日期: 2023-07-07”, “字体:”, 綦江), a reading widget (“文章播报”,
  // 嵊州), the source and time row, a breadcrumb cut from its label and the print and share links (犍为)
  /^[-–]\s*(索\s*引\s*号|组配分类|发文机关|成文日期|发文字号|发布时间|发布日期|发布机构|主题分类|标\s*题|文\s*号)\s*[:：]/u,
  /^(字\s*[号体]\s*[:：]\s*\[?\s*\]?|[大中小]|\]|文章播报)$/u,
  /^日\s*期\s*[:：]\s*\d{4}-\d{2}-\d{2}$/u,
  /^文章来源\s*[:：].*发布时间/u,
  /^[:：]\s*首页\s*[>/]/u,
  /^打印\s+分享到/u,
  // a page number between the pages of a PDF's text (“— 1 —”, “- 2 -”, 柳江) or under them (“第1页 共2页”)
  /^[-—–－]{1,2}\s*\d{1,3}\s*[-—–－]{1,2}$/u,
  /^第\s*\d{1,3}\s*页(\s*[/,，]?\s*共\s*\d{1,3}\s*页)?$/u,
];

const ORGAN =
  /^[\p{Script=Han}（）()\p{Script=Latin}]{2,40}?(人民政府|政府|委员会|委員會|办公室|辦公室|办公厅|管理局|局|委|厅|办|辦|中心|院|所|站|街道办事处|管委会|公司|镇|鎮|乡|鄉)$/u;
const DOC_NUMBER = /^([^\s，,。：:]{1,24}?[〔[(（【［]?\s*\d{4}\s*[〕\]）)】］]\s*第?\s*[0-9０-９]+\s*号)\s*(.*)$/u;
// (an ordinal before 类, “甲类”, is a mark too: classOfMark reads it as 沁阳 defines it)
const MARK_ONLY = /^[（(]?\s*(?:[A-DＡ-Ｄ]\s*[1-9]?\s*类?|[甲乙丙]\s*类)\s*[）)]?$/u;
/** A class mark opening the text after a document number, with more after it: “B类  同意公开” (平江), “(A)类”. */
const LEADING_MARK = /^([（(]?\s*(?:[A-DＡ-Ｄ]\s*[1-9]?\s*[）)]?\s*类?|[甲乙丙]\s*类)\s*[）)]?)(?![A-Za-z])\s*(.*)$/u;
/**
 * A number whose serial is a word, not digits: “湘教提复字〔2019〕来信号” (a proposal sent in by letter, 湘阴). Only with
 * the year in brackets, so that it is still plainly a document number; it is kept as printed and flagged.
 */
const DOC_NUMBER_WORD = /^([^\s，,。：:]{1,24}?[〔[(（【［]\s*\d{4}\s*[〕\]）)】］]\s*\p{Script=Han}{1,3}号)\s*(.*)$/u;
/**
 * A number the page printed without its closing bracket or 号 (“某区府议〔202323”, 通川): the organ code, a square
 * bracket and the year's digits alone on the line. Kept as printed and flagged, like any number breaking GB/T 9704.
 */
const LOST_NUMBER = /^(\p{Script=Han}{2,12}\s*[〔[【［]\s*\d{4}\s*[〕\]】］]?\s*\d{0,4}\s*号?)()$/u;
// “类别：A”, “答复类别”, “办理类别”, “办复类别：A” (淮南), “办理结果：(C)” (沙河).
// “答复类型:B”, “办理分类:A”: a longer label ending in 类型 or 分类 only before a class letter (“信息分类: 人大建议” is the
// site's index). The class may follow the label in brackets with no colon: “类别(C)” (香格里拉).
// Matched on the plain form of the line: a mirror in traditional characters prints “辦復類別:A類” (蜀山).
const MARK_LABEL_RE =
  /^(\p{Script=Han}{0,4}类\s*别|\p{Script=Han}{1,4}(?:类\s*型|分\s*类)(?=\s*[:：]\s*[（(]?\s*[A-DＡ-Ｄ](?![A-Za-z]))|办理结果|办复结果|分类|类型)\s*(?:[:：]\s*(.+)|([（(]\s*[A-DＡ-Ｄ]\s*[1-9]?\s*类?\s*[）)]))$/u;
/** A class mark after its label, on the line's plain form. */
const isLabelledMark = (line: string): boolean => MARK_LABEL_RE.test(plainText(line).text);
// The addressee, then a colon, or a greeting in place of it (“某委员,您好!”, “某代表您好:”). A list of names joined by
// 、 may run longer (thirteen deputies of a 议事原案, 舒城).
// A name in such a list may be letter-spaced (“闫 冰”, “罗 岚”: eleven deputies, 安居区).
const ADDRESSEE =
  /^((?:[^:：。，,]{1,40}?|(?:[^:：。，,、\s]{1,8}(?:[ \u3000][^:：。，,、\s]{1,4})?、){2,40}[^:：。，,、\s]{1,8}?(?:[ \u3000][^:：。，,、\s]{1,4}?)?)(代表|委员|委員|同志|代表们|委员们|委员会|先生|女士)(?:\s*[（(][^（()）:：]{1,12}[）)])?)\s*(?:[:：]|[,，]?\s*(?:您|你)们?好\s*[!！]?\s*[:：]?)\s*(.*)$/u;
// …的答复, …复函, …会办意见 or 协办意见 (柳州), and the handling form a reply may be printed in (“…第23号建议办理单”,
// 阿拉善左旗).
const TITLE = /(答复|回复|复函|的函|答复函|[会协]办意见|办理单)$/u;
/**
 * A title line: read on the plain form of a mirror's text (“…建議的答復(fù)”, 永吉), and perhaps followed by the item's own
 * 《title》 (“…第77号提案的答复函《关于…的建议》”, 南票) or by the answering unit in brackets (“…的答复(水利局)”, 舒城).
 */
const isTitle = (line: string): boolean =>
  TITLE.test(plainText(line).text.replace(/\s*《[^》]*》$|[（(][^（()）]{1,12}(?:局|委|办|厅|中心|政府)[）)]$/u, ''));
// A unit addressed: a lead unit (达川), or the party, federation or group that made a collective proposal (“县工商联:”,
// “县总工会:”, “某界别小组:”).
const ADDRESSEE_UNIT =
  /^((?![抄报主承])[^:：。，,\s]{1,40}?(?:人民政府|政府|委员会|办公室|办事处|管委会|局|委|办|厅|中心|公司|街道|镇|乡|工商联|妇联|侨联|科协|会|支部|总支|界别|小组))\s*[:：]()\s*$/u;
const ADDRESSEE_BARE = /^[^:：。，,；;]{1,40}?(代表|委员|委員|同志)$/u;
const OPENING = /收悉|答复如下|回复如下|交由|转交/u;
/**
 * The item named by its own title as what the addressee put forward: “您好!您提出的《关于…的建议》对于…具有重要意义,…”
 * (平顺), “你们在…会议上提出的“关于…的提案””.
 */
const NAMES_ITEM =
  /^(?:[您你]们?好[!！,，]?\s*)?[您你]们?(?:在[^,，。；;]{1,40}?)?(?:提出|所提|提交)的\s*[《“"][^》”"]{2,80}?(?:建议|提案|议案)[》”"]/u;
/**
 * A paragraph that opens a letter's answer: it acknowledges the item, leads into the answer with a colon, or names the
 * item by its title as the addressee's (平顺: neither 收悉 nor 如下).
 */
const isOpening = (p: string | undefined): p is string =>
  p !== undefined &&
  (OPENING.test(plainText(p).text) ||
    (/[:：]$/u.test(p) && /建议|提案|议案/u.test(plainText(p).text)) ||
    NAMES_ITEM.test(plainText(p).text));
/** A short greeting before the opening: “您好!”, “您好,首先感谢您对…的关注。”, “首先感谢您对我局工作的关心。”. */
const isGreeting = (p: string | undefined): p is string =>
  p !== undefined && p.length <= 60 && /^(?:[您你]们?好|首先[,，]?\s*(?:衷心|非常)?感谢|(?:衷心|非常)?感谢)/u.test(p);
const HEADING = /^[一二三四五六七八九十]{1,3}、/u;
/** A numbered heading run into its answer: the short phrase up to its first full stop or colon, then the answer. */
const RUN_IN_HEADING = /^([一二三四五六七八九十]{1,3}、[^。；;：:]{1,28}[。：:])\s*(\S.*)$/u;
const STATEMENT = /^(吸收采纳|部分采纳|采纳|已采纳|列入计划|留作参考|不予采纳|未予采纳)[^。]{0,20}。$/u;
// A closing may name the member or deputy first: “某委员,感谢您对…的关心和支持” (白银); “同时” or “最后” may open the
// thanks with no comma (“同时感谢委员对…”, 花都).
const CLOSING =
  /^(?:[^,，。:：!！]{1,12}?(?:代表|委员|委員)们?[,，]\s*)?([专特谨]此(?:答复|回复|函告|函复|函达|说明|[。.]?$)|此复[。！!]?(?:谢谢[。！!]?)?$|此致|顺致|顺颂|以上(?:答复|回复)(?:意见)?(?:[。！!]?$|[,，]?\s*(?:如有|若有|您|你|不妥|请))|谢谢|顺祝|祝(?:您|你们?)?(?:工作顺利|身体健康|万事如意)|(?:(?:同时|最后)[,，]?\s*)?(?:再一?次|衷心|非常)?感谢|最后[,，][^。！!？?]{0,40}?感谢|感謝|欢迎你|欢迎您|欢迎你们|希望(?:[您你]们?|各位(?:代表|委员))?(?:以后|今后|继续|在今后的工作中)?多提|以上(?:意见)?[,，]?(?:仅)?供[^。！!，,]{0,20}?参考|在此[,，、]?[^。！!]{0,40}?感谢)/u;
/** One sentence of thanks: “再次感谢您对…的关心!”, “最后,再次衷心感谢…指导!”, “衷心感谢您…。”. */
const THANKS =
  /^(?:(?:同时|最后)[,，]?\s*)?(?:(?:再一?次|衷心|非常|诚挚|真诚)地?)*感谢[^。！!？?]*[。！!]?$|^最后[,，][^。！!？?]{0,40}?感谢[^。！!？?]*[。！!]?$/u;
/** One sentence of hope or welcome: “欢迎您继续…。”, “并真诚希望您…。”, “希望你们多提宝贵意见!”. */
const HOPE =
  /^(?:(?:并|也|还|同时[,，]?\s*也?)\s*)?(?:(?:真诚|衷心|诚挚|诚恳)地?)?(?:希望|欢迎|期待|恳请|敬请)[^。！!？?]*[。！!]?$/u;
/**
 * A last paragraph whose first sentence thanks the member or deputy for their support is the closing, whatever opens it
 * (“我们十分尊重您对…的不懈努力,也十分感谢您对我们…的大力支持。请您一如既往…”, 庙上乡); thanks to anyone else, or
 * after the first sentence, is the answer.
 */
const THANKS_FOR_SUPPORT =
  /^[^。！!？?]{0,60}?感谢(?:您|你|各位|委员|代表)[^。！!？?]{0,40}?(?:关心|支持|关注|理解|帮助|信任)/u;
/** Two paragraphs that are one closing: a sentence of thanks and one of hope, in either order. */
const isCourtesyPair = (a: string, b: string): boolean => {
  const [x, y] = [plainText(a).text, plainText(b).text];
  return x.length <= 80 && y.length <= 80 && ((THANKS.test(x) && HOPE.test(y)) || (HOPE.test(x) && THANKS.test(y)));
};
/** The first line of a closing printed on two: “此致”, “此复”, “顺致”, “顺颂”, “顺祝”, “祝”. */
const SALUTATION = /^(?:此致|此复|顺致|顺颂|顺祝|祝)[。.，,]?$/u;
/** Its second line: “敬礼！”, “谢谢!”, “时祺”, “商祺”, “身体健康,工作顺利!”. */
const WISH =
  /^(?:敬礼|谢谢|时祺|时绥|商祺|近安|(?:(?:身体健康|工作顺利|万事如意|阖家幸福|阖家安康)[,，、]?){1,4})[!！。.]?$/u;
/** A label whose characters a page may space out (“经 办 人” on the 湘阴 letters): each character, then any spaces. */
const spaced = (...labels: string[]) => labels.map((l) => l.replace(/\p{Script=Han}/gu, (c) => `${c}\\s*`)).join('|');
const SIGNATORY_LABELS: [string, SignatoryRole][] = [
  // 主要领导 (闽清) and 主要签发领导 (阿拉善左旗) name the leader who signs the reply off.
  [spaced('签发人', '领导签发', '领导签字', '主要签发领导', '签发领导', '主要领导', '签发'), 'signer'],
  [spaced('主管领导', '分管领导'), 'supervisingLeader'],
  [spaced('承办负责人', '承办单位负责人', '单位负责人'), 'responsible'],
  // (with the telephone in the label: “承办人及联系电话:…”, 华容; “经办人及联系电话:…”, 鹦鸽镇)
  [spaced('经办人(?:及(?:联系)?电话)?', '承办人(?:及(?:联系)?电话)?', '拟稿人'), 'handler'],
  [spaced('审签人', '审核人', '核稿人'), 'reviewer'],
];
const SIGNATORY: [RegExp, SignatoryRole][] = SIGNATORY_LABELS.map(([l, role]) => [
  new RegExp(String.raw`^(${l})\s*[:：]\s*(.+)$`, 'u'),
  role,
]);
/** A sign-off label printed with no name after it (“领导签字：”, a blank for the handwritten signature; 高平). */
const SIGNATORY_BLANK = new RegExp(String.raw`^(${SIGNATORY_LABELS.map(([l]) => l).join('|')})\s*[:：]$`, 'u');
/** Before a second sign-off pair on one line (“签发人:王某 核稿人:李某”). */
const SECOND_SIGNATORY = new RegExp(
  String.raw`[\s\u3000]+(?=(?:${SIGNATORY_LABELS.map(([l]) => l).join('|')})\s*[:：])`,
  'u',
);
/** A sign-off line split into its label-and-name pairs; any other line as it is. */
const signatoryParts = (line: string): string[] =>
  SIGNATORY.some(([re]) => re.test(line)) ? line.split(SECOND_SIGNATORY) : [line];
/** A sign-off label cut by the page to its last character, then a name: “人:黎翔” (闽清). */
const CUT_LABEL = /^人\s*[:：]\s*(\p{Script=Han}{2,4})$/u;
/** Where the seal goes, noted after the signing unit: “(盖章)”, “（印章）”. */
const SEAL = /[\s\u3000]*[（(]\s*(?:盖\s*章|印\s*章|公\s*章|签\s*章|盖公章|章)\s*[）)]$/u;
/** Words an organ code never holds, which a title naming the item does (关于, 会议, 届). */
const NOT_AN_ORGAN = /^(?:关于|对)|会议|會議|[届屆]/u;
/** A title, then a document number in brackets: “…的答复[浙交建〔2018〕101号]”, “…的答复（某发〔2020〕3号）”. */
const TITLE_NUMBER =
  /^(.*\S)\s*[[［【(（]\s*([^\s[\]［］【】()（）]{1,24}[〔[【［(（]\s*\d{4}\s*[〕\]】］)）]\s*第?\s*\d+\s*号)\s*[\]］】)）]$/u;
/** A class mark printed after the title (“…第12号提案的答复(B类)”). */
const TITLE_MARK = /^(.*\S)\s*([（(]\s*(?:[A-DＡ-Ｄ]\s*[1-9]?\s*类?|[甲乙丙]\s*类)\s*[）)]|[A-DＡ-Ｄ]\s*[1-9]?\s*类)$/u;
/** A class mark in brackets inside a title, before its last words (“…办理情况(B)的函”). */
const TITLE_INNER_MARK = /[（(]\s*[A-DＡ-Ｄ]\s*[1-9]?\s*类?\s*[）)]/u;
/** A date printed in figures at the end of a signature line: “2023-06-30”, “2023.6.30”, “2023/6/30”. */
const FIGURE_DATE = /(?:^|[^\d])((\d{4})\s*[-./／]\s*(\d{1,2})\s*[-./／]\s*(\d{1,2}))$/u;
/**
 * The date of a line that may be the signature's: the date that ends it, else the first. A page that runs the letter
 * into one line (镇康) ends it with the signature's date, after dates printed in the body (“2017年6月16 日，我局…”).
 */
function signatureDate(line: string): PrintedDate | undefined {
  const first = findPrintedDate(line);
  let last = first;
  for (let at = first ? first.index + first.text.length : line.length; at < line.length; ) {
    const d = findPrintedDate(line.slice(at));
    if (!d) break;
    last = { ...d, index: d.index + at };
    at = last.index + d.text.length;
  }
  const found = last && line.endsWith(last.text) ? last : first;
  if (found) return found;
  const figures = FIGURE_DATE.exec(line);
  if (!figures) return undefined;
  const iso = `${figures[2]}-${(figures[3] ?? '').padStart(2, '0')}-${(figures[4] ?? '').padStart(2, '0')}`;
  const text = figures[1] as string;
  return isRealIsoDate(iso) ? { text, iso, index: line.length - text.length } : undefined;
}

/**
 * The signing unit after a label (“承办单位:某局”, “答复单位:…”, “会办单位:…” for a co-unit), or the section in charge
 * (“分管单位:城建股”, 君山区), printed among the sign-off lines.
 */
const UNIT_LABELLED = /^(答复|承办|办理|主办|会办|协办|落款|分管)单位\s*[:：]\s*(.*)$/u;
/** A date line the page garbled, its year and month lost (“0二十六日”, 清原): figures or numerals, then 日. */
const GARBLED_DATE = /^[0-9〇○零OＯ一二三四五六七八九十]{1,12}\s*日$/u;
const SITE_FOOTER = /版权所有|ICP备|公网安备|网站标识码|网站监督|技术支持[:：]/u;

/**
 * The signing unit, then its contact on the same line: “蜀山區財政局 聯系電話:65132561” (蜀山, a mirror printing no date),
 * “某局 联系人:某某”. Read on the line's plain form; the unit is what {@link ORGAN} takes.
 */
const UNIT_BEFORE_CONTACT =
  /^([\p{Script=Han}（）()]{2,30}?)[\s\u3000]+(?=(?:联系人|联系电话|联系方式|电话|手机)\s*[:：])/u;
/** The unit opening a line of {@link UNIT_BEFORE_CONTACT}, and where its contact starts in the plain form. */
const unitBeforeContact = (plain: string): { unit: string; contactAt: number } | undefined => {
  const m = UNIT_BEFORE_CONTACT.exec(plain);
  return m?.[1] && ORGAN.test(m[1]) ? { unit: m[1], contactAt: m[0].length } : undefined;
};
/** A line that belongs to a letter's foot: class mark with its label, sign-off, contact, disclosure, 报/抄送. */
const isFootLine = (l: string): boolean =>
  UNIT_LABELLED.test(l) ||
  unitBeforeContact(plainText(l).text) !== undefined ||
  GARBLED_DATE.test(l) ||
  isLabelledMark(l) ||
  RECIPIENTS.test(l) ||
  readDisclosure(l) !== undefined ||
  ATTACHMENT.test(l) ||
  SIGNATORY.some(([re]) => re.test(l)) ||
  SIGNATORY_BLANK.test(l) ||
  /^[（(]?\s*(联系人|联系电话|联系方式|联系单位|电话|传真|邮箱|邮编|邮政编码)/u.test(plainText(unspaced(l)).text) ||
  // a label the page lost (“: 孟炜”), or cut to its last character (“人:黎翔”, 闽清)
  /^人?\s*[:：]/u.test(l);
/** A line with the spaces taken out of the label before its colon (“联  系 电 话:…”, 阿拉善左旗). */
const unspaced = (l: string): string =>
  l.replace(/^([\p{Script=Han}\s\u3000]{2,16}?)(?=[:：])/u, (label) => label.replace(/[\s\u3000]+/gu, ''));
const REVIEWED = /(?:此(?:复|答复)函?|以上答复)[,，]?已经(.{1,20}?)(审签|审阅|审定)/u;
/** The signer named after the reviewer in the same sentence: “此复函已经某副区长审定,由某主任签发” (铜梁). */
const SIGNED_AFTER_REVIEW = /(?:审签|审阅|审定)[,，]\s*由(.{1,24}?)(签发)/u;
const DISCLOSURE = /^(公开方式|公开属性|是否公开|是否同意公开|信息公开)\s*[:：]\s*(.+)$/u;
// A mark alone on its line, perhaps as a note in quotes (“注:“主动公开”。”, 息烽).
const DISCLOSURE_BARE =
  /^(?:注\s*[:：]\s*)?[（(“"]?((?:此件)?(?:主动|依申请|不予|免予|同意)?公开(?:发布)?)[）)”"]?[。.]?$/u;
/** The first row of a page's index table: “索引号: …”, “索 引 号 …”, “[索引号]”. */
const INDEX_ROW = /^[[【]?\s*索\s*引\s*号/u;
/** An attachment named under a letter (“附件:建议办理情况征询意见表”, 横峰): not part of the letter read. */
const ATTACHMENT = /^附\s*件\s*\d*\s*[:：]/u;
// 报, 报送, 抄报 (the 报 list; “抄    报” spaced out on the 湘阴 letters) and 抄送.
const RECIPIENTS = /^(报|报\s*送|抄\s*报|抄\s*送)\s*[:：]\s*(.+?)[。.]?$/u;
/** A second label on a recipients line ends the list: “抄 报:县政府办 县政协提案委 联系单位: 县教育局”. */
const TRAILING_LABEL = /\s+(\p{Script=Han}{2,6}\s*[:：].*)$/u;
const IMPRINT = /^(.{2,40}?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$/u;
/**
 * An item's number as printed: digits, or digits after a letter or two (“DH0271”, 沙坪坝; “B132”, 中原区), perhaps with
 * the year in brackets between (“B(2025)174”, 新郑; “B(2017)411”, 郑州), or two numbers joined by a point (“6.11”, 城口)
 * or a hyphen (“04-1”, 溧水).
 */
/** A CPPCC committee may name its place after the term: “政协第十一届花都区委员会第三次会议” (花都). */
const PLACE = String.raw`(?:\p{Script=Han}{1,8}?[区县市州旗區縣])?`;
const ITEM_NUMBER = String.raw`(?:[A-Za-z]{1,3}\s*[(（]\s*\d{4}\s*[)）]\s*|[A-Za-z]{1,3})?[0-9０-９]+(?:[.-][0-9０-９]+)?`;
const REFERENCE = new RegExp(
  String.raw`((?:政协)?[^\s在对對于於您你們们的出提，。,:：]{0,12}?(?:第)?([一二三四五六七八九十]{1,3}|\d{1,2})\s*[届屆]\s*(?:人大|人民代表大会|${PLACE}(?:委员会|委員會)|政协)?\s*(?:第)?([一二三四五六七八九十]{1,2}|\d{1,2})\s*次(?:会议|會議|全体会议)?)[^。，,；《]{0,60}?第?\s*((?<=次(?:会议|會議)?)(?!第)\p{Script=Han}[0-9０-９]+|${ITEM_NUMBER}|(?<=第\s*)\p{Script=Han}{1,3}(?=\s*号\s*(?:提案|建议|议案)))\s*号\s*((?:代表|委员|委員)?(?:提案|建议案?|议事原案|议案))?`,
  'u',
);
// A pinyin annotation some pages print after a character, “鎮(zhèn)康縣”, “會(huì)議” (seen on the 镇康 fixtures).
const PY = String.raw`(?:\([a-zàáǎāèéěēìíǐīòóǒōùúǔūǖǘǚǜü]+\))?`;
/**
 * A session named without an item number: “镇康县第十七届人民代表大会第二次会议期间提出的《…》”. A title wrapped over
 * lines and joined with a space may part the term from the body (“镇康县第十八届 人民代表大会第四次会议”, 镇康 2025).
 */
const REFERENCE_SESSION_ONLY = new RegExp(
  String.raw`(?:(?![在对對于於您你們们的出提])\p{Script=Han}[^\s在对對于於您你們们的出提，。,:：]{0,11}?)?第?${PY}([一二三四五六七八九十]{1,3}|\d{1,2})${PY}[届屆]${PY}\s*` +
    // the body after the term may be left out when it was named before it (“市政协十二届四次会议”, 阜新)
    `(?:人${PY}大${PY}|人${PY}民${PY}代${PY}表${PY}大${PY}[会會]${PY}|委${PY}[员員]${PY}[会會]${PY})?` +
    String.raw`第?${PY}([一二三四五六七八九十]{1,2}|\d{1,2})${PY}次${PY}(?:[会會]${PY}[议議]${PY})?`,
  'u',
);
/** After a session: the item's own title in 《》, then its number (“上提出的《…的建议》(第20号)”). */
const TITLED_NUMBER = new RegExp(
  String.raw`^[^。；;《]{0,12}《[^》]*》[^。；;《]{0,8}?第?\s*(${ITEM_NUMBER})\s*号\s*(提案|建议)?`,
  'u',
);
const REFERENCE_NUMBER_ONLY = new RegExp(
  String.raw`(?:提案|建议)?第\s*(${ITEM_NUMBER})\s*号\s*(提案|建议)?|([0-9０-９]+)\s*号\s*(提案|建议)`,
  'u',
);
/** An item named by the number it was filed under: “(立案号:2020072号)” (清远). */
const REFERENCE_FILED = /立案号\s*[:：]?\s*([0-9０-９]+)\s*号?/u;

const CN_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function numberOf(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u.exec(s);
  if (!m || s === '') return undefined;
  const [, a = '', ten = '', b = ''] = m;
  if (!ten) return a && !b ? CN_NUMBER[a] : undefined;
  return (a ? (CN_NUMBER[a] ?? 0) : 1) * 10 + (b ? (CN_NUMBER[b] ?? 0) : 0);
}

/** Splits text into trimmed, non-empty lines, with full-width and no-break spaces removed at both ends. */
function linesOf(text: string): string[] {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.replace(/^[\s\u3000\u00a0|]+|[\s\u3000\u00a0|]+$/gu, ''))
      // A mirror that stored the spaces indenting a line as “?” (昆都仑区): a run of them, or a line of nothing else.
      .map((l) => l.replace(/^\?+$|^\?{2,}(?=\S)/u, ''))
      .filter((l) => l !== '')
  );
}

/**
 * The kind of item a text refers to. The words are read as words, never as parts of longer ones: 委员 (a member) is
 * not 委员会 (a body: 人大常务委员会 is a people's congress body, so is 选举联络工作委员会), and 代表 is not 人民代表大会,
 * though a CPPCC session is named “政协××第十届委员会第二次会议” (届委员会). The item's own title in 《…》 is its
 * topic, which may name the other side (《关于完善人大常务委员会代表联络站的建议》); only its closing 提案/建议 counts,
 * and only when the text outside it names no kind.
 */
function kindOf(s: string): 'proposal' | 'suggestion' | undefined {
  const outside = s.replace(/《[^》]*》/gu, '');
  if (/提案|政[协協]|委[员員](?![会會])|[届屆]\s*委[员員][会會]/u.test(outside)) return 'proposal';
  if (/建[议議]|议案|人大|代表/u.test(outside)) return 'suggestion';
  // (a deputy's 议案 too: “您提出的《关于…的议案》(第118号)”, 神木)
  const titled = /(提案|建[议議]|[议議]案)\s*》/u.exec(s);
  if (titled) return titled[1] === '提案' ? 'proposal' : 'suggestion';
  return undefined;
}

const toAscii = (digits: string): string =>
  digits.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function readReference(texts: string[]): ReplyLetter['reference'] {
  // As printed first; then on the plain form of a mirror page (“…第五次會(huì)議5004號(hào)”, 江门), printed as the page prints it.
  const found = (re: RegExp) => {
    for (const t of texts) {
      const m = re.exec(t);
      if (m) return { m, t, printed: m[0] };
    }
    for (const t of texts) {
      const plain = plainText(t);
      const m = re.exec(plain.text);
      if (m && plain.text !== t) return { m, t, printed: printedSpan(t, plain, m.index, m.index + m[0].length) };
    }
    return undefined;
  };
  const full = found(REFERENCE);
  if (full) {
    const { m, t } = full;
    const term = numberOf(m[2] ?? '');
    const session = numberOf(m[3] ?? '');
    const kind = kindOf(m[5] ?? m[0]) ?? kindOf(t);
    return {
      // “关于答复县十七届…” (泰顺): the verb before the session is not part of the item's name.
      printed: full.printed.trim().replace(/^(?:答复|回复)/u, ''),
      ...(kind ? { kind } : {}),
      ...(term ? { term } : {}),
      ...(session ? { session } : {}),
      number: toAscii(m[4] ?? ''),
    };
  }
  // The session, then the item's own title, then its number: “在区二届人大二次会议上提出的《…》(第20号)” (柳江).
  for (const t of texts) {
    const s = REFERENCE_SESSION_ONLY.exec(t);
    // (on its plain form too: a mirror prints pinyin after 號, “《…》第158號(hào)提案”, 大洼)
    const rest = s ? t.slice(s.index + s[0].length) : '';
    const n = s ? (TITLED_NUMBER.exec(rest) ?? TITLED_NUMBER.exec(plainText(rest).text)) : null;
    if (s && n) {
      const term = numberOf(s[1] ?? '');
      const session = numberOf(s[2] ?? '');
      const kind = kindOf(n[2] ?? '') ?? kindOf(t);
      return {
        printed: s[0].trim(),
        ...(kind ? { kind } : {}),
        ...(term ? { term } : {}),
        ...(session ? { session } : {}),
        number: toAscii(n[1] ?? ''),
      };
    }
  }
  for (const t of texts) {
    const m = REFERENCE_NUMBER_ONLY.exec(t);
    if (m) {
      const kind = kindOf(m[2] ?? m[4] ?? '') ?? kindOf(t);
      return { printed: m[0].trim(), ...(kind ? { kind } : {}), number: m[1] ?? m[3] ?? '' };
    }
  }
  // an item named by its 立案号 (a mirror's “立案號(hào):2020072號(hào)” too)
  const filed = found(REFERENCE_FILED);
  if (filed) {
    const kind = kindOf(filed.t);
    return { printed: filed.printed, ...(kind ? { kind } : {}), number: toAscii(filed.m[1] ?? '') };
  }
  for (const t of texts) {
    const m = REFERENCE_SESSION_ONLY.exec(t);
    if (m) {
      const term = numberOf(m[1] ?? '');
      const session = numberOf(m[2] ?? '');
      const kind = kindOf(m[0]);
      return {
        printed: m[0].trim(),
        ...(kind ? { kind } : {}),
        ...(term ? { term } : {}),
        ...(session ? { session } : {}),
      };
    }
  }
  return undefined;
}

function splitRecipients(list: string): { recipients: { name: string; copies?: number }[]; separator?: string } {
  const separator = ['、', '，', ',', '；'].find((s) => list.includes(s)) ?? (/\s/u.test(list) ? ' ' : undefined);
  const parts = separator ? list.split(separator === ' ' ? /\s+/u : separator) : [list];
  const recipients = parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const m = /^(.+?)\s*[（(]\s*(\d+)\s*份\s*[）)]$/u.exec(p);
      return m ? { name: m[1] as string, copies: Number(m[2]) } : { name: p };
    });
  return separator ? { recipients, separator } : { recipients };
}

/**
 * A contact line read on its plain form, so that a mirror's “聯(lián)系電話(huà):…” (蟠猫乡) is read as 联系电话; the person and
 * unit are kept as printed, pinyin included.
 */
function readContactAsPrinted(line: string): ReturnType<typeof readContact> {
  const plain = plainText(line);
  const c = readContact(plain.text);
  if (!c || plain.text === line) return c;
  const printed = (s: string | undefined) => {
    const at = s === undefined ? -1 : plain.text.indexOf(s);
    return at < 0 || s === undefined ? s : printedSpan(line, plain, at, at + s.length);
  };
  const person = printed(c.person);
  const department = printed(c.department);
  return { ...c, ...(person ? { person } : {}), ...(department ? { department } : {}) };
}

/** A telephone or fax number as printed: a mobile, or a fixed line with its area code and extension. */
const PHONE_NUMBER = String.raw`1[3-9]\d{9}|(?:\+?86[\s-]?)?(?:0\d{2,3}[-\s]?)?\d{7,8}(?:\s*(?:转|-)\s*\d{1,6})?`;
// A mobile number first, and no number may end inside a longer run of digits (15126801666 is not 15126801).
const PHONES = new RegExp(String.raw`(?<!\d)(?:${PHONE_NUMBER})(?!\d)`, 'gu');
/** A fax number after its label (“传  真:0571-…”, 浙江省交通运输厅). */
const FAX = new RegExp(String.raw`传\s*真\s*[:：]?\s*(${PHONE_NUMBER})(?!\d)`, 'u');

/**
 * A telephone a site printed with digits masked (“1582****162”, 嵩明): digits and two or more mask characters, kept as
 * printed in `maskedPhone` (a name masked the same way, 李*兴, has no digit).
 */
const MASKED_PHONES = /(?<![\d*＊×])(?:0\d{2,3}-?)?\d{0,4}[*＊×]{2,}\d{0,4}(?![\d*＊×])/gu;

/** The end of a unit's or section's name, as printed before a contact's name (某局电商科, 某区交运局). */
const CONTACT_UNIT = /(?:局|科|股|室|处|办|中心|委|所|站|队|院|部|厅|馆|会|公司|街道|镇|乡)$/u;

function readContact(line: string): NonNullable<ReplyLetter['contacts']>[number] | undefined {
  // A dash a page prints for the hyphen (“0878—6034678”, 武定) is read as the hyphen.
  const inner = line.replace(/^[（(]|[）)]$/gu, '').replace(/[—–－‐─]/gu, '-');
  // “联系人：”, “联系人及电话：”; the name stops at the next label (“联系电话：”) or at the number.
  const person =
    /联系(?:人|方式)(?:姓名)?(?:及(?:联系)?电话)?\s*[:：]\s*([^，,；;。\s\d]+(?:\s+(?!联系|电话|传真|邮箱|地址|邮编)[^，,；;。\s:：\d]+)?)/u.exec(
      inner,
    )?.[1];
  // A fax number (“传真:0571-…”, 浙江省交通运输厅) is its own, not the telephone.
  const faxed = FAX.exec(inner);
  const fax = faxed && isPhoneNumber((faxed[1] as string).trim()) ? (faxed[1] as string).trim() : undefined;
  const unfaxed = faxed ? inner.slice(0, faxed.index) + inner.slice(faxed.index + faxed[0].length) : inner;
  const phones = unfaxed.match(PHONES) ?? [];
  const phone = phones.find((p) => isPhoneNumber(p.trim()))?.trim();
  const maskedPhone = unfaxed.match(MASKED_PHONES)?.find(isMaskedPhoneNumber);
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u.exec(inner)?.[0];
  const postcode = /邮\s*(?:政\s*)?编\s*(?:码\s*)?[:：]?\s*(\d{6})(?!\d)/u.exec(inner)?.[1];
  // The address ends at the next label on its line (“联系地址:某区某路200号 邮政编码:201899”, 嘉定).
  const address = /地\s*址\s*[:：]\s*([^，,；;）)]+?)(?=\s+[^\s:：，,]{1,6}[:：]|[，,；;）)]|\s*$)/u
    .exec(inner)?.[1]
    ?.trim();
  // “联系单位：某局”, “联系单位及电话：某局5972877” (莒南, 紫阳): the contact's unit.
  let dept = /联系单位(?:及(?:联系)?电话)?\s*[:：]\s*([^\d，,；;（(]+)/u.exec(inner)?.[1]?.trim() || undefined;
  // A name printed after the telephone label, before the number (“(联系电话:张鹤 15877532299)”, 宁强); a section's name
  // there (“电话:办公室 …”) is no person.
  const named =
    person === undefined
      ? /(?:联系)?电\s*话\s*[:：]\s*(\p{Script=Han}{2,4})[\s:：,，]*(?=[+\d])/u.exec(inner)?.[1]
      : undefined;
  let name = person ?? (named !== undefined && !CONTACT_UNIT.test(named) ? named : undefined);
  // “承办股室及电话:电力股杨祚华0818-5123202” (达川): the section, then the person's name.
  const section =
    /承办(?:股室|科室|处室)(?:及(?:联系)?电话)?\s*[:：]\s*([^\d，,；;（(\s]+?(?:股|科|室|处|办|中心))\s*([^\d，,；;（(\s]{2,4})?/u.exec(
      inner,
    );
  if (section) {
    dept = section[1];
    name = name ?? section[2];
  }
  // “联系人:某局电商科 张某”: the section, then the name; but a name printed letter-spaced (“张 某”, 新密) is one name.
  const parts = person?.split(/\s+/u) ?? [];
  if (parts.length === 2 && CONTACT_UNIT.test(parts[0] as string)) {
    dept = parts[0];
    name = parts[1];
  } else if (person !== undefined && !person.includes(' ')) {
    // “联系人:某区交运局王某某” (通川): the unit run into the name.
    const runIn = /^(\p{Script=Han}{3,30}?(?:局|科|股|室|处|中心|所|站|队))(\p{Script=Han}{2,3})$/u.exec(person);
    if (runIn) {
      dept = runIn[1];
      name = runIn[2];
    }
  }
  // “联系人:某省公路管理局计财处,戴某” (浙江省交通运输厅): the unit, a comma, then the name.
  const unitComma = /联系人\s*[:：]\s*(\p{Script=Han}{3,30})[,，]\s*(\p{Script=Han}{2,4})(?=$|[\s，,；;。])/u.exec(
    inner,
  );
  if (unitComma && CONTACT_UNIT.test(unitComma[1] as string)) {
    dept = unitComma[1];
    name = unitComma[2];
  }
  if (!name && !phone && !maskedPhone && !email)
    return dept
      ? { department: dept }
      : postcode || fax || address
        ? { ...(fax ? { fax } : {}), ...(address ? { address } : {}), ...(postcode ? { postcode } : {}) }
        : undefined;
  return {
    ...(name ? { person: name } : {}),
    ...(dept ? { department: dept } : {}),
    ...(phone ? { phone } : {}),
    ...(maskedPhone ? { maskedPhone } : {}),
    ...(fax ? { fax } : {}),
    ...(email ? { email } : {}),
    ...(address ? { address } : {}),
    ...(postcode ? { postcode } : {}),
  };
}

function disclosureOf(mark: string, value: string): NonNullable<ReplyLetter['disclosure']> {
  const v = value.trim();
  const mode = /不予公开|免予公开|不公开|否/u.test(v)
    ? 'withheld'
    : /依申请/u.test(v)
      ? 'onRequest'
      : /公开|是/u.test(v)
        ? 'proactive'
        : undefined;
  return mode ? { mark, mode } : { mark };
}

/**
 * The disclosure mark a line prints, labelled (“公开方式:主动公开”) or bare (“(此件公开发布)”), read on its plain form so
 * that a mirror's “公開方式:主動公開” (花都) is read too; the mark is kept as printed.
 */
function readDisclosure(line: string): NonNullable<ReplyLetter['disclosure']> | undefined {
  const plain = plainText(line).text;
  const labelled = DISCLOSURE.exec(plain);
  if (labelled) return disclosureOf(line, labelled[2] ?? '');
  return DISCLOSURE_BARE.test(plain) ? disclosureOf(line, plain) : undefined;
}

/**
 * The units an acknowledgement names as having co-handled the item: “…收悉,经随州市财政局、随州市自然资源规划局会办,现答复
 * 如下:” (随州), or as the co-units the lead unit worked with: “该建议由市商务局牵头联合市委网信办、…、市教育体育局等会办单位
 * 办理” (the seed letter). Only after 经 and before 会办 or 协办, or after 联合 and before 会办单位 or 协办单位, and only
 * names that read as units.
 */
function coUnitsOf(opening: string): string[] | undefined {
  const m =
    /经(?:与)?([^，,。；;：:]{2,80}?)(?:共同)?(?:会办|协办)/u.exec(opening) ??
    /联合([^，,。；;：:]{2,160}?)等?(?:会办|协办)单位/u.exec(opening);
  // (和, 及, 与 part two names only after a unit's name: 市人力资源和社会保障局 is one)
  const names = m?.[1]?.split(/、|(?<=[局委办厅院所站队心府])[和及与]/u).map((n) => n.trim());
  return names?.length && names.every((n) => ORGAN.test(n)) ? names : undefined;
}

/**
 * The page's heading where the site prints it in a list or a table above the letter: a list item with the site's
 * number before it (“• 004(1).对区…第04-1号建议的办理答复”, 溧水) or the index table's title row in cells split by
 * “|” (“标 题 | 关于…的答复 |”, 沂南). Above the addressee only, and only a title: the site's other lists and rows
 * stay furniture.
 */
const LISTED_TITLE = /^•\s*(?:\d{1,4}(?:[(（]\d{1,3}[)）])?[.．、]\s*)?(\S.*)$/u;
const INDEX_TITLE_ROW = /^(?:标\s*题|名\s*称|信息名称)\s*[|｜]\s*([^|｜]+?)$/u;
function headingsOf(lines: string[]): string[] {
  const addressee = lines.findIndex((l) => ADDRESSEE.test(l));
  return lines.map((l, i) => {
    if (addressee >= 0 && i >= addressee) return l;
    const t = (LISTED_TITLE.exec(l) ?? INDEX_TITLE_ROW.exec(l))?.[1]?.trim();
    return t !== undefined && /^(?:关于|对)/u.test(t) && isTitle(t) ? t : l;
  });
}

/**
 * Reads the plain text of a published reply letter (as copied from a government site) into a {@link ReplyLetter} and
 * warnings for what it could not place. Pure: no I/O, no SDK. Never throws: unreadable text gives warnings and, when
 * nothing at all could be read, no letter. Page furniture (扫一扫…, 发布日期…, 关闭窗口) is skipped.
 *
 * @example
 * ```ts
 * const { letter, warnings } = parseReplyLetter(text);
 * letter?.docNumber; // '华建复〔2017〕5号'
 * ```
 */
export function parseReplyLetter(text: string): ReadLetter {
  const warnings: ReaderWarning[] = [];
  if (typeof text !== 'string' || text.trim() === '') {
    return { letter: undefined, warnings: [warn('text_empty', '没有可读的文字', 'There is no text to read')] };
  }
  const raw = headingsOf(linesOf(text));
  // The page's index table (索引号 …) opens the document on a government site: a disclosure word above it, when the
  // letter follows it, is an entry of the site's menu (“政府信息公开指南” / “依申请公开”, 安宁), not a mark the letter
  // prints.
  const indexAt = raw.findIndex((l) => INDEX_ROW.test(l));
  const letterBelow = indexAt > 0 && raw.slice(indexAt + 1).some((l) => ADDRESSEE.test(l));
  const siteMenu = new Set(letterBelow ? raw.slice(0, indexAt) : []);
  for (const l of raw.slice(indexAt + 1)) siteMenu.delete(l);
  const all = raw.filter(
    (l, i) =>
      !FURNITURE.some((re) => re.test(l)) &&
      !(
        i > 0 &&
        // (an index row printed with no value, “浏览次数:”, does not take the addressee below it: 白银)
        !ADDRESSEE.test(l) &&
        /^•?\s*(索引号|发布机构|发布日期|发布时间|来源|浏览次数|时效性|信息分类|主题分类)[:：]?$/u.test(
          (raw[i - 1] as string).replace(/^•\s*/u, ''),
        )
      ),
  );
  const letter: Record<string, unknown> = {};
  let cls: { class: ReplyClass; grade?: number } | undefined;
  const setMark = (markText: string, position: 'topRight' | 'docNumberLine' | 'title' | 'footer') => {
    const c = classOfMark(markText);
    if (!c) {
      warnings.push(warn('class_mark_unread', '分类标注无法识别', 'The class mark could not be read', markText));
      return;
    }
    cls = c;
    letter.classMark = { text: markText, position };
    if (!/[A-DＡ-Ｄ]/u.test(markText))
      warnings.push(
        warn(
          'class_mark_ordinal',
          `分类标注按沁阳市的分类读作 ${c.class} 类（${ORDINAL_CLASS_SOURCE}）`,
          `The ordinal class mark is read as class ${c.class}, as 沁阳 defines it (${ORDINAL_CLASS_SOURCE})`,
          markText,
        ),
      );
  };

  // The addressee line splits head from body. A page that dropped the colon still shows the addressee alone on its
  // line (“贺文国、佟金菊委员”) right before the opening: it is read as if the colon were there.
  let addrAt = all.findIndex((l) => ADDRESSEE.test(l));
  // A letter to a unit (a co-unit's opinion to the lead unit, 达川: “区乡村振兴局:”): the unit alone before a colon.
  const toUnitAt = addrAt < 0 ? all.findIndex((l, i) => ADDRESSEE_UNIT.test(l) && all[i + 1] !== undefined) : -1;
  if (toUnitAt >= 0) addrAt = toUnitAt;
  if (addrAt < 0) {
    // a person (“某代表”) or a unit (“区住房保障房屋管理局”, 嘉定) printed alone, with no colon, over the acknowledgement
    const bare = all.findIndex(
      (l, i) => (ADDRESSEE_BARE.test(l) || ADDRESSEE_UNIT.test(`${l}：`)) && OPENING.test(all[i + 1] ?? ''),
    );
    if (bare >= 0) {
      all[bare] = `${all[bare]}：`;
      addrAt = bare;
    }
  }
  // A page that prints the letter twice (a PDF's text layer under the page's own copy, 柳江): the second copy starts
  // where the addressee and the opening come again; it and the head lines repeated before it are dropped.
  if (addrAt >= 0) {
    let again = -1;
    for (let i = addrAt + 2; i < all.length - 1 && again < 0; i++)
      if (all[i] === all[addrAt] && all[i + 1] === all[addrAt + 1]) again = i;
    if (again >= 0) {
      let from = again;
      while (
        from - 1 > addrAt + 1 &&
        addrAt - (again - from) - 1 >= 0 &&
        all[from - 1] === all[addrAt - (again - from) - 1]
      )
        from--;
      warnings.push(
        warn(
          'letter_repeated',
          '页面重复印出答复函，只读第一份',
          'The page prints the letter twice; the first copy is read',
        ),
      );
      all.length = from;
    }
  }
  // A site heading that prints the document number in brackets after the title (“…的答复[浙交建〔2018〕101号]”): read
  // as the title line, then the number's.
  const head = (addrAt >= 0 ? all.slice(0, addrAt) : []).flatMap((line) => {
    const m = TITLE_NUMBER.exec(line);
    return m && isTitle(m[1] as string) && DOC_NUMBER.exec(m[2] as string)?.[2] === ''
      ? [m[1] as string, m[2] as string]
      : [line];
  });
  let rest = addrAt >= 0 ? all.slice(addrAt) : all;
  if (addrAt < 0) warnings.push(warn('addressee_missing', '未找到主送对象', 'No addressee line was found'));

  const titles: string[] = [];
  const headSignatories: Signatory[] = [];
  const readSignatory = (line: string): boolean => {
    if (!SIGNATORY.some(([re]) => re.test(line))) return false;
    for (const part of signatoryParts(line)) {
      const sig = SIGNATORY.find(([re]) => re.test(part));
      const m = sig?.[0].exec(part);
      if (sig && m) headSignatories.push({ role: sig[1], label: m[1] as string, name: (m[2] ?? '').trim() });
      else warnings.push(warn('line_unplaced', '页首文字无法归类', 'A line of the head was not placed', part));
    }
    return true;
  };
  // What a letter prints level with its number: a class mark (“(B类)”, “B类”), then perhaps a disclosure mark
  // (“B类  同意公开”, 平江), or a 签发人 line (GB/T 9704 §7.2.5 for up-going documents).
  const placeAfterNumber = (after: string): void => {
    if (after === '') return;
    // A title run on after the number (“嘉菊管[2025]18号对区…第T007号代表建议的会办意见”, 嘉定).
    if (/^(?:关于|对)/u.test(after) && isTitle(after)) {
      if (!titles.includes(after)) titles.push(after);
      return;
    }
    if (readSignatory(after)) return;
    const disclosure = readDisclosure(after);
    if (disclosure) {
      letter.disclosure = disclosure;
      return;
    }
    const mark = LEADING_MARK.exec(after);
    if (mark && classOfMark(mark[1] as string)) {
      setMark((mark[1] as string).trim(), 'docNumberLine');
      placeAfterNumber((mark[2] ?? '').trim());
      return;
    }
    warnings.push(
      warn('line_unplaced', '字号后的文字无法归类', 'Text after the document number was not placed', after),
    );
  };
  // A title printed over two or three lines: an opening line (关于…/对…, perhaps after the unit's name: “某局关于对
  // 柳州市”) that the next line or two complete (…的复函, 答 复, “第十五届…第83” / “代表建议的协办意见”, 柳州).
  let titleParts: string[] = [];
  let numberedRest: string | undefined;
  for (const line of head) {
    const compact = line.replace(/[\s\u3000]+/gu, '');
    const opened = numberedRest;
    numberedRest = undefined;
    if (opened !== undefined && /^第?\s*[0-9０-９]/u.test(line) && line.length <= 30 && isTitle(line)) {
      titles.splice(titles.indexOf(opened), 1, `${opened}${line}`);
      continue;
    }
    if (titleParts.length > 0 && !/^(关于|对)/u.test(line)) {
      if (TITLE.test(compact)) {
        titles.push(titleParts.join('') + line);
        for (const part of titleParts) {
          const at = warnings.findIndex((w) => w.code === 'line_unplaced' && w.text === part);
          if (at >= 0) warnings.splice(at, 1);
        }
        titleParts = [];
        continue;
      }
      if (titleParts.length < 2 && line.length <= 30 && !/[。，,；;：:！!？?]/u.test(line) && !DOC_NUMBER.test(line)) {
        titleParts.push(line);
        warnings.push(warn('line_unplaced', '页首文字无法归类', 'A line of the head was not placed', line));
        continue;
      }
    }
    titleParts = [];
    // The page's index row 信息名称 (舟曲): the title, when the letter prints none of its own (a later title wins).
    const indexed = /^信息名称\s*[:：]?\s*(\S.*)$/u.exec(line);
    if (indexed && TITLE.test(indexed[1] as string)) {
      titles.push(indexed[1] as string);
      continue;
    }
    if (readSignatory(line)) continue;
    // the site's date over the letter (“2018-09-30” in an index table)
    if (/^\d{4}-\d{2}-\d{2}$/u.test(line)) continue;
    if (DISCLOSURE_BARE.test(line) && siteMenu.has(line)) continue;
    const disclosure = readDisclosure(line);
    if (disclosure) {
      letter.disclosure = disclosure;
      continue;
    }
    if (MARK_ONLY.test(line)) {
      setMark(line, 'topRight');
      continue;
    }
    if (isLabelledMark(line)) {
      setMark(line, 'topRight');
      continue;
    }
    const numbered =
      DOC_NUMBER.exec(line) ??
      (/^[^\s，。]{1,20}\d{4}\s*[〕\]）)】]\s*\d+\s*号/u.test(line) ? /^(\S+?号)\s*(.*)$/u.exec(line) : null) ??
      DOC_NUMBER_WORD.exec(line) ??
      LOST_NUMBER.exec(line);
    // An organ code never names a session: “关于市六届人大六次会议第B(2025)174号建议的回复” (新郑) is a title whose
    // item number has a year in brackets, not a document number.
    const dn = numbered && NOT_AN_ORGAN.test(numbered[1] ?? '') ? null : numbered;
    // A mirror's number in traditional characters with pinyin (“某規(guī)劃【2020】25號(hào)”, 清远): read on the plain form
    // when the whole line is the number, and kept as printed.
    const mirrored = dn ? undefined : /號/u.test(line) ? DOC_NUMBER.exec(plainText(line).text) : undefined;
    if (dn || mirrored?.[2] === '') {
      const number = dn ? (dn[1] ?? '').trim() : line;
      const after = dn ? (dn[2] ?? '').trim() : '';
      const problems = [...new Set(checkDocNumber(number).map((p) => p.code))];
      if (problems.length === 0) letter.docNumber = number;
      else {
        letter.printedDocNumber = { text: number, problems };
        warnings.push(
          warn(
            'doc_number_nonconforming',
            `发文字号不符合 GB/T 9704：${problems.join('、')}`,
            `The document number breaks GB/T 9704: ${problems.join(', ')}`,
            number,
          ),
        );
      }
      placeAfterNumber(after);
      continue;
    }
    const marked = TITLE_MARK.exec(line);
    if (marked && TITLE.test(marked[1] as string) && classOfMark(marked[2] as string)) {
      setMark((marked[2] as string).trim(), 'title');
      if (!titles.includes(marked[1] as string)) titles.push(marked[1] as string);
      continue;
    }
    // “南宫市交通运输局 对…的答复”: the unit and the title on one line, split at the space.
    const unitTitle = /^(\S{2,30})[\s\u3000]+((?:关于|对)\S.*)$/u.exec(line);
    if (unitTitle && ORGAN.test(unitTitle[1] as string) && isTitle(line) && letter.letterhead === undefined) {
      letter.letterhead = unitTitle[1];
      const t = unitTitle[2] as string;
      if (!titles.includes(t)) titles.push(t);
      continue;
    }
    if (isTitle(line) || (/^(关于|对).{4,}(建议|提案)/u.test(line) && !/的$/u.test(line))) {
      if (!titles.includes(line)) titles.push(line);
      // …and may go on on the next line with the item's number (“关于对某市…会议代表建议” / “第0043号的答复”, 常州)
      if (!isTitle(line) && line.length <= 40) numberedRest = line;
      continue;
    }
    // (not a unit's name in the site's menu above the page's index table: the site's section, “市教体局”, 广德)
    if (ORGAN.test(line) && !letter.title && !siteMenu.has(line)) {
      letter.letterhead = line;
      continue;
    }
    // The 版头 of a document (GB/T 9704 §7.2.2): “某县民政局文件”, under a page heading that names the unit (潼关).
    if (/文件$/u.test(line) && ORGAN.test(line.slice(0, -2))) {
      letter.letterhead = line;
      continue;
    }
    // An unplaced 关于…/对… line (perhaps after the unit's name) may open a title the next lines complete.
    const opener = /^(.{0,30}?)(?:关于|对)/u.exec(line);
    if (opener && (opener[1] === '' || ORGAN.test(opener[1] as string)) && line.length <= 40) titleParts = [line];
    warnings.push(warn('line_unplaced', '页首文字无法归类', 'A line of the head was not placed', line));
  }
  if (titles.length > 0) letter.title = titles[titles.length - 1];
  else warnings.push(warn('title_missing', '未找到标题', 'No title was found'));
  // A bracketed class mark inside the title (“…第39号建议 办理情况(B)的函”, 通川): read, and the title kept as printed.
  const innerMark = TITLE_INNER_MARK.exec(((letter.title as string | undefined) ?? '').replace(/《[^》]*》/gu, ''));
  if (innerMark && cls === undefined && classOfMark(innerMark[0])) setMark(innerMark[0], 'title');

  // Addressee; a page that runs the letter into one line carries the body after the colon.
  if (addrAt >= 0) {
    const m = ADDRESSEE.exec(rest[0] ?? '') ?? ADDRESSEE_UNIT.exec(rest[0] ?? '');
    let name = m?.[1]?.trim() ?? '';
    // A page that runs the letter into one line puts the title before the addressee (蕲春): split it off.
    const titled = /^(.*\S)[\s\u3000]+(\S+)$/u.exec(name);
    if (titled && titles.length === 0 && TITLE.test((titled[1] as string).replace(/[\s\u3000]+/gu, ''))) {
      letter.title = titled[1];
      name = titled[2] as string;
      const at = warnings.findIndex((w) => w.code === 'title_missing');
      if (at >= 0) warnings.splice(at, 1);
    }
    letter.addressees = [name];
    const tail = m?.[3]?.trim();
    rest = tail ? [tail, ...rest.slice(1)] : rest.slice(1);
  }

  // The foot: from the last date back, the signature, then everything after it.
  let dateAt = -1;
  for (let i = rest.length - 1; i >= 0; i--) {
    const line = rest[i] as string;
    const d = signatureDate(line);
    if (d && (line.length - d.text.length <= 30 || line.endsWith(d.text)) && !/印发$/u.test(line)) {
      dateAt = i;
      break;
    }
    if (/^\d{7,8}日?$/u.test(line) || digitsDate(line) !== undefined) {
      dateAt = i;
      break;
    }
  }
  let body = rest;
  let foot: string[] = [];
  if (dateAt >= 0) {
    const line = rest[dateAt] as string;
    const d = signatureDate(line);
    if (d) {
      letter.date = d.iso;
      letter.dateText = d.text;
      const before = line.slice(0, d.index).trim();
      if (before !== '') rest = [...rest.slice(0, dateAt), before, ...rest.slice(dateAt)];
      if (before !== '') dateAt += 1;
    } else {
      letter.dateText = line;
      // Digits that make one real day (“20211026”, 镇坪; “2017823”, 西双版纳) are the date; else kept as printed.
      const iso = digitsDate(line);
      if (iso !== undefined) letter.date = iso;
      else warnings.push(warn('date_unreadable', '落款日期无法识别', 'The date could not be read', line));
    }
    body = rest.slice(0, dateAt);
    foot = rest.slice(dateAt + 1);
    // A run-in page puts body, closing, unit and date on one line: split the unit off the end.
    // The signing unit: its name alone, after a label (“答复单位:某局”, “会办单位:…”), or with the seal's place noted
    // after it (“某局(盖章)”).
    const lastLine = body[body.length - 1];
    const last = lastLine?.replace(SEAL, '').replace(/^(?:答复|承办|办理|主办|会办|协办|落款)单位\s*[:：]\s*/u, '');
    if (last !== undefined && last !== lastLine && ORGAN.test(last)) {
      letter.issuingUnit = { name: last };
      body = body.slice(0, -1);
    } else if (last !== undefined) {
      const organ =
        /(?:^|[\s。！!])([\p{Script=Han}]{2,30}?(?:人民政府|政府|委员会|办公室|局|委|办|中心|镇|乡))$/u.exec(last);
      // (a unit name alone on the line is handled first)
      if (ORGAN.test(last)) {
        letter.issuingUnit = { name: last };
        body = body.slice(0, -1);
      } else if (organ?.[1]) {
        letter.issuingUnit = { name: organ[1] };
        body = [...body.slice(0, -1), last.slice(0, last.length - organ[1].length).trim()];
      }
    }
    // A contact or sign-off printed above the unit and date (石林 “(联系人及电话:…)”, 武定) belongs to the foot.
    let k = body.length;
    while (k > 1 && isFootLine(body[k - 1] as string)) k--;
    foot = [...body.slice(k), ...foot];
    body = body.slice(0, k);
  } else {
    warnings.push(warn('date_missing', '未找到落款日期', 'No date was found'));
    // No date (a page cut short, 淮南): the foot still starts where the lines of a foot begin at the end.
    let k = body.length;
    while (k > 1 && isFootLine(body[k - 1] as string)) k--;
    foot = body.slice(k);
    body = body.slice(0, k);
  }
  // A sign-off label with no name (“领导签字：”): a blank for the handwritten signature, not a paragraph.
  body = body.filter((p) => {
    if (!SIGNATORY_BLANK.test(p)) return true;
    warnings.push(warn('signatory_blank', '署名栏未印姓名', 'A sign-off label is printed with no name', p));
    return false;
  });

  // Run-in bodies: split sentences that open a new paragraph in print.
  // An opening run into the answer on its line (“…收悉,现答复如下:首先感谢…”, 铁岭县) ends at 如下：.
  // A closing formula run into what follows it on the line (“特此函复 广元市…”, 朝天) ends there too.
  body = body
    .flatMap((p) =>
      p.split(
        /(?<=[。：:])\s+(?=\S)|(?<=如下[:：])(?=\S)|(?<=(?:^|\s)(?:[专特谨]此(?:答复|回复|函告|函复|函达)|此复)[。.]?)\s+(?=\S)/u,
      ),
    )
    .filter((p) => p !== '');
  // A page that runs the whole letter into one line ends its answer with the foot's lines (“…监督。 联系电话:3221671
  // 2021年7月15日”, 沂南): once split, they are the foot.
  let footFrom = body.length;
  while (footFrom > 1 && isFootLine(body[footFrom - 1] as string)) footFrom--;
  foot = [...body.slice(footFrom), ...foot];
  body = body.slice(0, footFrom);

  // A greeting printed alone before the opening (“您好,首先感谢您对…的关注。”, 河东区): one or two short paragraphs.
  let greeted = 0;
  while (greeted < 2 && isGreeting(body[greeted]) && !isOpening(body[greeted])) greeted++;
  if (greeted > 0 && isOpening(body[greeted])) {
    letter.greeting = body.slice(0, greeted);
    body = body.slice(greeted);
  }
  // Opening: the first paragraph when it acknowledges the item or leads into the answer with a colon (“…提出的《…的
  // 建议》…交县卫生健康局办理…提出以下办理答复意见:”, 石林).
  const opening = body[0];
  if (isOpening(opening)) {
    letter.opening = opening;
    body = body.slice(1);
    const coUnits = coUnitsOf(opening);
    if (coUnits) letter.coUnits = coUnits;
  }

  // Closing: the last paragraph, when it is a closing formula; a salutation and its wish printed on two lines are one
  // closing: “此致” / “敬礼！”, “此复” / “谢谢!” (蓬溪), “顺致” / “身体健康,工作顺利!”, “顺颂” / “时祺”. A paragraph of
  // thanks above the formula stays the body's last, as the labels have it (蓬溪).
  if (body.length >= 2 && SALUTATION.test(body[body.length - 2] as string) && WISH.test(body.at(-1) as string))
    body = [...body.slice(0, -2), `${body[body.length - 2]}${body[body.length - 1]}`];
  // Thanks and a hope printed as two paragraphs, each a sentence (“最后,再次衷心感谢…!” / “并真诚希望…。”; 安宁 prints
  // them on one line): one closing, joined as on one line. Never the answer's only paragraph; a formula after the thanks
  // (此复, 以上答复…) is the closing alone, the thanks staying the body's last (石林, 蓬溪).
  const courtesyPair = body.length >= 3 && isCourtesyPair(body[body.length - 2] as string, body.at(-1) as string);
  if (courtesyPair) body = [...body.slice(0, -2), `${body[body.length - 2]}${body[body.length - 1]}`];
  // The closing never takes the only paragraph after the opening: an answer that opens with thanks (“感谢某委员对…的
  // 关心。…”, 舟曲) is the body.
  // A page with no date may end in a line or two of the signature after the closing (a page cut inside the unit's
  // name, “柳州市柳南”, 柳南): short lines with no sentence in them. They are the foot, not the answer.
  let signed = body.length;
  while (
    signed > 1 &&
    body.length - signed < 2 &&
    letter.date === undefined &&
    (body[signed - 1] as string).length <= 30 &&
    !/[。，,；;：:！!？?]/u.test(body[signed - 1] as string) &&
    !HEADING.test(body[signed - 1] as string) &&
    // (a closing formula with no stop, “特此函复”, is the closing above the cut name: 朝天)
    !CLOSING.test(plainText(body[signed - 1] as string).text)
  )
    signed--;
  // They follow a closing; or, when the page ends in one line that is a unit's name, a paragraph ending a sentence
  // (“…表示答复满意。” / “某市某区卫生健康局”, 大洼: a page with no closing, cut after the unit).
  const before = body[signed - 1] as string;
  const unitAfterAnswer = body.length - signed === 1 && ORGAN.test(body.at(-1) as string) && /[。！!]$/u.test(before);
  if (signed < body.length && !CLOSING.test(plainText(before).text) && !unitAfterAnswer) signed = body.length;
  for (const line of body.slice(signed)) {
    if (ORGAN.test(line) && letter.issuingUnit === undefined) letter.issuingUnit = { name: line };
    else warnings.push(warn('line_unplaced', '落款文字无法归类', 'A line of the signature was not placed', line));
  }
  body = body.slice(0, signed);
  const lastParagraph = body[body.length - 1];
  if (
    lastParagraph !== undefined &&
    (courtesyPair ||
      CLOSING.test(plainText(lastParagraph).text) ||
      THANKS_FOR_SUPPORT.test(plainText(lastParagraph).text)) &&
    (body.length >= 2 || letter.opening === undefined)
  ) {
    letter.closing = lastParagraph;
    body = body.slice(0, -1);
  }

  // Itemized answers under short headings, or a plain body.
  const runIn = new Set<string>();
  const isHeading = (p: string) => runIn.has(p) || (HEADING.test(p) && p.length <= 60 && !/[。；;]$/u.test(p));
  // Where other items print their heading alone, a numbered paragraph that runs its heading into the answer (“一、关于
  // 新建校门的建议。经研究,…”, 内江) is an item too; with no heading alone (泰顺), numbered paragraphs stay the body.
  if (body.some(isHeading))
    body = body.flatMap((p) => {
      const m = isHeading(p) ? null : RUN_IN_HEADING.exec(p);
      if (!m) return [p];
      runIn.add(m[1] as string);
      return [m[1] as string, m[2] as string];
    });
  const firstHeading = body.findIndex(isHeading);
  if (firstHeading >= 0) {
    const intro = body.slice(0, firstHeading);
    if (intro.length) letter.intro = intro;
    const responses: Response[] = [];
    for (const p of body.slice(firstHeading)) {
      const current = responses[responses.length - 1];
      if (isHeading(p)) responses.push({ heading: p, body: [] });
      else if (current && current.body.length === 0 && current.statement === undefined && STATEMENT.test(p))
        current.statement = p;
      else current?.body.push(p);
    }
    letter.responses = responses;
  } else if (body.length) letter.body = body;

  // (in the closing too: “以上答复,已经某某审阅,…”)
  const reviewed = [...body, ...(typeof letter.closing === 'string' ? [letter.closing] : [])]
    .map((p) => REVIEWED.exec(p))
    .find(Boolean);
  const signatories: Signatory[] = [...headSignatories];
  if (reviewed?.[1]) {
    const signed = SIGNED_AFTER_REVIEW.exec(reviewed.input.slice(reviewed.index));
    if (signed?.[1]) signatories.unshift({ role: 'signer', label: signed[2] ?? '签发', name: signed[1] });
    signatories.unshift({ role: 'reviewer', label: reviewed[2] ?? '审签', name: reviewed[1] });
  }
  const contacts: NonNullable<ReplyLetter['contacts']> = [];

  // The foot, line by line; a contact in brackets may wrap over several lines. The site's own footer (版权所有, ICP
  // and 公网安备 numbers, 网站标识码) ends it: its address, postcode and hotline are not the letter's contact (细河区).
  let pendingDepartment: string | undefined;
  // A run-in page ends the contact's line with the signing unit and the date, which the page may cut (“联系人姓名及
  // 电话:某某 15948410567 某县水利局 2023年”, 永吉): the unit after the telephone is the letter's.
  const runOnUnit = (line: string, c: { phone?: string }) => {
    if (c.phone === undefined || letter.issuingUnit !== undefined) return;
    const plain = plainText(line);
    const at = plain.text.indexOf(c.phone);
    if (at < 0) return;
    const from = at + c.phone.length;
    const after = /^[\s\u3000]+([\p{Script=Han}（）()]{2,30})(?:[\s\u3000]+\d{4}\s*年?(?:\s*\d{1,2}\s*月?)?)?$/u.exec(
      plain.text.slice(from),
    );
    if (!after?.[1] || !ORGAN.test(after[1])) return;
    const start = from + (after.index ?? 0) + after[0].indexOf(after[1]);
    letter.issuingUnit = { name: printedSpan(line, plain, start, start + after[1].length) };
  };
  // A handling official whose telephone is printed on the next line (“承 办 人:某某” / “联系电话:…”) is its contact.
  let handlerAbove: string | undefined;
  foot = foot.flatMap(signatoryParts);
  for (let i = 0; i < foot.length; i++) {
    let line = foot[i] as string;
    const handler = handlerAbove;
    handlerAbove = undefined;
    if (SITE_FOOTER.test(line)) break;
    if (/^[（(]\s*联系/u.test(line) && !/[）)]$/u.test(line)) {
      while (i + 1 < foot.length && !/[）)]$/u.test(line)) line += foot[++i];
    }
    if (line === letter.title) continue; // the page repeats the title under the letter
    // The signing unit before its contact on one line: the unit (when none is read yet), then the contact.
    const plainLine = plainText(line);
    const unitFirst = unitBeforeContact(plainLine.text);
    if (unitFirst) {
      if (letter.issuingUnit === undefined)
        letter.issuingUnit = { name: printedSpan(line, plainLine, 0, unitFirst.unit.length) };
      line = line.slice(plainLine.at[unitFirst.contactAt]);
    }
    // A sign-off label the page cut to its last character (“人:黎翔”, 闽清) over a telephone line: of the labels ending
    // in 人 (签发人, 审核人, 经办人, 承办人), only the handling official's is printed with a telephone under it.
    const cut = CUT_LABEL.exec(line);
    if (cut && /^(?:联系)?电\s*话\s*[:：]/u.test(plainText(unspaced(foot[i + 1] ?? '')).text)) {
      signatories.push({ role: 'handler', label: '人', name: cut[1] as string });
      handlerAbove = cut[1];
      continue;
    }
    const sig = SIGNATORY.find(([re]) => re.test(line));
    if (sig) {
      const m = sig[0].exec(line) as RegExpExecArray;
      const value = (m[2] ?? '').trim();
      const contact = readContact(value);
      // The name ends at a telephone label, a bracket or a number: “王石罗 联系电话: 2261277”, “钟云(15115089731)”; or
      // at a colon or comma before the number (“姜某:0917—4936343”, 鹦鸽镇).
      const name =
        value.split(/[\s\u3000]*(?:(?:联系)?(?:电话|手机|方式)\s*[:：]|[（(]|[:：,，]\s*(?=\d)|\d)/u)[0]?.trim() ||
        value;
      signatories.push({ role: sig[1], label: (m[1] as string).trim(), name });
      if (contact?.phone) contacts.push({ person: name, phone: contact.phone });
      else if (sig[1] === 'handler') handlerAbove = name;
      continue;
    }
    // 报/抄送 before contacts: a 报 line may end with a second label (“联系单位：…”) that is not a contact line.
    // A list that ends in a separator goes on on the next line (“抄送:某委,某室,” / “某办公室。”).
    while (
      RECIPIENTS.test(line) &&
      /[、，,；;]$/u.test(line) &&
      i + 1 < foot.length &&
      !/[:：]/u.test(foot[i + 1] as string)
    )
      line += foot[++i];
    const rec = RECIPIENTS.exec(line);
    if (rec) {
      let printed = rec[2] ?? '';
      const trailing = TRAILING_LABEL.exec(printed);
      if (trailing) {
        printed = printed.slice(0, trailing.index);
        warnings.push(
          warn('line_unplaced', '落款后的文字无法归类', 'A line after the date was not placed', trailing[1]),
        );
      }
      const list = splitRecipients(printed.replace(/[。.]$/u, ''));
      if (rec[1]?.replace(/\s/gu, '') === '抄送') letter.copyTo = list;
      else letter.reportTo = list;
      continue;
    }
    if (
      /联系人|联系电话|联系方式|联系单位|联系地址|承办(?:股室|科室|处室)|电话[:：]|传真[:：]|邮箱|邮编|邮政编码/u.test(
        plainText(unspaced(line)).text,
      )
    ) {
      const read = readContactAsPrinted(unspaced(line));
      const c = read && !read.person && handler !== undefined ? { person: handler, ...read } : read;
      // A line that only completes the contact above it (“联系电话:…”, “邮  编:…” under “联系人:…”, 浙江省交通运输厅).
      const above = contacts[contacts.length - 1];
      if (c && above && !c.person && !c.department && Object.keys(c).every((k) => !(k in above))) {
        Object.assign(above, c);
        continue;
      }
      // The person under the unit and telephone (“联系单位及电话:某局 68118611” / “联 系 人:某某”, 上街区).
      if (c?.person && above && !above.person && Object.keys(c).every((k) => !(k in above))) {
        Object.assign(above, c);
        runOnUnit(line, c);
        continue;
      }
      if (c && !c.person && !c.phone && !c.email) {
        // A unit alone (“联系单位：某局”): it belongs to the contact on the next line.
        if (c.department === undefined) {
          warnings.push(warn('contact_unread', '联系方式无法识别', 'The contact could not be read', line));
          continue;
        }
        pendingDepartment = c.department;
        continue;
      }
      if (c) contacts.push(pendingDepartment && !c.department ? { ...c, department: pendingDepartment } : c);
      if (c) runOnUnit(line, c);
      else warnings.push(warn('contact_unread', '联系方式无法识别', 'The contact could not be read', line));
      pendingDepartment = undefined;
      continue;
    }
    const disclosure = readDisclosure(line);
    if (disclosure) {
      letter.disclosure = disclosure;
      continue;
    }
    if (SIGNATORY_BLANK.test(line)) {
      warnings.push(warn('signatory_blank', '署名栏未印姓名', 'A sign-off label is printed with no name', line));
      continue;
    }
    const imprint = IMPRINT.exec(line);
    if (imprint) {
      const d = findPrintedDate(imprint[2] ?? '');
      letter.imprint = { printedBy: (imprint[1] ?? '').trim(), ...(d ? { printDate: d.iso } : {}) };
      continue;
    }
    if (MARK_ONLY.test(line) || isLabelledMark(line)) {
      setMark(line, 'footer');
      continue;
    }
    if (ATTACHMENT.test(line)) {
      warnings.push(warn('attachment_unread', '附件未读入', 'An attachment is named; it is not read', line));
      continue;
    }
    // The signing unit after its label, its name perhaps cut by the page (“承办单位:某县住房和城乡建设”, 清原): the label
    // says it is a unit. A section in charge (分管单位) is not the letter's unit: it stays unplaced.
    const unit = UNIT_LABELLED.exec(line);
    if (
      unit &&
      unit[1] !== '分管' &&
      letter.issuingUnit === undefined &&
      /^[\p{Script=Han}（）()]{2,40}$/u.test(unit[2] ?? '')
    ) {
      letter.issuingUnit = { name: unit[2] };
      continue;
    }
    if (GARBLED_DATE.test(line)) {
      warnings.push(warn('date_unreadable', '落款日期无法识别', 'The date could not be read', line));
      continue;
    }
    if (ORGAN.test(line) && /办公室$/u.test(line) && foot[i + 1] && /印发$/u.test(foot[i + 1] as string)) {
      const d = findPrintedDate(foot[i + 1] as string);
      letter.imprint = { printedBy: line, ...(d ? { printDate: d.iso } : {}) };
      i++;
      continue;
    }
    warnings.push(warn('line_unplaced', '落款后的文字无法归类', 'A line after the date was not placed', line));
  }
  if (signatories.length) letter.signatories = signatories;
  // A letter with no contact in its foot may give its telephone in its last paragraph (“…欢迎及时联系我中心,联系电话:
  // 0839—8626899。”, 朝天): the paragraph stays as printed, and the number is the letter's contact.
  if (contacts.length === 0) {
    const lastText = [letter.closing, body.at(-1)].filter((x): x is string => typeof x === 'string');
    for (const p of lastText) {
      const at = /联系电话\s*[:：]\s*\d/u.exec(p);
      const c = at ? readContact(p.slice(at.index)) : undefined;
      if (c?.phone) {
        contacts.push({ phone: c.phone });
        break;
      }
    }
  }
  if (contacts.length) letter.contacts = contacts;
  if (cls) {
    letter.class = cls.class;
    if (cls.grade !== undefined) letter.classGrade = cls.grade;
  }
  // A title that opens with its author (“文山市交通运输局对…的答复”), the unit that signs the letter too, tells whose
  // letter it is: another unit printed above the title (the site's name, “文山市人民政府”) is not the letterhead.
  const author = /^(\S{2,30}?)(?:关于|对)/u.exec((letter.title as string | undefined) ?? '')?.[1];
  if (
    typeof letter.letterhead === 'string' &&
    author !== undefined &&
    ORGAN.test(author) &&
    (letter.issuingUnit as { name: string } | undefined)?.name === author &&
    !letter.letterhead.startsWith(author)
  ) {
    warnings.push(warn('line_unplaced', '页首文字无法归类', 'A line of the head was not placed', letter.letterhead));
    delete letter.letterhead;
  }
  // The item's reference: from the title, else another title the page prints (its heading), else the opening.
  const reference = readReference(
    [letter.title as string | undefined, ...titles.slice(0, -1).reverse(), letter.opening as string | undefined].filter(
      (x): x is string => x !== undefined,
    ),
  );
  if (reference) letter.reference = reference;
  if (!letter.responses && !letter.body) {
    // A letter needs a body: keep what was read as one, so nothing printed is lost.
    const stray = [letter.opening, letter.closing].filter((x): x is string => typeof x === 'string');
    if (stray.length) {
      delete letter.opening;
      delete letter.closing;
      letter.body = stray;
    }
    warnings.push(warn('body_missing', '未找到答复正文', 'No body was found'));
  }

  return finish(letter, warnings);
}

/** Validates what was read; a field the schema refuses is dropped with a warning, so the result always fits. */
function finish(read: Record<string, unknown>, warnings: ReaderWarning[]): ReadLetter {
  const letter = { ...read };
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = ReplyLetterSchema.safeParse(letter);
    if (r.success) return { letter: r.data, warnings: [...warnings, ...letterWarnings(r.data)] };
    const key = r.error.issues[0]?.path[0];
    if (key === undefined || !(String(key) in letter)) break;
    warnings.push(
      warn('field_dropped', `“${String(key)}”读取结果无效，已舍弃`, `"${String(key)}" was read but invalid; dropped`),
    );
    delete letter[String(key)];
  }
  return {
    letter: undefined,
    warnings: [...warnings, warn('letter_unread', '未能读出答复函', 'No letter could be read')],
  };
}
