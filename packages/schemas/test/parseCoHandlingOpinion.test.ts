// Issue 15 item 2: a reader for co-units' opinion letters (会办/协办意见函), measured on the real letters found.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoHandlingOpinionSchema, type PrintedCoHandlingOpinion, parseCoHandlingOpinion } from '../src/index.js';

const dir = new URL('./fixtures/opinions/', import.meta.url);
const collected = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => {
    const [header = '', text = ''] = readFileSync(new URL(f, dir), 'utf8').split('\n---\n');
    const { $comment: _c, ...expected } = JSON.parse(
      readFileSync(new URL(f.replace(/\.txt$/u, '.expected.json'), dir), 'utf8'),
    ) as PrintedCoHandlingOpinion & { $comment?: string };
    return { name: f, source: /^# source: (.+)$/mu.exec(header)?.[1] ?? '', text, expected };
  });

// Read wrong, and kept so (session 16): the page ran the lead unit into its byline (“2024年03月27日 来源: 上海普陀万里街道:”),
// and where the site's name ends and the unit's begins cannot be told from the letter, so no lead unit and no opinion.
const MISREAD = new Set(['shanghai-putuo-police-suggestion-006.txt']);

describe('parseCoHandlingOpinion on real opinion letters', () => {
  it('should hold eight or more real opinion letters, with their source addresses (sessions 7 to 16)', () => {
    expect(collected.length).toBeGreaterThanOrEqual(8);
    for (const o of collected) expect(o.source, o.name).toMatch(/^https?:\/\//u);
  });

  it.each(collected.filter((o) => !MISREAD.has(o.name)).map((o) => [o.name, o] as const))(
    'should read %s field by field as hand-labelled',
    (_n, o) => {
      const { opinion } = parseCoHandlingOpinion(o.text);
      expect(opinion).toBeDefined();
      for (const key of Object.keys(o.expected) as (keyof PrintedCoHandlingOpinion)[])
        expect({ [key]: opinion?.[key] }, key).toEqual({ [key]: o.expected[key] });
      expect(Object.keys(opinion ?? {}).sort()).toEqual(Object.keys(o.expected).sort());
      // With the ids a recorded opinion gets, it fits the opinion schema.
      const withIds = {
        ...o.expected,
        fromUnit: { id: 'co', name: o.expected.fromUnit.name },
        toUnit: { id: 'lead', name: o.expected.toUnit.name },
      };
      expect(CoHandlingOpinionSchema.safeParse(withIds).error?.issues ?? []).toEqual([]);
    },
  );

  it('should give no opinion, and say the lead unit is missing, for a lead unit run into the page’s byline (普陀)', () => {
    const misread = collected.filter((o) => MISREAD.has(o.name));
    expect(misread.length).toBe(MISREAD.size);
    for (const o of misread) {
      const { opinion, warnings } = parseCoHandlingOpinion(o.text);
      expect(opinion).toBeUndefined();
      expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['addressee_missing', 'opinion_unread']));
      // its label still fits the schema, with the ids a recorded opinion gets
      const withIds = {
        ...o.expected,
        fromUnit: { id: 'co', ...o.expected.fromUnit },
        toUnit: { id: 'lead', ...o.expected.toUnit },
      };
      expect(CoHandlingOpinionSchema.safeParse(withIds).success).toBe(true);
    }
  });
});

// The opinion's fields, in the schema's order.
const FIELDS = Object.keys(CoHandlingOpinionSchema.shape) as (keyof typeof CoHandlingOpinionSchema.shape)[];

/** Per field over the collected opinion letters: found right, missing, wrong (or invented). */
function opinionTable(): string {
  const read = collected.map((o) => ({ o, got: parseCoHandlingOpinion(o.text).opinion }));
  const rows = FIELDS.map((field) => {
    let right = 0;
    let missing = 0;
    let wrong = 0;
    for (const { o, got } of read) {
      const want = o.expected[field];
      const have = got?.[field];
      if (want === undefined && have === undefined) continue;
      if (have === undefined) missing++;
      else if (JSON.stringify(want) === JSON.stringify(have)) right++;
      else wrong++;
    }
    return `| ${field} | ${right} | ${missing} | ${wrong} |`;
  });
  return [
    `Measured on ${collected.length} collected opinion letter(s) (\`test/fixtures/opinions/\`), each against its hand-labelled`,
    'expected opinion; a field a letter does not print and the reader does not invent is not counted. The reader was',
    'written with the first (达川) in view. The other two (session 8: 黔东南州人民政府’s 会办意见 to 省教育厅, 渝北区城市管理局’s',
    '协办意见的函 to 双龙湖街道) were held out, labelled before the reader was run on them: its first read gave no opinion for',
    'either, so 0 of their 16 printed fields right (黔东南 names the co-unit only in its title; 渝北’s addressee is a 街道,',
    'which was not read as a unit). A fourth, found after those fixes and also held out (清远市自然资源局’s 会办意见 to',
    '市交通运输局, a mirror copy in traditional characters with pinyin), was read with 4 of its 8 printed fields right: its',
    '【】 number and its 立案號 reference were missed, and its closing 此復(fù)。 was left in the text. A fifth, found then and',
    'held out too (江门市公路局’s 会办意见 to 江门市交通运输局, also a mirror in traditional characters), was read with 4 of',
    'its 7 printed fields right: its opening and its 届/次/号 reference in traditional characters were missed, and its',
    'closing 以上意見(jiàn),供參考。 was left in the text. A sixth (session 9, held out: 柳州市自然资源和规划局’s 协办意见 to',
    '柳北区政府, 广西) was first read with none of its 8 printed fields: no opinion, as its date had lost its 年月日',
    '(2024425); its three-line title and the 协办意见 title above it were not read either. Two more (session 16, held out,',
    'the first letters from 上海: 嘉定镇街道办事处’s 会办意见 to 区住房保障房屋管理局 and 菊园新区管理委员会’s to 区交通委) were',
    'first read with 5 of their 20 printed fields right (菊园’s 5 of 10, 3 missing and 2 wrong; 嘉定镇’s none of 10):',
    'the lead unit printed alone with no colon gave no opinion; the number run into the title on its line left the title',
    'and its reference unread; the closing 以上意见供你单位统一答复代表时参考。 was left in the text; the contact’s',
    '联系地址 line was dropped. Two more from 上海 (session 16, held out: 上海市公安局普陀分局’s to 万里街道 and 普陀区建设和管理',
    '委员会’s to 真如镇街道), read after those fixes, were first read with 6 of their 17 printed fields right: 建管委’s',
    'reference printed without 委员提案 and its closing 以上供你单位答复委员表时参考。 left in the text; no opinion from the',
    'police’s, whose page ran the lead unit into its byline (“2024年03月27日 来源: 上海普陀万里街道:”). The table is the read',
    'after the fixes made for all of them; the police’s letter is still read with no opinion (where the site’s name ends',
    'and the unit’s begins cannot be told from the letter), so its 8 fields count as missing.',
    '',
    '| field | found right | missing | wrong |',
    '|---|--:|--:|--:|',
    ...rows,
  ].join('\n');
}

