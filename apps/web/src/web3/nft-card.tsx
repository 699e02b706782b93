// A shared NFT (`nft` content, docs/protocol.md §9.2.10) in the thread. Without an RPC it shows
// what the sender claims: contract, token id, chain. With one for that chain it adds the token's
// metadata name and picture and, for ERC-721, who holds it now. Metadata is the contract's (or
// its host's) claim: plain text, https or inline raster images only (chain/token-metadata.ts).
// Loaded lazily, like trade cards: it pulls zod schemas, and ethers once an RPC is used.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../../packages/engine/src/store/schema';
import { useChainLookup } from '../chain/use-chain-lookup';
import { useRpcUrl } from '../chain/use-rpc-url';
import { AlertIcon } from '../components/icons';
import { AddressText } from './address-text';
import { nftOf } from './chain-content';
import { nftExplorerUrl } from './explorer-links';
import { chainLabel, shortTokenId } from './transfer-text';
import '../styles/web3.css';

export default function NftCard({ message }: { message: MessageRow }) {
  const { t } = useTranslation();
  const nft = nftOf(message.content);
  const url = useRpcUrl(nft?.chainId ?? 0);
  const lookup = useChainLookup(
    nft && url ? `nft|${url}|${nft.chainId}|${nft.contract}|${nft.tokenId}|${nft.standard}` : undefined,
    (chain) => (nft && url ? chain.nftDetails(url, nft) : Promise.reject(new Error('no rpc'))),
  );
  const [imageFailed, setImageFailed] = useState(false);
  if (!nft) return <InvalidChainContent />;

  const details = lookup.state === 'done' ? lookup.value : undefined;
  const name = details?.metadata.name;
  const image = imageFailed ? undefined : details?.metadata.image;
  const chain = chainLabel(nft.chainId) ?? t('web3.chainUnknown', { chainId: nft.chainId });
  const explorer = nftExplorerUrl(nft.chainId, nft.contract, nft.tokenId);
  const title = name ?? t('web3.tokenId', { id: shortTokenId(nft.tokenId) });

  return (
    <article className="web3-card" aria-label={t('web3.nftLabel')}>
      <header className="web3-card__head">
        <strong>{t('web3.nft')}</strong>
        <span className="web3-card__chain">{chain}</span>
      </header>
      {image && (
        <img
          className="web3-card__image"
          src={image}
          alt={name ?? ''}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setImageFailed(true)}
        />
      )}
      <p className="web3-card__title" title={nft.tokenId}>
        {title}
      </p>
      <dl className="web3-card__facts">
        <dt>{t('web3.contract')}</dt>
        <dd>
          <AddressText address={nft.contract} />
          <span className="muted"> · {nft.standard === 'erc721' ? 'ERC-721' : 'ERC-1155'}</span>
        </dd>
        {name !== undefined && (
          <>
            <dt>{t('web3.token')}</dt>
            <dd title={nft.tokenId}>#{shortTokenId(nft.tokenId)}</dd>
          </>
        )}
        {details && nft.standard === 'erc721' && (
          <>
            <dt>{t('web3.owner')}</dt>
            <dd>
              {details.owner === undefined ? (
                t('web3.ownerUnknown')
              ) : details.owner === message.senderAddress ? (
                t('web3.ownedBySender')
              ) : (
                <AddressText address={details.owner} />
              )}
            </dd>
          </>
        )}
      </dl>
      <p className="small muted">
        {url === undefined
          ? t('web3.noRpc')
          : lookup.state === 'loading'
            ? t('web3.loading')
            : lookup.state === 'failed'
              ? t('web3.readFailed')
              : ''}
      </p>
      {explorer && (
        <a className="small" href={explorer} target="_blank" rel="noopener noreferrer">
          {t('web3.explorer')}
        </a>
      )}
    </article>
  );
}

export function InvalidChainContent() {
  const { t } = useTranslation();
  return (
    <div className="bubble__unverified">
      <AlertIcon />
      <p>{t('web3.invalid')}</p>
    </div>
  );
}
