// The negotiation reducer (docs/protocol.md §11.7): a pure, deterministic fold of a set of signed
// trade items into one state per negotiation. It depends only on the set of distinct items and on
// `now`: not on their order, their copies, or who received what first. So both sides, and a third
// party reading an export, compute the same state from the same items.
//
// Rules. Each proposal is closed by at most one event: an accept or decline (by its taker), a
// cancel (by its maker), or a counter-offer (a proposal by its taker, addressed to its maker). The
// earliest signed event wins, ties broken by the smaller hash; every later one is invalid
// (already_accepted when both accept, already_closed otherwise). So a negotiation is one chain from
// its opening offer, and at most one proposal in it is accepted.
import { rawItemKey } from '../trade-item';
import { type Invalid, type InvalidReason, invalid } from '../verify/invalid';
import type { VerifiedProposal, VerifiedResponse } from '../verify/verified';
import { verifyItem } from '../verify/verify-item';
import type { ItemCheckOptions } from '../verify/verify-proposal';
import type {
  Acceptance,
  Closing,
  InvalidItem,
  NegotiationState,
  NegotiationStatus,
  ProposalState,
  TradeLog,
} from './negotiation-state';

export interface ReduceOptions extends ItemCheckOptions {
  /** The clock for expiry, ms since the epoch. An export is reduced at its exportedAt. */
  readonly now: number;
}

type Candidate =
  | {
      readonly kind: 'response';
      readonly time: number;
      readonly hash: string;
      readonly response: VerifiedResponse;
    }
  | {
      readonly kind: 'counter';
      readonly time: number;
      readonly hash: string;
      readonly proposal: VerifiedProposal;
    };

const byHash = (a: { hash: string }, b: { hash: string }) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
const byTimeThenHash = (a: Candidate, b: Candidate) => a.time - b.time || byHash(a, b);

/** Keeps one copy per hash: the one with the smallest signature, so the choice is order-free. */
function keepOne<T extends { hash: string; signature: string }>(map: Map<string, T>, item: T): void {
  const existing = map.get(item.hash);
  if (existing === undefined || item.signature < existing.signature) map.set(item.hash, item);
}

function group<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else list.push(item);
}

/** Why `response` may not close `proposal`, or undefined. */
function responseProblem(response: VerifiedResponse, proposal: VerifiedProposal): Invalid | undefined {
  if (response.chainId !== proposal.chainId) return invalid('wrong_chain', 'not the proposal’s chain');
  if (response.action === 'cancel' && response.responder !== proposal.maker) {
    return invalid('not_maker', 'only the maker cancels');
  }
  if (response.action !== 'cancel' && response.responder !== proposal.taker) {
    return invalid('not_addressee', 'the proposal is not addressed to the responder');
  }
  if (response.signedAt < proposal.createdAt) return invalid('bad_time', 'signed before the proposal');
  if (response.signedAt >= proposal.expiresAt) return invalid('expired', 'signed after the proposal lapsed');
  return undefined;
}

/** Why `counter` may not close `parent`, or undefined. */
function counterProblem(counter: VerifiedProposal, parent: VerifiedProposal): Invalid | undefined {
  if (counter.chainId !== parent.chainId) return invalid('wrong_chain', 'not the parent’s chain');
  if (counter.maker !== parent.taker)
    return invalid('not_addressee', 'the parent is not addressed to its maker');
  if (counter.taker !== parent.maker) return invalid('bad_counter', 'not addressed to the parent’s maker');
  if (counter.createdAt < parent.createdAt) return invalid('bad_time', 'made before its parent');
  if (counter.createdAt >= parent.expiresAt) return invalid('expired', 'made after its parent lapsed');
  return undefined;
}

function closingOf(candidate: Candidate): Closing {
  return candidate.kind === 'response'
    ? { kind: 'response', response: candidate.response }
    : { kind: 'counter', counterHash: candidate.hash };
}

function statusOf(head: VerifiedProposal, closing: Candidate | undefined, now: number): NegotiationStatus {
  if (closing === undefined) {
    if (now >= head.expiresAt) return 'expired';
    return head.parentHash === null ? 'open' : 'countered';
  }
  if (closing.kind === 'counter') return 'countered';
  return closing.response.action === 'accept'
    ? 'accepted'
    : closing.response.action === 'decline'
      ? 'declined'
      : 'cancelled';
}