describe('the opinion reader accuracy table in the README', () => {
  it('should be current (regenerate: pnpm readme:reader)', () => {
    const readme = new URL('../README.md', import.meta.url);
    const START = '<!-- opinion-accuracy:start -->';
    const END = '<!-- opinion-accuracy:end -->';
    const block = `${START}\n${opinionTable()}\n${END}`;
    const text = readFileSync(readme, 'utf8');
    if (process.env.UPDATE_README) {
      const at = text.indexOf(START);
      writeFileSync(
        readme,
        at < 0
          ? `${text.trimEnd()}\n\n${block}\n`
          : text.slice(0, at) + block + text.slice(text.indexOf(END) + END.length),
      );
    }
    expect(readFileSync(readme, 'utf8')).toContain(block);
  });
});

describe('parseCoHandlingOpinion', () => {
  const letter = (...lines: string[]) => lines.join('\n');

  it('should read the co-unit from the signature and the lead unit from an addressee that is a unit', () => {
    const { opinion, warnings } = parseCoHandlingOpinion(
      letter(
        '某区财政局关于区政协三届一次会议第12号提案会办意见的函',
        '某财函〔2024〕7号',
        '区交通运输局:',
        '现将某委员提出的《关于某事的建议》(第12号提案)会办意见函告如下:',
        '我局将在预算中统筹安排。',
        '特此函告。',
        '某区财政局',
        '2024年5月6日',
        '(联系人:王某,电话:0818-1234567)',
      ),
    );
    expect(warnings).toEqual([]);
    expect(opinion).toEqual({
      fromUnit: { name: '某区财政局' },
      toUnit: { name: '区交通运输局' },
      title: '某区财政局关于区政协三届一次会议第12号提案会办意见的函',
      docNumber: '某财函〔2024〕7号',
      reference: { kind: 'proposal', printed: '区政协三届一次会议第12号提案', term: 3, session: 1, number: '12' },
      text: '现将某委员提出的《关于某事的建议》(第12号提案)会办意见函告如下:\n我局将在预算中统筹安排。',
      closing: '特此函告。',
      date: '2024-05-06',
      dateText: '2024年5月6日',
      contacts: [{ person: '王某', phone: '0818-1234567' }],
    });
  });

  it('should give no opinion and name what is missing when the lead unit or the date cannot be read', () => {
    const r = parseCoHandlingOpinion(letter('某区财政局关于第12号提案会办意见的函', '意见如下。', '某区财政局'));
    expect(r.opinion).toBeUndefined();
    const last = r.warnings.at(-1);
    expect(last?.code).toBe('opinion_unread');
    expect(last?.messages['zh-CN']).toContain('主办单位（主送）');
    expect(last?.messages.en).toContain('the date');
    expect(parseCoHandlingOpinion('').opinion).toBeUndefined();
  });

  it('should take the co-unit from the title (“某单位关于…的会办意见”) when the letter prints no signature or letterhead', () => {
    const { opinion } = parseCoHandlingOpinion(
      letter(
        '某州人民政府关于省人大十三届四次会议第560号建议的会办意见',
        '省教育厅:',
        '某代表提出的《关于某事的建议》收悉。现提出如下会办意见:',
        '我州将全力配合。',
        '2021年5月21日',
      ),
    );
    expect(opinion?.fromUnit).toEqual({ name: '某州人民政府' });
    expect(opinion?.toUnit).toEqual({ name: '省教育厅' });
  });

  it('should refuse an opinion addressed to the unit that writes it (the schema rule, checked on names)', () => {
    const r = parseCoHandlingOpinion(
      letter('关于第12号提案会办意见的函', '某区财政局:', '意见如下:', '同意。', '某区财政局', '2024年5月6日'),
    );
    expect(r.opinion).toBeUndefined();
    expect(r.warnings.at(-1)?.code).toBe('opinion_invalid');
  });
});
