// Test clients: GraphQL over HTTP with fetch, and graphql-ws over a real WebSocket.
import { randomUUID } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OPERATIONS } from '../../../packages/protocol/src/graphql/operations';

export interface GqlResult {
  readonly status: number;
  readonly data: Record<string, unknown> | null | undefined;
  readonly errors:
    | ReadonlyArray<{ message: string; extensions?: { kind?: string; retryAfterMs?: number } }>
    | undefined;
}

export async function gqlRaw(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GqlResult> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const json: unknown = await res.json();
  const body = typeof json === 'object' && json !== null ? json : {};
  return {
    status: res.status,
    data: 'data' in body ? (body.data as GqlResult['data']) : undefined,
    errors: 'errors' in body ? (body.errors as GqlResult['errors']) : undefined,
  };
}

export const op = OPERATIONS;

/** Runs an operation and returns its data field, or throws an Error whose message is the kind. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const r = await gqlRaw(url, query, variables, token);
  if (r.errors !== undefined && r.errors.length > 0) {
    const e = r.errors[0];
    throw new KindError(e?.extensions?.kind ?? 'none', e?.message ?? '');
  }
  return r.data as T;
}

export class KindError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(`${kind}: ${message}`);
  }
}

/** The error kind a promise rejects with (KindError), or 'ok'. */
export async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof KindError ? e.kind : `thrown: ${String(e)}`;
  }
}

export function wsClient(
  wsUrl: string,
  token: string | undefined,
  extra: Partial<Parameters<typeof createClient>[0]> = {},
): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    generateID: () => randomUUID(),
    connectionParams: token === undefined ? {} : { token },
    retryAttempts: 0,
    lazy: true,
    ...extra,
  });
}

/** Collects the events of one `events` subscription (`query`: another text of the document). */
export function subscribeEvents(client: Client, query: string = OPERATIONS.events) {
  const events: Array<Record<string, unknown>> = [];
  const errors: unknown[] = [];
  let completed = false;
  const waiters: Array<() => void> = [];
  const notify = () => {
    for (const w of waiters.splice(0)) w();
  };
  const dispose = client.subscribe(
    { query },
    {
      next: (r) => {
        if (r.errors) errors.push(...r.errors);
        const e = r.data?.events;
        if (typeof e === 'object' && e !== null) events.push(e as Record<string, unknown>);
        notify();
      },
      error: (e) => {
        errors.push(e);
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  return {
    events,
    errors,
    get completed() {
      return completed;
    },
    dispose,
    /** Resolves once `pred` holds (checked on each event), or rejects after `ms`. */
    async until(pred: () => boolean, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > deadline)
          throw new Error(`timed out; events: ${JSON.stringify(events).slice(0, 500)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
  };
}
