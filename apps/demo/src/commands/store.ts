import { createBanli, NotFound, type Store } from '@banli/sdk';
import { seedCase132402, timelineFromHistory } from '@banli/testing';
import { type Lang, messages } from '../i18n.js';
import { stateText } from '../ui/labels.js';
import { table } from '../ui/text.js';
import { formatTimeline } from './seed.js';

/** Opens the embedded PGlite store kept in a directory (loaded only when `--store` is given). */
export async function openStore(dir: string): Promise<Store> {
  const { createPgliteStore } = await import('@banli/store-postgres');
  return createPgliteStore({ dataDir: dir });
}

/** Whether the seed case is already in the store. */
export async function hasSeed(store: Store): Promise<boolean> {
  return (await store.getSummary(seedCase132402.proposal.id)) !== undefined;
}

/** Lists the proposals kept in the store: id, state, units and title. */
export async function listCommand(store: Store, lang: Lang, out: (text: string) => void): Promise<number> {
  const t = messages[lang];
  const rows: string[][] = [];
  for (let after: string | undefined; ; ) {
    const page = await store.queryStreams({ limit: 500, ...(after === undefined ? {} : { afterStreamId: after }) });
    for (const s of page) {
      const facts = s.facts as { title?: string };
      rows.push([s.streamId, stateText('proposal', s.state, lang), s.unitIds.join(','), facts.title ?? '']);
    }
    if (page.length < 500) break;
    after = page.at(-1)?.streamId;
  }
  out(rows.length === 0 ? t.emptyStore : table([t.proposalId, t.state, t.unit, t.title], rows));
  return 0;
}

/** Shows one stored proposal: its timeline from the event log, then its reply letters. */
export async function showCommand(store: Store, id: string, lang: Lang, out: (text: string) => void): Promise<number> {
  const t = messages[lang];
  const banli = createBanli({ store });
  try {
    out(formatTimeline(timelineFromHistory(await banli.history(id)), lang));
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    process.stderr.write(`${t.notFound(id)}\n`);
    return 1;
  }
  for (const c of (await banli.get(id)).cases)
    if (c.letter)
      out(`${'═'.repeat(72)}\n${t.letter} ${c.caseId}\n${'═'.repeat(72)}\n${await banli.letter(id, c.caseId)}`);
  return 0;
}
