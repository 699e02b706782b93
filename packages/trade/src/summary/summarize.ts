// The plain-language summary shown before the wallet prompt and on the card: "You give 1 WETH. You
// get Punk #123. Expires in 24 hours." Structured first (the UI translates from it), with an
// English rendering. Amounts of unverified tokens are shown in base units with a warning, never
// with decimals the counterparty chose.

import { formatAmount } from '../assets/amounts';
import { findLookalikes } from '../assets/lookalike';
import { lookupToken, nativeToken, tokensOf } from '../assets/token-lookup';
import type { Asset } from '../seaport/assets';
import type { VerifiedProposal } from '../verify/verified';

export type AssetLine =
  | {
      readonly kind: 'coin';
      readonly standard: 'native' | 'erc20';
      readonly contract?: string;
      /** Base units. */
      readonly amount: bigint;
      /** Present when the token is native or verified: symbol and amount in whole tokens. */
      readonly symbol?: string;
      readonly display?: string;
    }
  | {
      readonly kind: 'nft';
      readonly standard: 'erc721' | 'erc1155';
      readonly contract: string;
      readonly tokenId: bigint;
      readonly amount: bigint;
      readonly collection?: string;
    };

export type SummaryWarning =
  | { readonly kind: 'unverified_token'; readonly contract: string }
  | { readonly kind: 'lookalike_token'; readonly contract: string; readonly resembles: string };

export interface ProposalSummary {
  /** Whose point of view `give` and `get` take: the viewer's when a party, else the maker's. */
  readonly perspective: 'maker' | 'taker' | 'observer';
  readonly give: readonly AssetLine[];
  readonly get: readonly AssetLine[];
  readonly expiresAt: number;
  /** ms left at `now`; 0 once expired. */
  readonly remaining: number;
  readonly warnings: readonly SummaryWarning[];
  readonly english: string;
}

/**
 * What the summary reads: a verified proposal, or the composer's draft before it is signed (with
 * lowercase addresses), so the user sees the same words before the wallet prompt and on the card.
 */
export type SummaryTerms = Pick<
  VerifiedProposal,
  'chainId' | 'maker' | 'taker' | 'give' | 'get' | 'expiresAt'
>;

export interface SummaryOptions {
  /** The wallet address of whoever reads it. */
  readonly viewer?: string;
  readonly now: number;
  /** A collection name for an NFT contract, when the app knows one (from metadata, a list). */
  readonly collectionName?: (chainId: number, contract: string) => string | undefined;
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

function line(chainId: number, asset: Asset, options: SummaryOptions): AssetLine {
  switch (asset.kind) {
    case 'native': {
      const { symbol, decimals } = nativeToken(chainId);
      return {
        kind: 'coin',
        standard: 'native',
        amount: asset.amount,
        symbol,
        display: formatAmount(asset.amount, decimals),
      };
    }
    case 'erc20': {
      const token = lookupToken(chainId, asset.contract);
      if (token.status === 'unverified')
        return { kind: 'coin', standard: 'erc20', contract: asset.contract, amount: asset.amount };
      const display = formatAmount(asset.amount, token.decimals);
      return {
        kind: 'coin',
        standard: 'erc20',
        contract: asset.contract,
        amount: asset.amount,
        symbol: token.symbol,
        display,
      };
    }
    default: {
      const collection = options.collectionName?.(chainId, asset.contract);
      return {
        kind: 'nft',
        standard: asset.kind,
        contract: asset.contract,
        tokenId: asset.tokenId,
        amount: asset.kind === 'erc1155' ? asset.amount : 1n,
        ...(collection === undefined ? {} : { collection }),
      };
    }
  }
}

export function lineText(l: AssetLine): string {
  if (l.kind === 'coin') {
    if (l.symbol !== undefined && l.display !== undefined) return `${l.display} ${l.symbol}`;
    return `${l.amount} base units of unverified token ${shortAddress(l.contract ?? '')}`;
  }
  const name = `${l.collection ?? `NFT ${shortAddress(l.contract)}`} #${l.tokenId}`;
  return l.amount === 1n ? name : `${l.amount} × ${name}`;
}

function list(lines: readonly AssetLine[]): string {
  const texts = lines.map(lineText);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}

export function durationText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

function warningsOf(p: SummaryTerms): SummaryWarning[] {
  const known = tokensOf(p.chainId).map((t) => ({ address: t.address, label: t.symbol }));
  const warnings: SummaryWarning[] = [];
  for (const asset of [...p.give, ...p.get]) {
    if (asset.kind !== 'erc20' || lookupToken(p.chainId, asset.contract).status !== 'unverified') continue;
    warnings.push({ kind: 'unverified_token', contract: asset.contract });
    for (const look of findLookalikes(asset.contract, known)) {
      warnings.push({ kind: 'lookalike_token', contract: asset.contract, resembles: look.known.label });
    }
  }
  return warnings;
}

export function summarizeProposal(p: SummaryTerms, options: SummaryOptions): ProposalSummary {
  const viewer = options.viewer?.toLowerCase();
  const perspective = viewer === p.maker ? 'maker' : viewer === p.taker ? 'taker' : 'observer';
  const makerGives = p.give.map((a) => line(p.chainId, a, options));
  const makerGets = p.get.map((a) => line(p.chainId, a, options));
  const give = perspective === 'taker' ? makerGets : makerGives;
  const get = perspective === 'taker' ? makerGives : makerGets;
  const remaining = Math.max(0, p.expiresAt - options.now);
  const who = perspective === 'observer' ? `${shortAddress(p.maker)} ` : 'You ';
  const verbs = perspective === 'observer' ? ['gives', 'gets'] : ['give', 'get'];
  const expiry = remaining === 0 ? 'Expired.' : `Expires in ${durationText(remaining)}.`;
  const english = `${who}${verbs[0]} ${list(give)}. ${who}${verbs[1]} ${list(get)}. ${expiry}`;
  return { perspective, give, get, expiresAt: p.expiresAt, remaining, warnings: warningsOf(p), english };
}
