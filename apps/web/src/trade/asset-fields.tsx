// One side of a proposal: a token (from the chain's known list, or any contract with its
// decimals), native ETH (only on the side the maker gets: Seaport cannot take ETH from a signed
// order), or an NFT (ERC-721, or ERC-1155 with a quantity).
import { type Asset, formatAmount, lookupToken, parseAmount, tokensOf } from '@parley/trade';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useChainLookup } from '../chain/use-chain-lookup';
import { useRpcUrl } from '../chain/use-rpc-url';

export type AssetDraft =
  | { readonly kind: 'token'; readonly contract: string; readonly decimals: string; readonly amount: string }
  | { readonly kind: 'native'; readonly amount: string }
  | { readonly kind: 'erc721'; readonly contract: string; readonly tokenId: string }
  | {
      readonly kind: 'erc1155';
      readonly contract: string;
      readonly tokenId: string;
      readonly amount: string;
    };

export const OTHER_TOKEN = 'other';

export function emptyDraft(chainId: number): AssetDraft {
  return {
    kind: 'token',
    contract: tokensOf(chainId)[0]?.address.toLowerCase() ?? OTHER_TOKEN,
    decimals: '',
    amount: '',
  };
}

/** The draft as an Asset, or what is wrong with it. */
export function assetOfDraft(
  chainId: number,
  draft: AssetDraft,
): { asset: Asset } | { error: 'errorAsset' | 'errorDecimals' } {
  try {
    switch (draft.kind) {
      case 'native':
        return { asset: { kind: 'native', amount: parseAmount(draft.amount, 18) } };
      case 'token': {
        const token = lookupToken(chainId, draft.contract);
        const decimals = token.status === 'verified' ? token.decimals : Number.parseInt(draft.decimals, 10);
        if (!Number.isInteger(decimals)) return { error: 'errorDecimals' };
        return {
          asset: { kind: 'erc20', contract: draft.contract, amount: parseAmount(draft.amount, decimals) },
        };
      }
      case 'erc721':
        return { asset: { kind: 'erc721', contract: draft.contract, tokenId: BigInt(draft.tokenId) } };
      case 'erc1155':
        return {
          asset: {
            kind: 'erc1155',
            contract: draft.contract,
            tokenId: BigInt(draft.tokenId),
            amount: BigInt(draft.amount),
          },
        };
    }
  } catch {
    return { error: 'errorAsset' };
  }
}

/** An Asset back into a draft (a counter-offer starts from the offer it answers). */
export function draftOfAsset(chainId: number, asset: Asset): AssetDraft {
  switch (asset.kind) {
    case 'native':
      return { kind: 'native', amount: formatAmount(asset.amount, 18) };
    case 'erc20': {
      const token = lookupToken(chainId, asset.contract);
      const decimals = token.status === 'verified' ? token.decimals : 0;
      return {
        kind: 'token',
        contract: asset.contract,
        decimals: token.status === 'verified' ? '' : '0',
        amount: formatAmount(asset.amount, decimals),
      };
    }
    case 'erc721':
      return { kind: 'erc721', contract: asset.contract, tokenId: asset.tokenId.toString() };
    case 'erc1155':
      return {
        kind: 'erc1155',
        contract: asset.contract,
        tokenId: asset.tokenId.toString(),
        amount: asset.amount.toString(),
      };
  }
}

