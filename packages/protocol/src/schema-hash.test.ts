// The version guard (docs/protocol.md §9.7): the schema hash of the registry must equal the one
// frozen in test/schema-hash.json for the current PROTOCOL_VERSION. Run with UPDATE_SCHEMA_HASH=1
// after bumping the version (and adding its history line) to record the new hash.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  computeSchemaHash,
  type FrozenSchemaHash,
  hasHistoryLine,
  schemaHashProblems,
  schemaMaterial,
} from '../test/schema-hash';
import { TextContent } from './content/message-contents';
import { MAX_TEXT_CHARS } from './limits';
import { SCHEMA_REGISTRY, type SchemaRegistry } from './schema-registry';
import { PROTOCOL_VERSION } from './version';

const FROZEN_PATH = fileURLToPath(new URL('../test/schema-hash.json', import.meta.url));
const VERSION_SOURCE = readFileSync(fileURLToPath(new URL('./version.ts', import.meta.url)), 'utf8');

function readFrozen(): FrozenSchemaHash | undefined {
  if (!existsSync(FROZEN_PATH)) return undefined;
  return JSON.parse(readFileSync(FROZEN_PATH, 'utf8')) as FrozenSchemaHash;
}

const current = computeSchemaHash(SCHEMA_REGISTRY);

describe('schema hash', () => {
  it('matches the frozen hash for the current PROTOCOL_VERSION', () => {
    if (env.UPDATE_SCHEMA_HASH === '1') {
      const previous = readFrozen();
      if (previous && previous.hash !== current && previous.version === PROTOCOL_VERSION) {
        // Allowed (the diff of schema-hash.json shows it), but say so: released versions must bump.
        console.warn(`schema hash changed without a PROTOCOL_VERSION bump (still ${PROTOCOL_VERSION})`);
      }
      writeFileSync(
        FROZEN_PATH,
        `${JSON.stringify({ version: PROTOCOL_VERSION, hash: current }, null, 2)}\n`,
      );
    }
    const problems = schemaHashProblems({
      frozen: readFrozen(),
      currentHash: current,
      version: PROTOCOL_VERSION,
      versionSource: VERSION_SOURCE,
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('has a history line in version.ts for the current version', () => {
    expect(hasHistoryLine(VERSION_SOURCE, PROTOCOL_VERSION)).toBe(true);
  });
});

describe('the guard can fail', () => {
  const frozen: FrozenSchemaHash = { version: PROTOCOL_VERSION, hash: current };
  const withSchemas = (
    schemas: SchemaRegistry['schemas'],
    extra: Partial<SchemaRegistry> = {},
  ): SchemaRegistry => ({
    ...SCHEMA_REGISTRY,
    ...extra,
    schemas,
  });

  const changes: ReadonlyArray<readonly [string, SchemaRegistry]> = [
    [
      'a longer text body',
      withSchemas({
        ...SCHEMA_REGISTRY.schemas,
        'content.text': TextContent.extend({
          body: z
            .string()
            .min(1)
            .max(MAX_TEXT_CHARS + 1),
        }),
      }),
    ],
    [
      'a new optional field',
      withSchemas({
        ...SCHEMA_REGISTRY.schemas,
        'content.text': TextContent.extend({ format: z.string().optional() }),
      }),
    ],
    [
      'a removed schema',
      withSchemas(
        Object.fromEntries(
          Object.entries(SCHEMA_REGISTRY.schemas).filter(([name]) => name !== 'content.nft'),
        ),
      ),
    ],
    [
      'a renamed schema',
      withSchemas(
        Object.fromEntries(
          Object.entries(SCHEMA_REGISTRY.schemas).map(([n, s]) => [
            n === 'content.tx' ? 'content.txn' : n,
            s,
          ]),
        ),
      ),
    ],
    ['a changed limit', { ...SCHEMA_REGISTRY, limits: { ...SCHEMA_REGISTRY.limits, MAX_FRAME_BYTES: 1 } }],
    ['a registered SDL', { ...SCHEMA_REGISTRY, sdl: 'type Query { ping: String }' }],
  ];

  it.each(changes.map(([what, registry]) => ({ what, registry })))(
    '$what changes the hash, and the check then asks for a version bump',
    ({ registry }) => {
      const changed = computeSchemaHash(registry);
      expect(changed).toMatch(/^[0-9a-f]{64}$/);
      expect(changed).not.toBe(current);
      const problems = schemaHashProblems({
        frozen,
        currentHash: changed,
        version: PROTOCOL_VERSION,
        versionSource: VERSION_SOURCE,
      });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('bump PROTOCOL_VERSION');
      expect(problems[0]).toContain('add a history line');
      expect(problems[0]).toContain('UPDATE_SCHEMA_HASH=1');
    },
  );

  it('does not depend on the order schemas are registered in', () => {
    const reversed = withSchemas(Object.fromEntries(Object.entries(SCHEMA_REGISTRY.schemas).reverse()));
    expect(schemaMaterial(reversed)).toBe(schemaMaterial(SCHEMA_REGISTRY));
  });

  it('after a bump, asks to regenerate until the frozen file records the new version and hash', () => {
    const bumped = PROTOCOL_VERSION + 1;
    const source = `${VERSION_SOURCE}//   ${bumped}: text bodies may be longer.\n`;
    const stale = schemaHashProblems({
      frozen,
      currentHash: 'ab'.repeat(32),
      version: bumped,
      versionSource: source,
    });
    expect(stale).toHaveLength(1);
    expect(stale[0]).toContain('UPDATE_SCHEMA_HASH=1');
    const versionOnly = schemaHashProblems({
      frozen,
      currentHash: current,
      version: bumped,
      versionSource: source,
    });
    expect(versionOnly[0]).toContain(`records version ${PROTOCOL_VERSION}`);
    const regenerated = { version: bumped, hash: 'ab'.repeat(32) };
    expect(
      schemaHashProblems({
        frozen: regenerated,
        currentHash: 'ab'.repeat(32),
        version: bumped,
        versionSource: source,
      }),
    ).toEqual([]);
  });

  it('fails when version.ts has no history line for the version', () => {
    const line = new RegExp(`^//\\s+${PROTOCOL_VERSION}:.*$`, 'm');
    const source = VERSION_SOURCE.replace(line, '//   (history removed)');
    expect(hasHistoryLine(source, PROTOCOL_VERSION)).toBe(false);
    const problems = schemaHashProblems({
      frozen,
      currentHash: current,
      version: PROTOCOL_VERSION,
      versionSource: source,
    });
    expect(problems.join('\n')).toContain('no history line for PROTOCOL_VERSION');
  });

  it('fails when there is no frozen file, and when the version goes down', () => {
    expect(
      schemaHashProblems({
        frozen: undefined,
        currentHash: current,
        version: 1,
        versionSource: VERSION_SOURCE,
      })[0],
    ).toContain('no frozen schema hash');
    const problems = schemaHashProblems({
      frozen: { version: 2, hash: current },
      currentHash: current,
      version: 1,
      versionSource: VERSION_SOURCE,
    });
    expect(problems.join('\n')).toContain('versions only go up');
  });
});
