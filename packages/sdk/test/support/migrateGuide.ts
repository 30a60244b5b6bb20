// The worked examples of docs/extending.md: each `#region guide:<name>` below is shown verbatim in the guide
// (with `../../src/index.js` written as `@banli/sdk`), and test/migrateGuide.test.ts checks both match and run.
// #region guide:imports
import {
  type CaseContext,
  type ConfigNode,
  caseMachine,
  defineMigration,
  type Policy,
  presets,
  reviseMachine,
} from '@banli/core';
import { type Banli, type Clock, createBanli, type Store, systemFactory } from '../../src/index.js';

// #endregion

// #region guide:step
/** 办前沟通: in v2 a unit visits the proposers between handling and drafting. */
function addPreDraftVisit(config: ConfigNode): ConfigNode {
  const lifecycle = config.states?.lifecycle as ConfigNode;
  const states = lifecycle.states as Record<string, ConfigNode>;
  const handling = states.handling as ConfigNode;
  const preDraftVisit: ConfigNode = {
    description: 'The unit visits the proposers before drafting (办前沟通)',
    meta: { label: { 'zh-CN': '办前沟通', en: 'Pre-drafting visit' } },
    tags: ['awaitingUnit', 'clock.running'],
    on: {
      // A recorded visit to a proposer moves the case on to drafting; other contacts are only recorded.
      'case.recordContact': [
        { guard: 'isProposerVisit', target: 'drafting', actions: 'recordContact' },
        { guard: 'isProposerContact', actions: 'recordContact' },
      ],
      'case.terminate': { target: '#case.lifecycle.terminated', actions: ['terminateCase', 'emitCaseTerminated'] },
    },
  };
  const startDrafting = { guard: 'coOpinionsReady', target: 'preDraftVisit' };
  const rerouted = { ...handling, on: { ...handling.on, 'case.startDrafting': startDrafting } };
  const nextStates = { ...states, handling: rerouted, preDraftVisit };
  return { ...config, states: { ...config.states, lifecycle: { ...lifecycle, states: nextStates } } };
}

type ContactEvent = { type: string; method?: string; proposerId?: string };
const isProposerVisit = ({ context, event }: { context: CaseContext; event: ContactEvent }) =>
  event.type === 'case.recordContact' &&
  event.method === 'visit' &&
  context.proposers.some((p) => p.id === event.proposerId);

export const caseMachineV2 = reviseMachine(caseMachine, {
  version: 'case@5',
  config: addPreDraftVisit,
  guards: { isProposerVisit },
});
// #endregion

// #region guide:period
/** v2 rules: replies are due three months after assignment instead of by 30 June. */
export const policyV2: Policy = {
  ...presets.guangdongCity,
  id: 'cn-gd-city-2024',
  // No fixed dates (30 June, 10 May) any more: every item falls to `periods.reply`, 3 months from 交办.
  replyPeriods: [],
  periods: { ...presets.guangdongCity.periods, reply: { kind: 'months', months: 3, rollForward: true } },
};
// #endregion

// #region guide:provide
/** Extension requests also go straight to the OA system's outbox (a plain action the coordinator runs). */
export const oaOutbox: { caseId: string; reason: string }[] = [];
export const caseMachineV2WithOa = caseMachineV2.provide({
  actions: {
    emitExtensionRequested: ({ event }) => {
      if (event.type === 'case.requestExtension') oaOutbox.push({ caseId: event.caseId, reason: event.reason });
    },
  },
});
// #endregion

// #region guide:publish
/** Publishes v2: new proposals start on it, proposals on v1 keep running on v1 until migrated. */
export function publishV2(store: Store, clock: Clock) {
  return createBanli({
    store,
    clock,
    policy: policyV2,
    createSystem: systemFactory({ caseMachine: caseMachineV2WithOa }),
    previousVersions: [{ policy: presets.guangdongCity }],
  });
}
// #endregion

// #region guide:plan
/** Moves open v1 cases to v2. */
export const planV1toV2 = defineMigration({
  id: 'gd-city-2024-v1-to-v2',
  label: { 'zh-CN': '2024 年办理规则：办前沟通、答复期限三个月', en: '2024 rules: pre-drafting visit, 3-month reply' },
  from: { proposal: 'proposal@4', case: 'case@4' },
  to: { proposal: 'proposal@4', case: 'case@5' },
  case: {
    states: {
      map: {
        // Drafts started without a visit go back to the visit first.
        'lifecycle.drafting': (ctx) =>
          ctx.contacts.some((c) => c.method === 'visit') ? 'lifecycle.drafting' : 'lifecycle.preDraftVisit',
        // A pending adjustment request is decided under v1 first; migrate the case afterwards.
        'lifecycle.adjustmentRequested': {
          refuse: { 'zh-CN': '调整申请尚待交办机关处理', en: 'An adjustment request awaits the assigning office' },
        },
      },
    },
  },
  // Reply deadlines follow the new period; the visit replaces the separate first-contact deadline.
  deadlines: { reply: 'recompute', firstContact: 'drop', default: 'keep' },
});
// #endregion

// #region guide:migrate
/** Previews the migration, then applies it: one append per proposal, safe to re-run after a crash. */
export async function migrateOpenCases(banli: Banli, at: string) {
  const preview = await banli.migrate(planV1toV2, { dryRun: true, at });
  const refused = preview.streams.filter((s) => s.status === 'refused');
  for (const s of refused) console.warn(s.streamId, s.reason?.['zh-CN']); // stay on v1 for now
  const report = await banli.migrate(planV1toV2, { at });
  return { preview, report };
}
// #endregion
