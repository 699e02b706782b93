// The `nft` and `tx` contents (docs/protocol.md §9.2.10-11) as the share dialogs build them and the
// cards read them. The engine adds the conversation fields (v, sentAt, device-log head, group
// state hash); these are the type-specific fields, in wire spelling (lowercase hex, decimal
// uint256 strings), validated before send so a typo is refused in the dialog, not in the outbox.

import { NftContent, TxContent } from '@parley/protocol';
import { decimalsFor, lookupToken, nativeToken, parseAmount } from '@parley/trade';
import type { EngineApi } from '../../../../packages/engine/src/engine-api';

type ConversationFields = 'type' | 'v' | 'sentAt' | 'deviceLogHead' | 'groupStateHash';
export type OutgoingNft = { readonly type: 'nft' } & Omit<NftContent, ConversationFields>;
export type OutgoingTx = { readonly type: 'tx' } & Omit<TxContent, ConversationFields>;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;
const UINT256 = /^(0|[1-9][0-9]{0,77})$/;
const UINT256_MAX = 2n ** 256n - 1n;

export type DraftError = 'contract' | 'tokenId' | 'txHash' | 'from' | 'to' | 'amount' | 'decimals';
export type Built<T> =
  | { readonly ok: true; readonly content: T }
  | { readonly ok: false; readonly error: DraftError };

function uint256(text: string): string | undefined {
  const t = text.trim();
  return UINT256.test(t) && BigInt(t) <= UINT256_MAX ? t : undefined;
}

function address(text: string): string | undefined {
  const t = text.trim();
  return ADDRESS.test(t) ? t.toLowerCase() : undefined;
}

export interface NftDraft {
  readonly chainId: number;
  readonly contract: string;
  readonly tokenId: string;
  readonly standard: 'erc721' | 'erc1155';
}

export function buildNft(draft: NftDraft): Built<OutgoingNft> {
  const contract = address(draft.contract);
  if (!contract) return { ok: false, error: 'contract' };
  const tokenId = uint256(draft.tokenId);
  if (tokenId === undefined) return { ok: false, error: 'tokenId' };
  return {
    ok: true,
    content: { type: 'nft', chainId: draft.chainId, contract, tokenId, standard: draft.standard },
  };
}

export interface TxDraft {
  readonly chainId: number;
  readonly txHash: string;
  readonly from: string;
  readonly to: string;
  readonly standard: 'native' | 'erc20' | 'erc721' | 'erc1155';
  readonly contract: string;
  readonly tokenId: string;
  /** Human units for native and ERC-20 ("1.5"), a count for ERC-1155; ignored for ERC-721. */
  readonly amount: string;
  /** Needed only for an ERC-20 that is not on the built-in list. */
  readonly decimals: string;
}

export function buildTx(draft: TxDraft): Built<OutgoingTx> {
  const txHash = draft.txHash.trim();
  if (!HASH.test(txHash)) return { ok: false, error: 'txHash' };
  const from = address(draft.from);
  if (!from) return { ok: false, error: 'from' };
  const to = address(draft.to);
  if (!to) return { ok: false, error: 'to' };
  const base = { type: 'tx' as const, chainId: draft.chainId, txHash: txHash.toLowerCase() };

  if (draft.standard === 'native') {
    const amount = amountIn(draft.amount, nativeToken(draft.chainId).decimals);
    if (amount === undefined) return { ok: false, error: 'amount' };
    return { ok: true, content: { ...base, transfer: { from, to, asset: { standard: 'native' }, amount } } };
  }
  const contract = address(draft.contract);
  if (!contract) return { ok: false, error: 'contract' };
  if (draft.standard === 'erc20') {
    const token = lookupToken(draft.chainId, contract);
    let decimals: number;
    try {
      const supplied = draft.decimals.trim() === '' ? undefined : Number(draft.decimals);
      if (supplied !== undefined && (!Number.isInteger(supplied) || supplied < 0 || supplied > 36))
        return { ok: false, error: 'decimals' };
      decimals = decimalsFor(token, supplied);
    } catch {
      return { ok: false, error: 'decimals' };
    }
    const amount = amountIn(draft.amount, decimals);
    if (amount === undefined) return { ok: false, error: 'amount' };
    return {
      ok: true,
      content: { ...base, transfer: { from, to, asset: { standard: 'erc20', contract }, amount } },
    };
  }
  const tokenId = uint256(draft.tokenId);
  if (tokenId === undefined) return { ok: false, error: 'tokenId' };
  const amount = draft.standard === 'erc721' ? '1' : uint256(draft.amount);
  if (amount === undefined || amount === '0') return { ok: false, error: 'amount' };
  return {
    ok: true,
    content: {
      ...base,
      transfer: { from, to, asset: { standard: draft.standard, contract, tokenId }, amount },
    },
  };
}

function amountIn(text: string, decimals: number): string | undefined {
  try {
    const value = parseAmount(text, decimals);
    return value > 0n ? value.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** The stored content as an nft / tx content, or undefined when it is not a well-formed one. */
export function nftOf(content: unknown): NftContent | undefined {
  const parsed = NftContent.safeParse(content);
  return parsed.success ? parsed.data : undefined;
}

export function txOf(content: unknown): TxContent | undefined {
  const parsed = TxContent.safeParse(content);
  return parsed.success ? parsed.data : undefined;
}

/** Sends an nft or tx content (the engine adds the conversation fields). */
export function sendChainContent(
  engine: Pick<EngineApi, 'send'>,
  conversationId: string,
  content: OutgoingNft | OutgoingTx,
): Promise<string> {
  return engine.send(conversationId, content);
}
