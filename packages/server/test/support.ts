import { createManualClock, createMemoryStore, type Store } from '@banli/sdk';
import { createTestHarness, runScenario, seedCase132402 } from '@banli/testing';
import { expect } from 'vitest';
import { devActorResolver, firstActor, type ResolveActor } from '../src/actors.js';
import { type RunningServer, startServer } from '../src/serve.js';

/**
 * Starts the real server on a free port over `store` (a new in-memory store by default) with a clock at a fixed
 * instant (`today`, 2023-02-20 by default) and no scheduler ticks.
 */
export async function startTestServer(
  options: { store?: Store; resolveActor?: ResolveActor; maxBodyBytes?: number; today?: string } = {},
): Promise<RunningServer> {
  const clock = createManualClock(options.today ?? '2023-02-20');
  return startServer({
    port: 0,
    store: options.store ?? createMemoryStore(),
    resolveActor: options.resolveActor ?? firstActor(devActorResolver),
    tickIntervalMs: 0,
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    banli: { clock },
  });
}

/**
 * The real server on a free port over a memory store holding the seed case run from submission to archive (the run
 * must pass), its clock on 2024-04-08; with the store, for reading it through the SDK beside the server.
 */
export async function startSeedCaseServer(): Promise<{ server: RunningServer; store: Store }> {
  const store = createMemoryStore();
  const run = await runScenario(seedCase132402, { harness: createTestHarness({ store, start: '2023-02-20' }) });
  expect(run.failures).toEqual([]);
  const server = await startTestServer({ store, resolveActor: devActorResolver, today: '2024-04-08' });
  return { server, store };
}

/** A small HTTP client for the tests: JSON in, JSON (or text) out, with the status and headers. */
export function client(base: string, defaults: Record<string, string> = {}) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...defaults, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(base + path, init);
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test responses are read field by field
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
}

export const actors = {
  proposer: 'proposer:member-liang-xiaoheng',
  committee: 'committee:cppcc-office',
  office: 'assigningOffice:gov-office:zs-government-office',
  lead: 'leadUnit:clerk:zs-commerce',
  otherLead: 'leadUnit:clerk2:zs-education',
} as const;
