import { describe, expect, it } from 'vitest';
import { createApprovalQueue } from './approval-queue';

const ADDR = '0x1111111111111111111111111111111111111111';

describe('approval queue', () => {
  it('holds requests one at a time, in order, until answered', async () => {
    const q = createApprovalQueue();
    let changes = 0;
    q.subscribe(() => changes++);
    const first = q.confirm({ method: 'personal_sign', address: ADDR, text: 'one' });
    const second = q.confirm({ method: 'personal_sign', address: ADDR, text: 'two' });
    const head = q.current();
    expect(head?.request.text).toBe('one');
    expect(q.current()).toBe(head);
    q.answer(head?.id ?? -1, true);
    expect(await first).toBe(true);
    const next = q.current();
    expect(next?.request.text).toBe('two');
    // A stale answer (wrong id) is ignored.
    q.answer(head?.id ?? -1, true);
    expect(q.current()?.id).toBe(next?.id);
    q.answer(next?.id ?? -1, false);
    expect(await second).toBe(false);
    expect(q.current()).toBeUndefined();
    expect(changes).toBe(3);
  });

  it('labels each request with its purpose, using the engine hint only for unknown text', () => {
    const q = createApprovalQueue();
    q.setHint('link-device');
    void q.confirm({ method: 'personal_sign', address: ADDR, text: 'opaque' });
    expect(q.current()?.purpose).toBe('link-device');
    const q2 = createApprovalQueue();
    q2.setHint('link-device');
    void q2.confirm({
      method: 'personal_sign',
      address: ADDR,
      text: 'example.com wants you to sign in with your Ethereum account:\n',
    });
    expect(q2.current()?.purpose).toBe('sign-in');
  });
});
