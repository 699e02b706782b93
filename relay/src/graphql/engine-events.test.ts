import { describe, expect, it } from 'vitest';
import { parse } from '../deps/graphql';
import { OPERATIONS } from '../deps/protocol';
import { isEngineEvents } from './engine-events';

const doc = (text: string) => parse(text, { noLocation: true });

describe('isEngineEvents', () => {
  it("takes the engine's document in any whitespace, with no variables", () => {
    expect(isEngineEvents(doc(OPERATIONS.events), undefined)).toBe(true);
    expect(isEngineEvents(doc(OPERATIONS.events), {})).toBe(true);
    const squeezed = OPERATIONS.events.replace(/\s+/g, ' ').replace('events {', 'events{,');
    expect(squeezed).not.toBe(OPERATIONS.events);
    expect(isEngineEvents(doc(squeezed), undefined)).toBe(true);
  });

  it('refuses another selection, a directive, another operation name, or variables', () => {
    for (const text of [
      OPERATIONS.events.replace('__typename', '__typename @include(if: true)'),
      OPERATIONS.events.replace(' reason', ''),
      OPERATIONS.events.replace('subscription Events', 'subscription Other'),
      OPERATIONS.events.replace('{ errorKind reason }', '{ reason errorKind }'),
      'subscription { events { __typename } }',
    ]) {
      expect(isEngineEvents(doc(text), undefined)).toBe(false);
    }
    expect(isEngineEvents(doc(OPERATIONS.events), { x: 1 })).toBe(false);
  });
});
