import type { BanliEvent, BanliEventType, CASE_EVENT_TYPES, PROPOSAL_EVENT_TYPES } from '@banli/schemas';
import { expectTypeOf } from 'vitest';
import type { EventFromLogic } from 'xstate';
import type { caseMachine } from '../src/case/machine.js';
import type { proposalMachine } from '../src/proposal/machine.js';

type ProposalMachineEvent = EventFromLogic<typeof proposalMachine>;
type CaseMachineEvent = EventFromLogic<typeof caseMachine>;

// The machines accept exactly the events @banli/schemas validates, payloads included.
expectTypeOf<ProposalMachineEvent | CaseMachineEvent>().toEqualTypeOf<BanliEvent>();
expectTypeOf<(ProposalMachineEvent | CaseMachineEvent)['type']>().toEqualTypeOf<BanliEventType>();

// Each machine takes its own share of the union.
expectTypeOf<ProposalMachineEvent['type']>().toEqualTypeOf<(typeof PROPOSAL_EVENT_TYPES)[number]>();
expectTypeOf<CaseMachineEvent['type']>().toEqualTypeOf<(typeof CASE_EVENT_TYPES)[number]>();
