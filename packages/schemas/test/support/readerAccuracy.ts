import { readdirSync, readFileSync } from 'node:fs';
import { seedReplyLetter132402 } from '../../src/fixtures/index.js';
import { parseReplyLetter, type ReplyLetter } from '../../src/index.js';

const dir = new URL('../fixtures/letters/', import.meta.url);
const seedText = new URL('../fixtures/zhongshan-commerce-reply-132402.txt', import.meta.url);

/** A collected letter: its name, source address, place, printed text and hand-labelled expected letter. */
export interface CollectedLetter {
  name: string;
  source: string;
  /** Province, place and level, and the kind: “云南省马关县（县级），人大建议”. */
  place: string;
  text: string;
  expected: ReplyLetter;
}

/** Every collected letter (issue 15): the fixtures under test/fixtures/letters plus the seed letter. */
export function collectedLetters(): CollectedLetter[] {
  const out: CollectedLetter[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const raw = readFileSync(new URL(f, dir), 'utf8');
    const [header = '', text = ''] = raw.split('\n---\n');
    const source = /^# source: (.+)$/mu.exec(header)?.[1] ?? '';
    const place = /^# place: (.+)$/mu.exec(header)?.[1] ?? '';
    const { $comment: _c, ...expected } = JSON.parse(
      readFileSync(new URL(f.replace(/\.txt$/u, '.expected.json'), dir), 'utf8'),
    ) as ReplyLetter & { $comment?: string };
    out.push({ name: f.replace(/\.txt$/u, ''), source, place, text, expected });
  }
  // The seed letter: its labelled form is the schemas fixture, without what the paper does not print.
  const { proposalId: _p, responses, ...seed } = seedReplyLetter132402;
  out.push({
    name: 'guangdong-zhongshan-commerce-132402',
    source: 'shared/seed/zhongshan-commerce-reply-132402.txt',
    place: '广东省中山市（地级市），政协提案',
    text: readFileSync(seedText, 'utf8'),
    expected: {
      ...seed,
      issuingUnit: { name: seed.issuingUnit?.name ?? '' },
      ...(responses ? { responses: responses.map(({ suggestionIds: _s, adoption: _a, ...r }) => r) } : {}),
    },
  });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

type Getter = (l: ReplyLetter) => unknown;

/** The fields measured, each read from a letter. */
const MEASURED: [string, Getter][] = [
  ['class', (l) => l.class],
  ['class grade', (l) => l.classGrade],
  ['class mark (text)', (l) => l.classMark?.text],
  ['class mark (position)', (l) => l.classMark?.position],
  ['doc number (valid)', (l) => l.docNumber],
  ['doc number (as printed, flagged)', (l) => l.printedDocNumber?.text],
  ['letterhead', (l) => l.letterhead],
  ['title', (l) => l.title],
  ['addressees', (l) => l.addressees],
  ['reference: kind', (l) => l.reference?.kind],
  ['reference: 届', (l) => l.reference?.term],
  ['reference: 次', (l) => l.reference?.session],
  ['reference: 号', (l) => l.reference?.number],
  ['greeting', (l) => l.greeting],
  ['opening', (l) => l.opening],
  ['itemized headings', (l) => l.responses?.map((r) => r.heading)],
  ['closing', (l) => l.closing],
  ['co-units', (l) => l.coUnits],
  ['issuing unit', (l) => l.issuingUnit?.name],
  ['date (ISO)', (l) => l.date],
  ['date (as printed)', (l) => l.dateText],
  ['signatories', (l) => l.signatories],
  ['contacts', (l) => l.contacts],
  ['disclosure mark', (l) => l.disclosure?.mark],
  ['报', (l) => l.reportTo],
  ['抄送', (l) => l.copyTo],
  ['imprint', (l) => l.imprint],
];

/** Per field: letters where the reader found it right, missed it, or got it wrong (or invented it). */
export interface FieldScore {
  field: string;
  right: number;
  missing: number;
  wrong: number;
}

/** The same value, whatever the order of object keys (a hand label may list a 抄送's separator before its entries). */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Scores the reader on every collected letter against its hand label. */
export function measureReader(letters = collectedLetters()): FieldScore[] {
  const read = letters.map((l) => ({ l, got: parseReplyLetter(l.text).letter }));
  return MEASURED.map(([field, get]) => {
    const s = { field, right: 0, missing: 0, wrong: 0 };
    for (const { l, got } of read) {
      const want = get(l.expected);
      const have = got ? get(got) : undefined;
      if (want === undefined && have === undefined) continue;
      if (have === undefined) s.missing++;
      else if (same(want, have)) s.right++;
      else s.wrong++;
    }
    return s;
  });
}

/** The README table of {@link measureReader}. */
export function accuracyTable(scores: FieldScore[], letters: number): string {
  const rows = scores.map((s) => `| ${s.field} | ${s.right} | ${s.missing} | ${s.wrong} |`);
  return [
    `Measured on ${letters} collected letters (\`test/fixtures/letters/\` and the seed letter), each against its`,
    'hand-labelled expected letter; a field a letter does not print and the reader does not invent is not counted.',
    'The reader was adjusted while these letters were collected, so this is its accuracy on the letters it was built',
    'on, not on unseen ones: the first read of the 11 letters added in session 4 got 0 of 5 contacts right, none of the',
    '3 签发人/类别 lines in the head, 6 of 10 closings, and cut every mobile number to 8 digits. The first read of the 9',
    'letters added in session 7 (湘阴, 平江, 文山州, 沙河, 泰顺, 淮南高新区, 高平) got 0 of 2 报 lists, 5 of 7 classes, 2 of 4',
    'sign-off lists and 2 of 5 contact lists right, and took the page’s 来源 for a letterhead. No collected letter prints',
    'a class grade (B1): the grade is tested on synthetic letters only (`test/parseReplyLetter.test.ts`, `readerPages`).',
    'Seven more letters (石林, 武定, 姚安, 中牟, 戌街乡, 蕲春, 马关) were held out: labelled, then read before any change',
    'made for them. That first read placed 53 of 66 printed fields right (12 missing, 1 wrong): 3 of 7 closings, 1 of 3',
    'contacts, 6 of 7 openings, and one title read into the addressee; this is the best estimate here of its accuracy on',
    'letters it has not seen. A second held-out batch (潼关, 镇坪, 紫阳, 莒南, 细河区), read by the reader as it stood after',
    'the first, placed 45 of 54 right (4 missing, 5 wrong): 1 of 4 closings, 0 of 3 contacts (one taken from the site’s',
    'footer), and two letterheads taken from a site greeting and a page heading. A third held-out batch (session 8: 闽清',
    '福建, 舟曲 甘肃, 阿拉善左旗 and 鄂温克旗 内蒙古, 博乐 新疆, 铁岭县 辽宁), labelled before the reader was run on it, placed',
    '38 of 49 printed fields right (7 missing, 4 wrong): 2 of 4 titles (a page’s 信息名称 label kept, a handling form’s',
    'title missed), 4 of 6 openings (one run into the answer on its line), 2 of 3 closings (专此 missed), 0 of 2 sign-off',
    'lists (主要领导, 主要签发领导 not read as signers), 0 of 2 contacts (a phone on its own line after the handling',
    'official), and a disclosure mark invented from the site’s index table. After the fixes made for that batch, one',
    'letter is still read wrong: 闽清’s page cut a sign-off label to its last character (“人:黎翔”), which the reader',
    'leaves unplaced, so that letter’s handling official and the contact’s name are not read. A fourth held-out batch',
    '(session 8: 米易 四川, one letter), read by the reader as it stood after the fixes for the third batch and the',
    'opinion letters, placed 12 of 13 printed fields right (its closing 最后,再次感谢… missed). A fifth held-out batch',
    '(session 9: 柳江区 and 柳南区 广西, 横峰 江西 (a mirror in traditional characters), 息烽 贵州, 岳阳楼区 湖南, 西双版纳州,',
    '篾厂乡 and 文山市 云南), labelled and committed before the reader was run on it, placed 80 of 87 printed fields right',
    '(6 missing, 1 wrong): 3 of 7 closings (希望你们以后多提…, 以上答复,不妥之处…, one before a 注:“主动公开” line, one before',
    'a page cut inside the unit’s name), 6 of 7 dates (2017823, its 年月日 lost), 1 of 2 disclosure marks, and the site’s',
    'name above a title taken for the letterhead. Fields the table does not count were wrong too: a page printing the',
    'letter twice had both copies read as one body, three bodies kept the closing, an attachment line or the disclosure',
    'note, and one reference’s printed text ran across the item’s own title. After the general fixes made for them every',
    'letter of the batch is read field by field as labelled. A sixth held-out batch (session 10: 灞桥 陕西, 阜新 and 南票区',
    '辽宁, 内江市中区 and 通川区 四川, 永吉 吉林 (a mirror in traditional characters), 新密 and 惠济区 河南, 昆都仑区 内蒙古 (a',
    'mirror), 蟠猫乡 云南 (a township; a mirror)), labelled and committed before the reader was run on it, placed 83 of 107',
    'printed fields right (21 missing, 3 wrong), the lowest first read since session 7: 0 of 4 contacts (a letter-spaced',
    'name split as unit and name, a unit run into the name, two contact lines of mirrors in traditional characters not',
    'read), 2 of 7 item numbers and 5 of 7 titles (a mirror’s title, a title followed by the item’s 《title》, a 政协',
    'session named before its term), 6 of 8 closings (在此…感谢, one above a mirror’s contact line), 6 of 8 issuing units,',
    'a class mark inside a title and a number that lost its closing bracket and 号. After the general fixes made for them',
    '106 of the 107 fields are read right; 永吉’s issuing unit, printed after the contact’s telephone on a line the store',
    'cut inside the date, is still missed. A seventh held-out batch (session 10: 兴隆台区 辽宁 (a mirror), 隆尧 河北, 房县',
    '湖北, 砚山 云南, 舒城 安徽 (a 议事原案)), read by the reader as it stood after those fixes, placed 32 of 39 right (7',
    'missing, none wrong): four letters read whole; 舒城’s addressee, thirteen deputies’ names (over 40 characters), was',
    'not read, and with it the title, reference and opening. After the fixes made for it all 39 are read right. An',
    'eighth held-out batch (session 11: 浙江省交通运输厅, the first provincial department’s letter; 铜梁区 and 永川区 重庆;',
    '安岳 and 蓬溪 四川; 白银 甘肃, a prefecture-level city; 屯留区 山西 (a mirror in traditional characters); 峄城区, 河东区',
    'and 城北路街道 (a 街道 office) 山东), labelled and committed before the reader was run on it, placed 79 of 103 printed',
    'fields right (18 missing, 6 wrong); four letters read whole. Missed: 白银’s addressee, dropped as the value of the',
    'empty 浏览次数 row above it, and with it its title, reference, opening and closing; the provincial letter’s document',
    'number printed in square brackets after its title, its item number with the delegation’s name (温36), its contact',
    '(unit before the name, telephone, fax and postcode on separate lines) and so its closing; two dates whose 年 and 月',
    'were lost but 日 kept (“2021716日”), and with one the issuing unit; a postcode labelled 邮政编码 and a signer named in',
    'the 审定 sentence (“…审定,由…签发”); two closing lines 此复 / 谢谢!; a title whose 号 the letter lost where the page',
    'heading kept it; and 河东区’s greeting paragraph (您好,首先感谢…) before the acknowledgement, which the schema could not',
    'hold until session 11 added `greeting`. After the general fixes made for them 102 of the 103 fields are read right.',
    '蓬溪’s title is still read as the letter’s own copy, which lost its 号 (“…第46” / “提案答复的函”), where its label took',
    'the page heading’s: the reader keeps a letter’s own title over the page’s, as 西双版纳’s and 沙河’s labels want, and a',
    'rule preferring a heading the letter’s copy left characters out of changed those two, so it was not kept. Over the',
    'eight held-out batches the first reads placed 422 of 518 printed fields right (81%). A ninth held-out batch',
    '(session 12: 沙坪坝区 重庆; 射洪 and 安居区 四川; 上街区 (a copy on a third-party site, printed twice), 新郑 新建路街道',
    '(a 街道 office) and 新郑 住建局 河南; 茅洋乡 浙江 (a township answering its own congress’s deputies); 君山区 湖南; 兴庆区',
    '宁夏; 清原满族自治县 辽宁; 个旧 and 镇沅 云南), labelled and committed before the reader was run on it, placed 104 of',
    '123 printed fields right (14 missing, 5 wrong); seven letters read whole. Missed: 安居区’s addressee, eleven names',
    'with two-character ones letter-spaced (“闫 冰”), and with it its title, reference and opening; 新建路街道’s item',
    'number B(2025)174, taken for a document number, and with it its reference and title (the page’s topic line read',
    'instead); 沙坪坝’s item number DH0271 read as 0271; two closings (最后,对各位代表…感谢!希望…; one above a line',
    '“承办单位:…”, a blank 单位负责人 line and a date the page garbled, “0二十六日”) and with the second its unit; 君山区’s',
    '分管领导, left in the body above the line 分管单位:城建股; and 上街区’s contact read as two (the unit and telephone on',
    'the 联系单位及电话 line, the person on the letter-spaced 联 系 人 line below). Over the nine held-out batches the first',
    'reads placed 526 of 641 printed fields right (82%). After the general fixes made for the ninth batch (session 12)',
    'its 122 printed fields are read right and nothing is invented (the first read’s 123rd counted field was the',
    'document number it invented from 新建路街道’s title); 永吉’s issuing unit (sixth batch), printed after the contact’s',
    'telephone on the line the store cut inside the date, is read too. 蓬溪’s title was relabelled to the letter’s own',
    'copy as printed, the convention every other label follows, so the reader and the labels no longer differ there;',
    'and 浙江省交通运输厅’s contact now carries its fax, which `ContactSchema` had no field for until session 12. A',
    'closing printed over two lines, a salutation and its wish (此致 / 敬礼, 顺颂 / 时祺, 顺致 / 身体健康…), is read as one,',
    'joined as 此致敬礼 is; a paragraph of thanks above such a formula is labelled, and read, as the body’s last (蓬溪).',
    'A tenth held-out batch (session 12, after all those fixes: 神木 陕西; 平顺 and 交城 山西, 交城 a mirror in traditional',
    'characters with pinyin; 蜀山区 安徽, a mirror), labelled and committed before the reader was run on it, placed 32 of',
    '39 printed fields right (7 missing, none wrong); 交城 read whole. Missed: 蜀山区’s foot, “辦復類別:A類” (a class label',
    'in traditional characters) over the last line “蜀山區財政局 聯系電話:65132561” (the unit and its telephone, no date),',
    'so its class, mark, unit and contact; 平顺’s opening, which names the suggestion and its worth but neither',
    'acknowledges it nor leads into the answer; and the kind of 神木’s item, named only as 《…的议案》. One general fix',
    'followed (an item named only by a title ending in 议案 is a suggestion); the other misses are left (the session',
    'ended). An eleventh held-out batch (session 13: 宁国 安徽, a third-party copy; 香格里拉市人民政府 and 安宁 云南), labelled',
    'and committed before the reader was run on it, placed 30 of 34 printed fields right (3 missing, 1 wrong); 宁国 read',
    'whole, and 安宁’s closing of two full sentences on one line (最后,再次衷心感谢…!并真诚希望…) read right. Missed:',
    '香格里拉’s class line “类别(C)” above the document number (class, mark and its place), and 安宁’s page menu item',
    '“依申请公开” taken for a disclosure mark. No letter was found from 江苏, 黑龙江, 海南, 青海, 西藏, 北京, 上海 or',
    '天津 (about forty searches of the stored pages found news and work reports only). After the general fixes made for',
    'it (session 13: a class in brackets after its label with no colon, 类别(C); a bare disclosure word above the page’s',
    'index table left as the site’s menu) its 33 printed fields are read right, and so are the tenth batch’s misses left in',
    'session 12: 蜀山’s foot (辦復類別:A類, its label in traditional characters, over the unit and telephone on one line) and',
    '平顺’s opening (a first paragraph naming the item by its 《title》 as the deputy’s). Thanks and a hope printed as two',
    'paragraphs are now one closing, as 安宁 prints them on one line (a formula after the thanks is still the closing',
    'alone, the thanks the body’s last, as 石林’s and 蓬溪’s labels have it). A twelfth held-out batch (session 13: 龙陵',
    '云南, one letter, read after those fixes: the site’s index table in rows split by “|”, two answers under numbered',
    'headings, the page cut inside the second) placed its 6 printed fields right; intro and answers were read as labelled',
    'too. A thirteenth held-out batch (session 13: 镇康 云南 on the county’s own site, 2025, read after the fix for the',
    'twelfth: a title wrapped over lines and joined with spaces, “…第十八届 人民代表大会第四次会议代表第0038号 建议的答复函”)',
    'placed 6 of 8 printed fields right (2 missing): the session’s term and number, the space parting 届 from 人民代表大会;',
    'after the fix that followed (a space allowed between the term and the body) all 8 are read right. A fourteenth',
    'held-out batch (session 14: 郭扶镇 重庆 and 鹦鸽镇 陕西, townships answering CPPCC members; 庙上乡 山西, a township',
    'answering a deputy; 花都区 广东, a mirror in traditional characters of the seed letter’s form; 大洼区 辽宁, a mirror',
    'with pinyin), labelled and committed before the reader was run on it, placed 49 of 60 printed fields right (9',
    'missing, 2 wrong); 郭扶镇 read whole. Missed: 花都’s reference (政協第十一屆花都區委員會第三次會議, the place after the',
    'term), closing (after a note 以上意見可主動公開。) and disclosure mark (公開方式:主動公開, in traditional characters);',
    '大洼’s item number (第158號(hào)提案, pinyin after 號) and its unit, the page’s last line; 鹦鸽镇’s handler and contact',
    'name (经办人及联系电话:姜璐颖:0917—4936343, a colon between name and telephone); 庙上乡’s closing (我们十分尊重…也十分',
    '感谢…请您一如既往…). After the general fixes made for it (session 14) all 60 are read right, and no other',
    'letter’s reading changed. 闽清’s sign-off label cut to its last character (“人:黎翔”, third batch) is read too:',
    'over a telephone line, as the handling official and the contact (of the labels ending in 人, the only one printed',
    'with a telephone under it); so every field of every collected letter is now read as labelled. A fifteenth',
    'held-out batch (session 14, after those fixes: 宁陕 陕西, a housing bureau’s letter with 类别:B alone and a transport',
    'bureau’s with 类别:C and the number and 签发人 on one line; 屏边 云南, a CPPCC reply with no title and no signing',
    'unit), labelled and committed before the reader was run on it, placed its 42 printed fields right. A sixteenth',
    '(session 14: 广德 安徽, a county-level city’s bureau; the site’s index table printed twice) placed 7 of 8 right (1',
    'wrong): the site’s section name above the index table (市教体局) taken for the letterhead; after the fix that',
    'followed (a unit’s name in the site’s menu above the index table is not the letterhead) all 8 are read right.',
    'A seventeenth held-out batch (session 15: the first two letters from 江苏, 南京溧水城市建设集团, a district',
    'state-owned company, and 常州市交通运输局, a prefecture-level city’s bureau; 沂南县体育事业发展中心 山东, a county',
    'public institution; 双台子区 辽宁, a third-party copy in traditional characters; 朝天区 四川, the reply as an online',
    'handling system prints it under the item’s form), labelled and committed before the reader was run on it, placed',
    '30 of 44 printed fields right (12 missing, 2 wrong); 双台子 read whole. Missed: 溧水’s title, a page heading printed',
    'as a list item with the site’s number (“• 004(1).对区…第04-1号建议的办理答复”), and with it its reference (an item',
    'number with a hyphen, 04-1); 常州’s title over two lines (“…会议代表建议” / “第0043号的答复”, only the second read) and',
    'its reference’s kind, 届 and 次 (the number after 代表建议); 沂南’s title in the index table’s letter-spaced 标 题',
    'row, and its closing and telephone, in the one-line cell that holds the whole letter; 朝天’s closing 特此函复, run',
    'on one line with the cut name of the signing unit (“特此函复 广元市”; the thanks above it read as the closing),',
    'and its telephone inside the last paragraph. After the general fixes made for it (session 15) all 44 are read',
    'right, and no other letter’s or opinion’s reading changed (the reader’s full output, warnings included, compared on',
    'all 119 letters and 6 opinions before and after).',
    'An eighteenth held-out batch (session 15, read after those fixes: three development zones’ management',
    'committees, a level no fixture had, 綦江高新区 重庆, 嵊州经济开发区 浙江 (a third-party copy of a document with its',
    '版头, a title over two lines, a date in Chinese numerals and a 报 list) and 嵩明杨林工业园区 云南 (a name and a',
    'telephone masked by the site); 天水市交通运输局 甘肃, a prefecture’s bureau; 犍为 经信局 四川, an item numbered',
    'within its class), labelled and committed before the reader was run on it, placed its 55 printed fields right;',
    'its bodies and answers under headings were read as labelled too. Only page furniture was left unplaced (and',
    'warned about): an index table printed as “- label: value” rows, a font-size widget over five lines.',
    'A nineteenth held-out batch (session 15: 随州市商务局 湖北, a prefecture’s bureau under a site’s accessibility',
    'toolbar, the page cut inside the answer; 丹东市公安局 辽宁, a public security bureau, no title), labelled and',
    'committed before the reader was run on it, placed 12 of 13 printed fields right (1 missing): 随州’s co-units,',
    'named in the acknowledgement (“经随州市财政局、随州市自然资源规划局会办”); the table counts co-units since, and so',
    'the seed letter’s too (“…牵头联合市委网信办、…等会办单位办理”), labelled from the start and never read. After the',
    'fix that followed all 13 are read right, and the seed letter’s co-units with them. The reader also no longer warns',
    'about the page furniture these two batches showed (an accessibility toolbar, the index table as “- label: value”',
    'rows, font-size and reading widgets, a breadcrumb cut from its label): 57 warnings fewer on 11 letters, no field',
    'changed.',
    'A twentieth held-out batch (session 16: four public security bureaus’ replies, 南票区公安分局 辽宁, 新郑 and 上街区',
    '河南, 平乡 河北, three with no signing unit and two with no title; with it the first two letters from 上海, co-units’',
    'opinions read by `parseCoHandlingOpinion`, counted in the opinion table below), labelled and committed before the reader',
    'was run on it, placed its 26 printed fields right (after the masked-telephone change only). A twenty-first (session',
    '16: 宁强县交通运输局 陕西, 类别:A, the number and 签发人 on one line, the contact in brackets under the date), read after',
    'the fixes made for the opinions, placed 17 of its 18 printed fields right (1 wrong): the contact’s name printed after',
    'the telephone label (“(联系电话:张鹤 15877532299)”) was not read; after the fix that followed all 18 are read right.',
    'Over the twenty-one held-out batches the first reads placed 838 of 995 printed fields right (84%):',
    '',
    '| held-out batch (first read) | letters | found right | missing | wrong |',
    '|---|--:|--:|--:|--:|',
    '| 1 (session 7: 石林, 武定, 姚安, 中牟, 戌街乡, 蕲春, 马关) | 7 | 53 | 12 | 1 |',
    '| 2 (session 7: 潼关, 镇坪, 紫阳, 莒南, 细河区) | 5 | 45 | 4 | 5 |',
    '| 3 (session 8: 闽清, 舟曲, 阿拉善左旗, 鄂温克旗, 博乐, 铁岭县) | 6 | 38 | 7 | 4 |',
    '| 4 (session 8: 米易) | 1 | 12 | 1 | 0 |',
    '| 5 (session 9: 柳江, 柳南, 横峰, 息烽, 岳阳楼区, 西双版纳州, 篾厂乡, 文山市) | 8 | 80 | 6 | 1 |',
    '| 6 (session 10: 灞桥, 阜新, 内江市中区, 永吉, 南票区, 新密, 通川区, 昆都仑区, 蟠猫乡, 惠济区) | 10 | 83 | 21 | 3 |',
    '| 7 (session 10: 兴隆台区, 隆尧, 房县, 砚山, 舒城) | 5 | 32 | 7 | 0 |',
    '| 8 (session 11: 浙江省交通运输厅, 铜梁, 永川, 安岳, 蓬溪, 白银, 屯留, 峄城, 河东, 城北路街道) | 10 | 79 | 18 | 6 |',
    '| 9 (session 12: 沙坪坝, 射洪, 安居, 上街, 新建路街道, 新郑, 茅洋乡, 君山, 兴庆, 清原, 个旧, 镇沅) | 12 | 104 | 14 | 5 |',
    '| 10 (session 12: 神木, 平顺, 交城, 蜀山) | 4 | 32 | 7 | 0 |',
    '| 11 (session 13: 宁国, 香格里拉, 安宁) | 3 | 30 | 3 | 1 |',
    '| 12 (session 13: 龙陵) | 1 | 6 | 0 | 0 |',
    '| 13 (session 13: 镇康 2025) | 1 | 6 | 2 | 0 |',
    '| 14 (session 14: 郭扶镇, 鹦鸽镇, 花都, 大洼, 庙上乡) | 5 | 49 | 9 | 2 |',
    '| 15 (session 14: 宁陕 住建局, 宁陕 交通运输局, 屏边) | 3 | 42 | 0 | 0 |',
    '| 16 (session 14: 广德) | 1 | 7 | 0 | 1 |',
    '| 17 (session 15: 溧水, 常州, 沂南, 双台子, 朝天) | 5 | 30 | 12 | 2 |',
    '| 18 (session 15: 綦江高新区, 嵊州经济开发区, 嵩明杨林工业园区, 天水, 犍为) | 5 | 55 | 0 | 0 |',
    '| 19 (session 15: 随州, 丹东) | 2 | 12 | 1 | 0 |',
    '| 20 (session 16: 南票 公安, 新郑 公安, 上街 公安, 平乡 公安) | 4 | 26 | 0 | 0 |',
    '| 21 (session 16: 宁强) | 1 | 17 | 0 | 1 |',
    '| all | 99 | 838 | 124 | 32 |',
    '',
    'The fifth batch’s first read, field by field (fields it prints): class 3/3, class mark 3/3 (text and place), doc',
    'number 3/3 valid and 1/1 flagged, letterhead 0/1 (1 wrong), title 4/4, addressees 8/8, reference 5/5 (kind, 届, 次,',
    '号), opening 8/8, itemized headings 1/1, closing 3/7 (4 missing), issuing unit 4/4, date 6/7 (1 missing) and as',
    'printed 7/7, signatories 2/2, contacts 3/3, disclosure mark 1/2 (1 missing). The sixth batch’s: class 1/2 and class',
    'mark 1/2 (the mark inside a title missed), doc number 0/1 flagged, letterhead 1/1, title 5/7, addressees 10/10,',
    'reference 6/8 (kind, 届, 次) and 号 4/7, opening 10/10, itemized headings 1/2 (1 wrong), closing 6/8, issuing unit',
    '6/8, date 8/8 and as printed 8/8, signatories 1/1, contacts 0/4 (2 missing, 2 wrong), 报 1/1, 抄送 1/1. The table',
    'below is every letter read by the reader as it is now.',
    '',
    '| field | found right | missing | wrong |',
    '|---|--:|--:|--:|',
    ...rows,
  ].join('\n');
}
