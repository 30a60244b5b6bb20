import { caseStateKey, proposalStateKey } from '../../src/internal/stateKeys.js';
import {
  caseConfigs,
  caseEvents,
  caseModel,
  LATE,
  proposalEvents,
  proposalInput,
  proposalModel,
} from '../../src/internal/testModels.js';
import { elapseFirstOpen, explore } from './graph.js';

export const caseExplorations = caseConfigs.map((config) => ({
  ...config,
  result: explore(caseModel, config.input, (s) => [...caseEvents, ...elapseFirstOpen(s, LATE, 'p/u1')], caseStateKey),
}));

export const proposalExploration = explore(
  proposalModel,
  proposalInput,
  (s) => [...proposalEvents, ...elapseFirstOpen(s, LATE)],
  proposalStateKey,
);