export function reduceNegotiations(items: readonly unknown[], options: ReduceOptions): TradeLog {
  const rejected = new Map<string, InvalidItem>();
  const reject = (raw: unknown, reason: InvalidReason, detail: string, hash?: string) => {
    const key = rawItemKey(raw);
    rejected.set(key, { key, reason, detail, ...(hash === undefined ? {} : { hash }) });
  };

  // 1. Each item on its own; one copy per hash.
  const proposals = new Map<string, VerifiedProposal>();
  const responses = new Map<string, VerifiedResponse>();
  for (const raw of items) {
    const checked = verifyItem(raw, options);
    if (!checked.ok) reject(raw, checked.reason, checked.detail);
    else if (checked.value.kind === 'proposal') keepOne(proposals, checked.value);
    else keepOne(responses, checked.value);
  }

  // 2. The graph: counter-offers and responses by the proposal they answer.
  const counters = new Map<string, VerifiedProposal[]>();
  const answers = new Map<string, VerifiedResponse[]>();
  const roots: VerifiedProposal[] = [];
  for (const p of proposals.values()) {
    if (p.parentHash === null) roots.push(p);
    else group(counters, p.parentHash, p);
  }
  for (const r of responses.values()) group(answers, r.proposalHash, r);

  // 3. Walk each chain from its opening offer; the earliest valid closing event wins.
  const placed = new Set<string>();
  const negotiations: NegotiationState[] = [];
  for (const root of roots.sort(byHash)) {
    const chain: ProposalState[] = [];
    let accepted: Acceptance | undefined;
    let head: VerifiedProposal | undefined = root;
    let status: NegotiationStatus = 'open';
    while (head !== undefined) {
      const proposal: VerifiedProposal = head;
      placed.add(proposal.hash);
      const candidates: Candidate[] = [];
      for (const r of answers.get(proposal.hash) ?? []) {
        placed.add(r.hash);
        const problem = responseProblem(r, proposal);
        if (problem !== undefined) reject(r.item, problem.reason, problem.detail, r.hash);
        else candidates.push({ kind: 'response', time: r.signedAt, hash: r.hash, response: r });
      }
      for (const c of counters.get(proposal.hash) ?? []) {
        const problem = counterProblem(c, proposal);
        if (problem !== undefined) {
          placed.add(c.hash);
          reject(c.item, problem.reason, problem.detail, c.hash);
        } else candidates.push({ kind: 'counter', time: c.createdAt, hash: c.hash, proposal: c });
      }
      candidates.sort(byTimeThenHash);
      const [winner, ...losers] = candidates;
      for (const loser of losers) {
        const twice = winner?.kind === 'response' && winner.response.action === 'accept';
        const reason =
          twice && loser.kind === 'response' && loser.response.action === 'accept'
            ? 'already_accepted'
            : 'already_closed';
        const item = loser.kind === 'response' ? loser.response.item : loser.proposal.item;
        placed.add(loser.hash);
        reject(
          item,
          reason,
          reason === 'already_accepted'
            ? 'the proposal was accepted before'
            : 'the proposal was answered before',
          loser.hash,
        );
      }
      status = statusOf(proposal, winner, options.now);
      chain.push({ proposal, status, ...(winner === undefined ? {} : { closedBy: closingOf(winner) }) });
      if (winner?.kind === 'response' && winner.response.action === 'accept') {
        accepted = {
          proposalHash: proposal.hash,
          orderHash: proposal.orderHash,
          responseHash: winner.hash,
          acceptedBy: winner.response.responder,
          acceptedAt: winner.response.signedAt,
        };
      }
      head = winner?.kind === 'counter' ? winner.proposal : undefined;
    }
    const last = chain[chain.length - 1];
    negotiations.push({
      rootHash: root.hash,
      headHash: last?.proposal.hash ?? root.hash,
      chainId: root.chainId,
      status,
      proposals: chain,
      ...(accepted === undefined ? {} : { accepted }),
    });
  }

  // 4. Whatever no chain reached answers a proposal that is missing or invalid.
  for (const item of [...proposals.values(), ...responses.values()]) {
    if (!placed.has(item.hash))
      reject(item.item, 'unknown_parent', 'answers no valid proposal in the log', item.hash);
  }
  const invalidItems = [...rejected.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { negotiations, invalid: invalidItems };
}
