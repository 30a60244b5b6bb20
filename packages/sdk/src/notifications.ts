/** A notification delivered to subscribers after its command committed (or from `tick`). */
export interface BanliNotification {
  /** E.g. `reply.issued`, `deadline.missed`, `reminder.due`, `deadline.escalated`. */
  type: string;
  /** The proposal it concerns. */
  proposalId: string;
  /** The stream version that produced it (0 for reminders and escalations, which write nothing). */
  version: number;
  /** The business date it happened on. */
  at: string;
  /** A stable key integrations can use to drop duplicates. */
  key: string;
  /** The notification as emitted (machine notifications keep their fields, e.g. `caseId`, `class`, `docNumber`). */
  payload: Record<string, unknown>;
  /**
   * Where it sits in the outbox: set on notifications read from `banli.outbox` (pass it as `after` to continue after
   * it, e.g. as an SSE event id); absent on the in-process `subscribe` ones.
   */
  position?: string;
}

/** A subscriber callback. */
export type NotificationListener = (notification: BanliNotification) => void | Promise<void>;

/** Fan-out of notifications to subscribers; a failing subscriber never fails the command. */
export function createNotifier(onError: (error: unknown, n: BanliNotification) => void) {
  const listeners = new Set<{ fn: NotificationListener; types: ReadonlySet<string> | undefined }>();
  return {
    subscribe(fn: NotificationListener, types?: readonly string[]): () => void {
      const entry = { fn, types: types ? new Set(types) : undefined };
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    get active(): boolean {
      return listeners.size > 0;
    },
    async publish(notifications: readonly BanliNotification[]): Promise<void> {
      for (const n of notifications) {
        for (const l of listeners) {
          if (l.types && !l.types.has(n.type)) continue;
          try {
            await l.fn(n);
          } catch (error) {
            onError(error, n);
          }
        }
      }
    },
  };
}

/** The notifier type. */
export type Notifier = ReturnType<typeof createNotifier>;
