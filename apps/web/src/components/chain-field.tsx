// "Chain": a select of the chains Parley knows (packages/trade's KNOWN_CHAINS), used by the trade
// composer and the share dialogs.
import { KNOWN_CHAINS } from '@parley/trade';
import { useId } from 'react';

export function ChainField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (chainId: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {KNOWN_CHAINS.map((c) => (
          <option key={c.chainId} value={c.chainId}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
