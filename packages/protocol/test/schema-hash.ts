// The schema hash (docs/protocol.md §9.7): SHA-256 over the canonical JSON of every registered
// schema's JSON Schema, the limits and the GraphQL SDL. Node-only (node:crypto, node:fs), so it
// lives in test/, not in the runtime-neutral src/.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../src/content/canonical-json';
import type { SchemaRegistry } from '../src/schema-registry';

export interface FrozenSchemaHash {
  readonly version: number;
  readonly hash: string;
}

/** What the hash covers, as one canonical JSON text (sorted keys at every level). */
export function schemaMaterial(registry: SchemaRegistry): string {
  const schemas: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(registry.schemas)) schemas[name] = z.toJSONSchema(schema);
  return canonicalJson({ schemas, limits: registry.limits, sdl: registry.sdl ?? null });
}

export function computeSchemaHash(registry: SchemaRegistry): string {
  return createHash('sha256').update(schemaMaterial(registry), 'utf8').digest('hex');
}

/** True when version.ts's History comment has a line `//   <version>: <what changed>`. */
export function hasHistoryLine(versionSource: string, version: number): boolean {
  const at = versionSource.indexOf('History:');
  if (at < 0) return false;
  return new RegExp(`^//\\s+${version}:\\s*\\S`, 'm').test(versionSource.slice(at));
}

const REGENERATE =
  'regenerate packages/protocol/test/schema-hash.json with ' +
  '`UPDATE_SCHEMA_HASH=1 npx vitest run packages/protocol/src/schema-hash.test.ts`';

/**
 * Every reason the frozen hash and the current schemas disagree, as messages that say what to do.
 * An empty list means the wire contract and PROTOCOL_VERSION agree.
 */
export function schemaHashProblems(input: {
  readonly frozen: FrozenSchemaHash | undefined;
  readonly currentHash: string;
  readonly version: number;
  readonly versionSource: string;
}): string[] {
  const { frozen, currentHash, version, versionSource } = input;
  const problems: string[] = [];
  if (!hasHistoryLine(versionSource, version)) {
    problems.push(
      `packages/protocol/src/version.ts has no history line for PROTOCOL_VERSION ${version}: ` +
        `add "//   ${version}: <what changed on the wire>" under History.`,
    );
  }
  if (frozen === undefined) {
    problems.push(`there is no frozen schema hash: ${REGENERATE}.`);
    return problems;
  }
  if (version < frozen.version) {
    problems.push(
      `PROTOCOL_VERSION ${version} is lower than the frozen version ${frozen.version}: versions only go up.`,
    );
  }
  if (frozen.hash !== currentHash && frozen.version === version) {
    problems.push(
      `the wire schemas changed (schema hash ${currentHash} is not the frozen ${frozen.hash}) but PROTOCOL_VERSION ` +
        `is still ${version}. A schema change is a protocol change: bump PROTOCOL_VERSION in ` +
        `packages/protocol/src/version.ts, add a history line for the new version saying what changed, then ${REGENERATE}.`,
    );
  } else if (frozen.hash !== currentHash) {
    problems.push(
      `PROTOCOL_VERSION is ${version} and the schemas changed, but the frozen hash is still the one of version ` +
        `${frozen.version}: ${REGENERATE}.`,
    );
  } else if (frozen.version !== version) {
    problems.push(
      `PROTOCOL_VERSION is ${version} but test/schema-hash.json records version ${frozen.version} for the same ` +
        `schemas: ${REGENERATE}.`,
    );
  }
  return problems;
}
