// Verifying an export file offline (docs/protocol.md §11.8, checks X1-X8 in this order; the first
// failure is the verdict). No network: every check uses the file and the code alone.
import { canonicalJson, checkJsonBounds, describeIssues } from '@parley/protocol';
import type { Acceptance, NegotiationState, NegotiationStatus } from '../negotiation/negotiation-state';
import { reduceNegotiations } from '../negotiation/reduce-negotiations';
import { rawItemKey } from '../trade-item';
import type { InvalidReason } from '../verify/invalid';
import { MAX_CLOCK_SKEW_MS, verifyItem } from '../verify/verify-item';
import { ExportDocument, exportChecksum, MAX_EXPORT_BYTES } from './export-document';

export type ExportFailure =
  | 'too_large'
  | 'not_json'
  | 'not_canonical'
  | 'malformed'
  | 'checksum_mismatch'
  | 'state_mismatch'
  | InvalidReason;

export type ExportVerdict =
  | {
      readonly ok: true;
      readonly exportedAt: number;
      readonly chainId: number;
      readonly status: NegotiationStatus;
      readonly rootHash: string;
      readonly headHash: string;
      /** Seaport's order hash of the accepted order, when accepted. */
      readonly orderHash: string | null;
      readonly accepted?: Acceptance;
      readonly negotiation: NegotiationState;
    }
  | { readonly ok: false; readonly reason: ExportFailure; readonly detail: string };

const EXPORT_BOUNDS = { maxDepth: 16, maxNodes: 65_536 };

function fail(reason: ExportFailure, detail: string): ExportVerdict {
  return { ok: false, reason, detail };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The verdict on an export file's text. Never throws. */
export function verifyExport(text: string): ExportVerdict {
  // X1: size, before anything is parsed (in UTF-16 code units: the CLI checks the file's bytes).
  if (text.length > MAX_EXPORT_BYTES) return fail('too_large', `over ${MAX_EXPORT_BYTES} characters`);
  // X2: JSON within bounds.
  const json = parseJson(text);
  if (!json.ok) return fail('not_json', 'not JSON');
  try {
    checkJsonBounds(json.value, EXPORT_BOUNDS);
  } catch (error) {
    return fail('malformed', error instanceof Error ? error.message : 'not JSON data');
  }
  // X3: the canonical spelling plus one newline, so no byte can change unnoticed.
  if (text !== `${canonicalJson(json.value)}\n`) return fail('not_canonical', 'not the canonical JSON text');
  // X4: the document's shape.
  const parsed = ExportDocument.safeParse(json.value);
  // describeIssues names fields and rules, never values or unknown key names.
  if (!parsed.success) return fail('malformed', describeIssues('export', parsed.error.issues));
  const doc = parsed.data;
  // X5: the checksum.
  if (exportChecksum(doc) !== doc.checksum) return fail('checksum_mismatch', 'the checksum does not match');
  // X6: every item on its own, on the export's chain, each once, none signed after the export.
  const keys = new Set<string>();
  for (const [i, item] of doc.items.entries()) {
    const checked = verifyItem(item, { chainIds: [doc.chainId] });
    if (!checked.ok) return fail(checked.reason, `items[${i}]: ${checked.detail}`);
    const signedAt = checked.value.kind === 'proposal' ? checked.value.createdAt : checked.value.signedAt;
    if (signedAt > doc.exportedAt + MAX_CLOCK_SKEW_MS)
      return fail('clock_skew', `items[${i}]: signed after the export`);
    const key = rawItemKey(item);
    if (keys.has(key)) return fail('malformed', `items[${i}]: a duplicate`);
    keys.add(key);
  }
  // X7: the items together, as of exportedAt: no invalid item, one negotiation.
  const log = reduceNegotiations(doc.items, { now: doc.exportedAt, chainIds: [doc.chainId] });
  const first = log.invalid[0];
  if (first !== undefined) {
    const index = doc.items.findIndex((item) => rawItemKey(item) === first.key);
    return fail(first.reason, `items[${index}]: ${first.detail}`);
  }
  const [negotiation, ...others] = log.negotiations;
  if (negotiation === undefined || others.length > 0)
    return fail('state_mismatch', 'not exactly one negotiation');
  // X8: the state the exporter claimed is the state the items give.
  const orderHash = negotiation.accepted?.orderHash ?? null;
  if (
    negotiation.rootHash !== doc.rootHash ||
    negotiation.headHash !== doc.headHash ||
    negotiation.status !== doc.status ||
    orderHash !== doc.orderHash
  ) {
    return fail('state_mismatch', 'the stated state is not the state the signed items give');
  }
  return {
    ok: true,
    exportedAt: doc.exportedAt,
    chainId: doc.chainId,
    status: negotiation.status,
    rootHash: negotiation.rootHash,
    headHash: negotiation.headHash,
    orderHash,
    ...(negotiation.accepted === undefined ? {} : { accepted: negotiation.accepted }),
    negotiation,
  };
}
