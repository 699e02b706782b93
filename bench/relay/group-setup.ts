// Groups for the bench, made the way clients make them: every member a fresh ethers wallet signed
// in with SIWE; the admin publishes its device log (so its device may sign controls), creates the
// group and adds the others with one signed `add` control. The sender is the admin's wallet on a
// second device (its own session): the relay pushes an envelope to every member device except
// the sending one, so a group of N subscribed members is a fan-out of N.
import { randomBytes } from 'node:crypto';
import { control, createGroup } from '../../relay/test/helpers/groups';
import { newIdentity, publishLog, signIn } from '../../relay/test/helpers/identity';
import { mapLimit } from './concurrency';

export interface BenchGroup {
  readonly conv: string;
  /** receiver = the member's address (one subscribed device each). */
  readonly members: ReadonlyArray<{ readonly receiver: string; readonly token: string }>;
  readonly senderToken: string;
}

async function createOne(url: string, size: number): Promise<BenchGroup> {
  const admin = await newIdentity(url);
  await publishLog(url, admin);
  const conv = await createGroup(url, admin);
  const others = await Promise.all(Array.from({ length: size - 1 }, () => newIdentity(url)));
  if (others.length > 0)
    await control(
      url,
      admin,
      conv,
      'add',
      others.map((o) => o.address),
    );
  const senderToken = await signIn(url, admin.wallet, randomBytes(16).toString('hex'));
  return {
    conv: conv.id,
    members: [admin, ...others].map((m) => ({ receiver: m.address, token: m.token })),
    senderToken,
  };
}

/** `count` groups of `size` members on the relay at `url` (http base). */
export async function createGroups(url: string, count: number, size: number): Promise<BenchGroup[]> {
  const outcomes = await mapLimit(Array.from({ length: count }), 4, () => createOne(url, size));
  return outcomes.map((o) => {
    if (!o.ok) throw new Error(`group setup failed: ${o.error}`);
    return o.value;
  });
}

/** The same shape for the raw baseline, which has no accounts: fresh room and member ids. */
export function rawGroups(count: number, size: number): BenchGroup[] {
  const id = () => randomBytes(16).toString('hex');
  return Array.from({ length: count }, () => ({
    conv: id(),
    members: Array.from({ length: size }, () => ({ receiver: id(), token: '' })),
    senderToken: '',
  }));
}
