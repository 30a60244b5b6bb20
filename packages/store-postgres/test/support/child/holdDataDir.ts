// A child process for the lock test: opens a PGlite store on a data directory, submits N proposals, says "ready" and
// holds the directory until it is killed.

import { seedProposal132402 } from '@banli/schemas/fixtures';
import { createBanli, createManualClock } from '@banli/sdk';
import { createPgliteStore } from '../../../src/index.js';

const [dir, count] = process.argv.slice(2);
const store = await createPgliteStore({ dataDir: dir as string });
const banli = createBanli({ store, clock: createManualClock('2023-02-20') });
const actor = { role: 'proposer', id: 'member-liang-xiaoheng' } as const;
for (let i = 0; i < Number(count); i++) {
  await banli.submit({ ...seedProposal132402, id: `held-${i}` }, { actor, at: '2023-02-20' });
}
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
