import pg from 'pg';
import { expect, it } from 'vitest';
import { createPgExecutor } from '../src/index.js';
import { describeWithServer, pgUrl } from './support/server.js';

// A pool emits 'error' when one of its idle connections fails (the server restarted or ended the backend); with no
// listener, Node throws it from the socket's handler and the process ends. The executor's own pool listens.

const turn = () => new Promise((resolve) => setImmediate(resolve));

describeWithServer('an idle connection of the executor’s own pool ended by the server', () => {
  it('should neither throw from the pool nor fail the next statement', async () => {
    const executor = createPgExecutor({ connectionString: pgUrl ?? '' });
    const admin = new pg.Client({ connectionString: pgUrl });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    await admin.connect();
    try {
      const { rows } = await executor.query<{ pid: number }>('select pg_backend_pid() as pid');
      const pid = rows[0]?.pid;
      await turn(); // the held connection goes back to the pool: idle
      await admin.query('select pg_terminate_backend($1)', [pid]);
      // The backend is gone; give the client a few turns to read the server's notice and close.
      for (let i = 0; i < 100; i++) {
        const alive = await admin.query('select 1 from pg_stat_activity where pid = $1', [pid]);
        if (alive.rowCount === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught.map(String)).toEqual([]);
      const after = await executor.query<{ n: number }>('select 1 as n');
      expect(after.rows).toEqual([{ n: 1 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await executor.close();
    }
  });
});
