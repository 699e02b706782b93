// `parley-verify file.json`: prints the verdict on an exported negotiation and exits 0 when it
// verifies, 1 otherwise (docs/trade.md). No network.
//
// This directory is the one part of packages/trade that may use Node APIs (node:fs, to read the
// file). Everything it checks is the runtime-neutral verifyExport.
import { readFileSync, statSync } from 'node:fs';
import { MAX_EXPORT_BYTES } from '../export/export-document';
import { verifyExport } from '../export/verify-export';
import { shortAddress, summarizeProposal } from '../summary/summarize';

const USAGE = 'usage: parley-verify <negotiation.json>';

function read(path: string): { ok: true; text: string } | { ok: false; message: string } {
  let bytes: Uint8Array;
  try {
    if (statSync(path).size > MAX_EXPORT_BYTES)
      return { ok: false, message: `over ${MAX_EXPORT_BYTES} bytes` };
    bytes = readFileSync(path);
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    return { ok: false, message: `cannot read the file (${code})` };
  }
  try {
    // fatal: a file that is not UTF-8 is refused rather than read with replacement characters.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'not UTF-8 text' };
  }
}

export async function main(argv: string[]): Promise<number> {
  const [path, ...rest] = argv;
  if (path === undefined || rest.length > 0 || path === '--help' || path === '-h') {
    console.error(USAGE);
    return 1;
  }
  const file = read(path);
  if (!file.ok) {
    console.log(`INVALID: ${file.message}`);
    return 1;
  }
  const verdict = verifyExport(file.text);
  if (!verdict.ok) {
    console.log(`INVALID: ${verdict.reason}: ${verdict.detail}`);
    return 1;
  }
  const asOf = new Date(verdict.exportedAt).toISOString();
  const lines = [
    `VALID: every signature verifies (as of ${asOf}, chain ${verdict.chainId})`,
    `negotiation ${verdict.rootHash}: ${verdict.status}`,
  ];
  for (const [i, state] of verdict.negotiation.proposals.entries()) {
    const p = state.proposal;
    const summary = summarizeProposal(p, { now: verdict.exportedAt });
    const label = i === 0 ? 'offer' : 'counter';
    lines.push(
      `  ${label} ${p.hash} by ${shortAddress(p.maker)} to ${shortAddress(p.taker)}: ${state.status}`,
    );
    lines.push(`    ${summary.english}`);
    if (p.note !== '') lines.push(`    note: ${JSON.stringify(p.note)}`);
  }
  if (verdict.accepted !== undefined) {
    const at = new Date(verdict.accepted.acceptedAt).toISOString();
    lines.push(`accepted by ${verdict.accepted.acceptedBy} at ${at}`);
    lines.push(`Seaport order hash ${verdict.accepted.orderHash}`);
  }
  console.log(lines.join('\n'));
  return 0;
}
