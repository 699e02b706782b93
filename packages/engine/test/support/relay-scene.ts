// One real relay per test file and the people signed in to it; every engine is stopped and the
// relay closed after the file. The lifecycle the DM, leak, read-API and second-device tests share.
import { afterAll, beforeAll } from 'vitest';
import type { SqlQueryable } from '../../../../relay/src/store/sql-db';
import { type Person, signedInPerson } from './engines';
import { type RunningRelay, startRelay } from './relay-harness';
import type { TestWallet } from './test-wallet';

export interface RelayScene {
  readonly url: string;
  /** Signs a new person in (a fresh engine); `wallet` links another device of an existing one. */
  person(name: string, wallet?: TestWallet): Promise<Person>;
  /** The relay's database (what an operator, or an attacker with a disk image, would see). */
  readonly sql: SqlQueryable;
}

export function useRelayScene(): RelayScene {
  let relay: RunningRelay | undefined;
  const people: Person[] = [];
  beforeAll(async () => {
    relay = await startRelay();
  }, 60_000);
  afterAll(async () => {
    for (const p of people) await p.engine.stop();
    await relay?.close();
  });
  const url = () => {
    if (!relay) throw new Error('the relay starts in beforeAll');
    return relay.url;
  };
  return {
    get url() {
      return url();
    },
    get sql() {
      if (!relay) throw new Error('the relay starts in beforeAll');
      return relay.sql;
    },
    async person(name, wallet) {
      const p = await signedInPerson(url(), name, wallet);
      people.push(p);
      return p;
    },
  };
}
