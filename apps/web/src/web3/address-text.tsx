// An address as people read it: its verified ENS name when an RPC is configured, else 0x12…abcd.
// The full address is always in the tooltip.
import { useEnsName } from '../chain/use-ens';
import { shortAddress } from '../format/address';

export function AddressText({ address }: { address: string }) {
  const name = useEnsName(address);
  return (
    <span className="web3-address" title={address}>
      {name ?? shortAddress(address)}
    </span>
  );
}
