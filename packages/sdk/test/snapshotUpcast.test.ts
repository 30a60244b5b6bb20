// Issue 15: a snapshot that embeds a reply letter in the shape before the issue-15 renames (contact, signer,
// printedBy/printDate, copyTo as a list, classMark as a string, suggestionId) loads and reads in the current shape.
// The fixture is a real snapshot and log written by the SDK before the renames (see its $comment).
import { readFileSync } from 'node:fs';
import { ReplyLetterSchema } from '@banli/schemas';
import { describe, expect, it } from 'vitest';
import { createBanli, createManualClock, type JsonObject, type Store, type StoredEvent } from '../src/index.js';
import { upcastSnapshotState } from '../src/internal/upcast.js';
import { seedBanli, seedCaseId, seedId } from './support/seedBanli.js';
import { asCurrent } from './support/snapshots.js';

interface Snapshot {
  streamId: string;
  version: number;
  state: JsonObject;
  machine: JsonObject;
  recordedAt: string;
}
const old = JSON.parse(readFileSync(new URL('./fixtures/old-shape-snapshot-132402.json', import.meta.url), 'utf8')) as {
  drafted: Snapshot;
  signed: Snapshot;
  log: StoredEvent[];
};

type Case = { context: { draft?: Record<string, unknown>; letters: { letter: Record<string, unknown> }[] } };
const caseOf = (state: JsonObject) =>
  (state as unknown as { handling: { cases: Record<string, Case> } }).handling.cases[seedCaseId] as Case;

/** A store serving the stream as the snapshot and its log (events after the snapshot: none). */
function storeOf(snapshot: Snapshot, log: StoredEvent[]): Store {
  const { store } = seedBanli();
  return Object.assign(Object.create(store) as Store, {
    async load(id: string) {
      return id === seedId ? { snapshot: structuredClone(snapshot), events: [], version: snapshot.version } : undefined;
    },
    async readStream(id: string) {
      return id === seedId ? structuredClone(log).slice(0, snapshot.version) : [];
    },
  });
}

describe('old-shape letters inside snapshots (issue 15)', () => {
  it('the fixture really holds old-shape letters', () => {
    const draft = caseOf(old.drafted.state).context.draft ?? {};
    const issued = caseOf(old.signed.state).context.letters[0]?.letter ?? {};
    for (const letter of [draft, issued]) {
      expect(Object.keys(letter)).toEqual(expect.arrayContaining(['contact', 'signer', 'printedBy', 'printDate']));
      expect(ReplyLetterSchema.safeParse(letter).success).toBe(false);
    }
  });

  it('upcasts the draft and the issued letter of a real old snapshot to letters the schema accepts', () => {
    const drafted = caseOf(upcastSnapshotState(old.drafted.state)).context.draft;
    const issued = caseOf(upcastSnapshotState(old.signed.state)).context.letters[0]?.letter;
    for (const letter of [drafted, issued]) {
      expect(ReplyLetterSchema.safeParse(letter).success).toBe(true);
      expect(letter).toMatchObject({
        contacts: [{ person: '陈启航', phone: '89892335' }],
        classMark: { text: '(A类)' },
        copyTo: { recipients: expect.arrayContaining([{ name: '市政协提案' }, { name: '市政府办公室' }]) },
      });
      expect(letter).not.toHaveProperty('contact');
      expect(letter).not.toHaveProperty('printedBy');
    }
    // The stored snapshot is not changed.
    expect(caseOf(old.signed.state).context.letters[0]?.letter).toHaveProperty('contact');
  });

  it('returns a current snapshot state as the same object (no copy on the usual load)', async () => {
    const { banli, store } = seedBanli();
    const { seedAccepted } = await import('./support/seedBanli.js');
    await seedAccepted(banli);
    const state = (await store.load(seedId))?.snapshot?.state as JsonObject;
    expect(upcastSnapshotState(state)).toBe(state);
  });

  it('loads a snapshot read as is (no replay) with its letters in the current shape', async () => {
    const banli = createBanli({
      store: storeOf(asCurrent(old.signed), old.log),
      clock: createManualClock('2023-07-01'),
    });
    const text = await banli.letter(seedId, seedCaseId);
    expect(text).toContain('陈启航');
    expect(text).toContain('89892335');
    const drafted = createBanli({
      store: storeOf(asCurrent(old.drafted), old.log),
      clock: createManualClock('2023-07-01'),
    });
    const view = await drafted.get(seedId);
    expect(view.version).toBe(old.drafted.version);
  });

  it('loads the real snapshot as written (proposal@1 / case@1) by replaying its upcast log', async () => {
    const banli = createBanli({ store: storeOf(old.signed, old.log), clock: createManualClock('2023-07-01') });
    expect((await banli.get(seedId)).version).toBe(old.signed.version);
    const text = await banli.letter(seedId, seedCaseId);
    expect(text).toContain('陈启航');
  });
});
