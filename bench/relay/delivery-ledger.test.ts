import { describe, expect, it } from 'vitest';
import { accountDeliveries } from './delivery-ledger';

const members = new Map([
  ['c1', ['alice', 'bob']],
  ['c2', ['carol']],
]);
const acked = [
  { conv: 'c1', seq: 1 },
  { conv: 'c1', seq: 2 },
  { conv: 'c2', seq: 1 },
];

describe('accountDeliveries', () => {
  it('counts a clean run as delivered with nothing lost or repeated', () => {
    const a = accountDeliveries(acked, members, [
      { receiver: 'alice', conv: 'c1', seqs: [1, 2] },
      { receiver: 'bob', conv: 'c1', seqs: [2, 1] },
      { receiver: 'carol', conv: 'c2', seqs: [1] },
    ]);
    expect(a).toEqual({ expected: 5, delivered: 5, lost: 0, duplicates: 0, unacked: 0 });
  });

  it('finds a loss per (receiver, message), and a repeat even across two logs', () => {
    const a = accountDeliveries(acked, members, [
      { receiver: 'alice', conv: 'c1', seqs: [1, 2, 2] },
      { receiver: 'bob', conv: 'c1', seqs: [1] },
      { receiver: 'bob', conv: 'c1', seqs: [1] },
    ]);
    expect(a).toEqual({ expected: 5, delivered: 3, lost: 2, duplicates: 2, unacked: 0 });
  });

  it('counts a message nobody acknowledged, or a receiver outside the group, apart', () => {
    const a = accountDeliveries(acked, members, [
      { receiver: 'alice', conv: 'c1', seqs: [1, 2, 3] },
      { receiver: 'mallory', conv: 'c1', seqs: [1] },
    ]);
    expect(a.unacked).toBe(2);
    expect(a.delivered).toBe(2);
    expect(a.lost).toBe(3);
  });

  it('expects one delivery per distinct ack (a repeated ack is one message)', () => {
    const a = accountDeliveries([...acked, { conv: 'c2', seq: 1 }], members, []);
    expect(a.expected).toBe(5);
    expect(a.lost).toBe(5);
  });
});
