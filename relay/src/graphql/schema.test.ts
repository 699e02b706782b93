import { describe, expect, it } from 'vitest';
import { parse, validate } from '../deps/graphql';
import { OPERATIONS } from '../deps/protocol';
import { createSchema } from './schema';

describe('relay schema', () => {
  const schema = createSchema();

  it('has a resolver for every root field and validates every engine operation', () => {
    for (const [name, doc] of Object.entries(OPERATIONS)) {
      const errors = validate(schema, parse(doc));
      expect({ name, errors: errors.map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });

  it('refuses a document that selects an unknown field', () => {
    expect(validate(schema, parse('{ me { address secretKey } }')).length).toBe(1);
  });
});
