import type { Proposal } from '@banli/schemas';
import { sampleNpcSuggestion, seedProposal132402 } from '@banli/schemas/fixtures';
import fc from 'fast-check';

const HAN = [...'关于加快推进城乡基层治理服务体系建设发展的建议提案完善机制优化营商环境保障民生'];
/** Chinese text of 2 to `max` characters from a small alphabet (titles, names). */
const han = (max: number) => fc.array(fc.constantFrom(...HAN), { minLength: 2, maxLength: max }).map((a) => a.join(''));

/** Options of `arbProposal`. */
export interface ArbProposalOptions {
  /** Only this kind. @defaultValue both */
  kind?: Proposal['kind'];
  /** Only this channel. @defaultValue both */
  channel?: Proposal['channel'];
}

/**
 * Valid proposals (提案) and suggestions (建议): a kind, a channel, 1–5 proposers (exactly one first), 1–6 numbered
 * points, a title, a number and a session year (and, filed at the session, its closing day in January), shaped on the seed proposal and the sample NPC suggestion; every
 * value passes `ProposalSchema`.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbProposal(), async (p) => { await banli.submit(p, { actor }); }));
 * ```
 */
export function arbProposal(options: ArbProposalOptions = {}): fc.Arbitrary<Proposal> {
  const kind = options.kind ? fc.constant(options.kind) : fc.constantFrom<Proposal['kind']>('proposal', 'suggestion');
  const channel = options.channel
    ? fc.constant(options.channel)
    : fc.constantFrom<Proposal['channel']>('session', 'interSession');
  return fc
    .record({
      kind,
      channel,
      number: fc.integer({ min: 1, max: 999_999 }),
      year: fc.integer({ min: 2019, max: 2026 }),
      closeDay: fc.integer({ min: 10, max: 28 }),
      title: han(20),
      points: fc.array(han(16), { minLength: 1, maxLength: 6 }),
      proposers: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 5 }),
      names: fc.array(han(4), { minLength: 5, maxLength: 5 }),
    })
    .map(({ kind, channel, number, year, closeDay, title, points, proposers, names }) => {
      const base = kind === 'proposal' ? seedProposal132402 : sampleNpcSuggestion;
      const who = kind === 'proposal' ? 'member' : 'deputy';
      return {
        ...base,
        kind,
        channel,
        id: `arb-${kind}-${year}-${number}`,
        number,
        // A session item carries its session's closing day: rules may count its reply period from it (S13).
        session: { ...base.session, year, ...(channel === 'session' ? { closedOn: `${year}-01-${closeDay}` } : {}) },
        title: `关于${title}的${kind === 'proposal' ? '提案' : '建议'}`,
        suggestions: points.map((t, i) => ({ id: `s${i + 1}`, title: t })),
        proposers: proposers.map((n, i) => ({
          id: `${who}-${n}`,
          type: 'member' as const,
          name: names[i] ?? `${who}${n}`,
          ...(i === 0 ? { first: true } : {}),
        })),
      };
    });
}
