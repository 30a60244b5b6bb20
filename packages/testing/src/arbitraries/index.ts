export { arbPolicy } from './policy.js';
export { type ArbProposalOptions, arbProposal } from './proposal.js';
export { type ArbScenarioOptions, arbScenario, arbWorkingDay } from './scenario.js';