export function AssetFields({
  legend,
  chainId,
  draft,
  allowNative,
  onChange,
}: {
  legend: string;
  chainId: number;
  draft: AssetDraft;
  allowNative: boolean;
  onChange: (draft: AssetDraft) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const tokens = tokensOf(chainId);
  const known = draft.kind === 'token' && tokens.some((tk) => tk.address.toLowerCase() === draft.contract);
  // An unlisted token with an RPC URL set: its own symbol and decimals (the contract's claims, so
  // it stays "unverified"), and the decimals filled in when the person has not typed any.
  const rpc = useRpcUrl(chainId);
  const other =
    draft.kind === 'token' && !known && /^0x[0-9a-f]{40}$/.test(draft.contract) ? draft.contract : undefined;
  const facts = useChainLookup(rpc && other ? `token|${rpc}|${chainId}|${other}` : undefined, (chain) =>
    chain.tokenFacts(rpc ?? '', chainId, other ?? ''),
  );
  const claimed = facts.state === 'done' ? facts.value : undefined;
  useEffect(() => {
    if (draft.kind === 'token' && draft.decimals === '' && claimed?.decimals !== undefined)
      onChange({ ...draft, decimals: String(claimed.decimals) });
  }, [claimed, draft, onChange]);
  const setKind = (kind: AssetDraft['kind']) =>
    onChange(
      kind === 'token'
        ? emptyDraft(chainId)
        : kind === 'native'
          ? { kind, amount: '' }
          : kind === 'erc721'
            ? { kind, contract: '', tokenId: '' }
            : { kind, contract: '', tokenId: '', amount: '1' },
    );
  return (
    <fieldset className="trade-side">
      <legend>{legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('trade.kind')}</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(e) => setKind(e.target.value as AssetDraft['kind'])}
        >
          <option value="token">{t('trade.kindToken')}</option>
          {allowNative && <option value="native">{t('trade.kindNative')}</option>}
          <option value="erc721">{t('trade.kindErc721')}</option>
          <option value="erc1155">{t('trade.kindErc1155')}</option>
        </select>
      </div>
      {draft.kind === 'token' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-token`}>{t('trade.token')}</label>
            <select
              id={`${id}-token`}
              value={known ? draft.contract : OTHER_TOKEN}
              onChange={(e) =>
                onChange({ ...draft, contract: e.target.value === OTHER_TOKEN ? '' : e.target.value })
              }
            >
              {tokens.map((tk) => (
                <option key={tk.address} value={tk.address.toLowerCase()}>
                  {tk.symbol} ({tk.name})
                </option>
              ))}
              <option value={OTHER_TOKEN}>{t('trade.otherToken')}</option>
            </select>
          </div>
          {!known && (
            <>
              <TextField
                label={t('trade.contract')}
                value={draft.contract}
                onChange={(v) => onChange({ ...draft, contract: v.trim().toLowerCase() })}
              />
              <p className="field__hint warning-text">
                {claimed?.symbol
                  ? t('trade.unverifiedClaims', { symbol: claimed.symbol, decimals: claimed.decimals ?? '?' })
                  : t('trade.unverifiedHint')}
              </p>
              <TextField
                label={t('trade.decimals')}
                value={draft.decimals}
                inputMode="numeric"
                onChange={(v) => onChange({ ...draft, decimals: v })}
              />
            </>
          )}
          <TextField
            label={t('trade.amount')}
            value={draft.amount}
            inputMode="decimal"
            onChange={(v) => onChange({ ...draft, amount: v })}
          />
        </>
      )}
      {draft.kind === 'native' && (
        <TextField
          label={t('trade.amountEth')}
          value={draft.amount}
          inputMode="decimal"
          onChange={(v) => onChange({ ...draft, amount: v })}
        />
      )}
      {(draft.kind === 'erc721' || draft.kind === 'erc1155') && (
        <>
          <TextField
            label={t('trade.nftContract')}
            value={draft.contract}
            onChange={(v) => onChange({ ...draft, contract: v.trim().toLowerCase() })}
          />
          <TextField
            label={t('trade.tokenId')}
            value={draft.tokenId}
            inputMode="numeric"
            onChange={(v) => onChange({ ...draft, tokenId: v.trim() })}
          />
        </>
      )}
      {draft.kind === 'erc1155' && (
        <TextField
          label={t('trade.quantity')}
          value={draft.amount}
          inputMode="numeric"
          onChange={(v) => onChange({ ...draft, amount: v.trim() })}
        />
      )}
    </fieldset>
  );
}

function TextField({
  label,
  value,
  onChange,
  inputMode,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputMode?: 'numeric' | 'decimal';
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        {...(inputMode ? { inputMode } : {})}
      />
    </div>
  );
}
