// A transaction reference (`tx` content, docs/protocol.md §9.2.11): hash, chain and the transfer
// the sender claims it made. It stays "Claimed, not verified" unless the RPC configured for that
// chain returns a successful receipt whose logs (or, for the native coin, the transaction itself)
// show exactly the claimed transfer (chain/transfer-claim.ts); a receipt that shows something
// else is "Does not match". Loaded lazily.
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../../packages/engine/src/store/schema';
import type { ClaimVerdict } from '../chain/transfer-claim';
import { useChainLookup } from '../chain/use-chain-lookup';
import { useRpcUrl } from '../chain/use-rpc-url';
import { ShieldIcon } from '../components/icons';
import { AddressText } from './address-text';
import { txOf } from './chain-content';
import { txExplorerUrl } from './explorer-links';
import { InvalidChainContent } from './nft-card';
import { chainLabel, transferWhat } from './transfer-text';
import '../styles/web3.css';

type Shown =
  | { readonly status: 'checking' }
  | { readonly status: 'claimed'; readonly reason: 'no_rpc' | 'failed' | 'not_found' }
  | Exclude<ClaimVerdict, { readonly status: 'unverified' }>;

export default function TxCard({ message }: { message: MessageRow }) {
  const { t } = useTranslation();
  const tx = txOf(message.content);
  const url = useRpcUrl(tx?.chainId ?? 0);
  const key = tx && url ? `tx|${url}|${tx.chainId}|${tx.txHash}|${JSON.stringify(tx.transfer)}` : undefined;
  const verdict = useChainLookup(key, (chain) =>
    tx && url ? chain.verifyTransfer(url, tx) : Promise.reject(new Error('no rpc')),
  );
  const asset = tx?.transfer.asset;
  const unknownToken = asset?.standard === 'erc20' ? asset.contract : undefined;
  const facts = useChainLookup(
    tx && url && unknownToken ? `token|${url}|${tx.chainId}|${unknownToken}` : undefined,
    (chain) =>
      tx && url && unknownToken ? chain.tokenFacts(url, tx.chainId, unknownToken) : Promise.resolve({}),
  );
  if (!tx) return <InvalidChainContent />;

  const shown: Shown =
    url === undefined
      ? { status: 'claimed', reason: 'no_rpc' }
      : verdict.state === 'done'
        ? verdict.value.status === 'unverified'
          ? { status: 'claimed', reason: verdict.value.reason }
          : verdict.value
        : verdict.state === 'failed'
          ? { status: 'claimed', reason: 'failed' }
          : { status: 'checking' };
  const what = transferWhat(tx.chainId, tx.transfer, facts.state === 'done' ? facts.value : undefined);
  const whatText =
    what.kind === 'amount'
      ? `${what.amount} ${what.symbol}${what.verified ? '' : ` (${t('web3.unverifiedToken')})`}`
      : what.kind === 'units'
        ? t('web3.unitsOf', { amount: what.amount, contract: what.contract })
        : t('web3.nftItem', { count: Number(what.count), id: what.tokenId, contract: what.contract });
  const explorer = txExplorerUrl(tx.chainId, tx.txHash);
  const status = shown.status;

  return (
    <article className={`web3-card web3-card--${status}`} aria-label={t('web3.txLabel')}>
      <header className="web3-card__head">
        <strong>{t('web3.tx')}</strong>
        <span className="web3-card__status" data-testid="tx-status">
          {shown.status === 'confirmed' && <ShieldIcon width={13} height={13} aria-hidden="true" />}{' '}
          {t(`web3.status.${status}`)}
        </span>
      </header>
      <p>
        <AddressText address={tx.transfer.from} /> → <AddressText address={tx.transfer.to} />
      </p>
      <p className="web3-card__title">{whatText}</p>
      <dl className="web3-card__facts">
        <dt>{t('web3.chain')}</dt>
        <dd>{chainLabel(tx.chainId) ?? t('web3.chainUnknown', { chainId: tx.chainId })}</dd>
        <dt>{t('web3.hash')}</dt>
        <dd>
          <code title={tx.txHash}>{`${tx.txHash.slice(0, 10)}…${tx.txHash.slice(-6)}`}</code>
        </dd>
      </dl>
      <p className="small muted">
        {shown.status === 'confirmed'
          ? t('web3.confirmedIn', { block: shown.blockNumber })
          : shown.status === 'mismatch' || shown.status === 'claimed'
            ? t(`web3.reasons.${shown.reason}`)
            : t('web3.loading')}
      </p>
      {explorer && (
        <a className="small" href={explorer} target="_blank" rel="noopener noreferrer">
          {t('web3.explorer')}
        </a>
      )}
    </article>
  );
}
