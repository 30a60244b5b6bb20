import { caseMachine } from '../src/case/machine.js';
import { proposalMachine } from '../src/proposal/machine.js';

// Integrators may replace named implementations only.
caseMachine.provide({ actions: { emitReplyIssued: () => {} }, guards: { canRehandle: () => false } });
proposalMachine.provide({ guards: { keyHasLeader: () => true } });

// @ts-expect-error: not an action of the case machine
caseMachine.provide({ actions: { notAnAction: () => {} } });

// @ts-expect-error: not a guard of the proposal machine
proposalMachine.provide({ guards: { notAGuard: () => true } });
