// Filling gaps in a conversation's seqs (DESIGN.md §3 "Gaps in seq trigger a fetch"). history()
// pages through the conversation after appliedSeq; each page carries `throughSeq`, the highest seq
// it covered including seqs with no copy for this device, so once the pages reach the seqs already
// held, everything below them is either applied or known not to be ours.
import type { RelayApi } from '../transport/relay-api';
import { type ApplyDeps, type ApplyResult, applyEnvelopes } from './apply';
import { seqStateOf } from './seq-tracker';

export const HISTORY_PAGE = 100;

export async function fillGap(
  deps: ApplyDeps,
  api: RelayApi,
  conversationId: string,
  onPage: (result: ApplyResult) => void,
): Promise<void> {
  for (let guard = 0; guard < 10_000; guard++) {
    const row = await deps.db.conversations.get(conversationId);
    if (!row) return;
    const state = seqStateOf(row);
    if (state.aheadSeqs.length === 0) return;
    const page = await api.history(conversationId, state.appliedSeq, HISTORY_PAGE);
    const result = await applyEnvelopes(deps, page.items, {
      covered: { conversationId, throughSeq: page.throughSeq },
    });
    onPage(result);
    if (!page.hasMore && page.throughSeq <= state.appliedSeq) return;
  }
}
