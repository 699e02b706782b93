// "Export negotiation" (docs/protocol.md §11.8): one JSON file a third party can verify offline.
// It holds the signed items that make the negotiation's state (each proposal of the chain and the
// response that closed the last one), the state the exporter saw, and a checksum. Conversation
// data (devices, envelopes, chat text) stays out: the wallet signatures are the evidence.
//
// The file is canonical JSON (docs/protocol.md §9.4) plus one newline, and carries a keccak256
// checksum of its other fields, so any changed byte is caught, white space included. The checksum
// only detects damage: anyone can recompute it. What an export proves rests on the signatures.
import { ChainId, canonicalJson, EthHash32, Millis } from '@parley/protocol';
import { keccak256, toUtf8Bytes } from 'ethers';
import { z } from 'zod';
import { NEGOTIATION_STATUSES } from '../negotiation/negotiation-state';
import { reduceNegotiations } from '../negotiation/reduce-negotiations';
import { TradeError } from '../trade-error';
import type { TradeItem } from '../trade-item';

export const EXPORT_FORMAT = 'parley.negotiation';
export const EXPORT_VERSION = 1;
export const EXPORT_CHECKSUM_LABEL = 'parley/v1/negotiation-export';
/** Items in one export, and bytes in one file. A negotiation is a chain of a few proposals. */
export const MAX_EXPORT_ITEMS = 256;
export const MAX_EXPORT_BYTES = 2 * 1024 * 1024;

export const ExportDocument = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  /** When it was exported (ms); the state, expiry included, is as of this time. */
  exportedAt: Millis,
  chainId: ChainId,
  rootHash: EthHash32,
  headHash: EthHash32,
  status: z.enum(NEGOTIATION_STATUSES),
  /** Seaport's order hash of the accepted order, or null when nothing was accepted. */
  orderHash: EthHash32.nullable(),
  /** Trade items (trade-item.ts); each is parsed and verified on its own by the verifier. */
  items: z.array(z.unknown()).min(1).max(MAX_EXPORT_ITEMS),
  checksum: EthHash32,
});
export type ExportDocument = z.infer<typeof ExportDocument>;

/** keccak256(utf8(label) || utf8(canonical JSON of the document without `checksum`)). */
export function exportChecksum(doc: Omit<ExportDocument, 'checksum'> & { checksum?: string }): string {
  const { checksum: _checksum, ...rest } = doc;
  return keccak256(toUtf8Bytes(EXPORT_CHECKSUM_LABEL + canonicalJson(rest)));
}

export interface ExportMeta {
  /** The negotiation to export: its opening offer's hash. */
  readonly rootHash: string;
  readonly exportedAt: number;
}

/**
 * The export file's text for the negotiation `meta.rootHash` found in `items` (any trade items of
 * the conversation, in any order). Throws TradeError('bad_input') when it is not there.
 */
export function exportNegotiation(items: readonly TradeItem[], meta: ExportMeta): string {
  const log = reduceNegotiations(items, { now: meta.exportedAt });
  const negotiation = log.negotiations.find((n) => n.rootHash === meta.rootHash);
  if (negotiation === undefined) throw new TradeError('bad_input', 'no valid negotiation with that hash');
  const signed: TradeItem[] = [];
  for (const state of negotiation.proposals) {
    signed.push(state.proposal.item);
    if (state.closedBy?.kind === 'response') signed.push(state.closedBy.response.item);
  }
  const doc = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: meta.exportedAt,
    chainId: negotiation.chainId,
    rootHash: negotiation.rootHash,
    headHash: negotiation.headHash,
    status: negotiation.status,
    orderHash: negotiation.accepted?.orderHash ?? null,
    items: signed,
  } as const;
  return `${canonicalJson({ ...doc, checksum: exportChecksum(doc) })}\n`;
}
