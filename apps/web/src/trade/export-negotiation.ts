// "Export negotiation": every signed proposal and response of one negotiation as a JSON file that
// `npx parley-verify file.json` checks offline (docs/trade.md "Export").
import { exportNegotiation, type NegotiationState, type TradeItem } from '@parley/trade';

export function downloadNegotiation(
  negotiation: NegotiationState,
  items: readonly TradeItem[],
  now: number,
): void {
  const text = exportNegotiation(items, { rootHash: negotiation.rootHash, exportedAt: now });
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `parley-negotiation-${negotiation.rootHash.slice(2, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
