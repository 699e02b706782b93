// Builds docs/protocol.md from its parts in docs/protocol/NN-*.md (one part per construction, so
// that each can be edited next to the code it specifies). `--check` exits 1 when the file is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');

export function buildProtocolDoc() {
  const parts = readdirSync(join(docs, 'protocol'))
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .sort();
  const toc = [];
  const bodies = [];
  for (const part of parts) {
    let lines = readFileSync(join(docs, 'protocol', part), 'utf8')
      .trim()
      .split('\n');
    // A part written with a top-level "#" heading is demoted one level to sit under the title.
    if (lines[0]?.startsWith('# ')) lines = lines.map((l) => (l.startsWith('#') ? `#${l}` : l));
    const title = (lines[0] ?? '').replace(/^#+\s*/, '');
    const anchor = title
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replaceAll(' ', '-');
    toc.push(`- [${title}](#${anchor})`);
    bodies.push(`${lines.join('\n')}\n`);
  }
  const head = `# Parley protocol

The wire and cryptographic specification of Parley, version 1. It is precise enough to build
an interoperable client from: every label, byte layout, AEAD associated data and check order is
here. Frozen vectors in \`packages/crypto/test/vectors/\` pin every format, so a change to any of
them is deliberate. (Generated from \`docs/protocol/NN-*.md\` by \`scripts/build-protocol-doc.mjs\`;
edit the parts.)

## Contents

`;
  return `${head}${toc.join('\n')}\n\n${bodies.join('\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = buildProtocolDoc();
  const target = join(docs, 'protocol.md');
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== built) {
      console.error('docs/protocol.md is stale: run node scripts/build-protocol-doc.mjs');
      process.exit(1);
    }
  } else writeFileSync(target, built);
}
