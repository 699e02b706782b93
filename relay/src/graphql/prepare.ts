// Turns request parameters into execution arguments, the same way for HTTP and WebSocket:
// parse with a token cap, validate with graphql's rules plus depth and alias limits, and refuse
// documents with more than one operation (no batching of any kind).
//
// A document that passed is remembered by its text (per schema and limits, the most recent
// DOCUMENT_CACHE_SIZE of them): clients send the same few documents (the engine's OPERATIONS)
// over and over, and parsing plus validation cost more than executing them. Validation does not
// depend on variables, so a cached document is exactly as valid as a freshly checked one. A
// refused document is not remembered, so junk cannot fill the cache.

import { z } from 'zod';
import type { RelayConfig } from '../config';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  type OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from '../deps/graphql';
import { aliasLimitRule, depthLimitRule } from './limits';

const Params = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

export interface Prepared {
  readonly document: DocumentNode;
  readonly operation: OperationTypeNode;
  readonly operationName: string | undefined;
  readonly variableValues: Record<string, unknown> | undefined;
}

type Limits = Pick<RelayConfig, 'maxQueryTokens' | 'maxQueryDepth' | 'maxAliases'>;

const bad = (message: string, kind = 'bad_request') => [new GraphQLError(message, { extensions: { kind } })];

const DOCUMENT_CACHE_SIZE = 256;
const validated = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();

function checkDocument(
  schema: GraphQLSchema,
  config: Limits,
  query: string,
): DocumentNode | readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: config.maxQueryTokens, noLocation: true });
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'the query does not parse';
    return bad(message, /Parsing aborted/.test(message) ? 'too_large' : 'bad_request');
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return bad('exactly one operation per request (no batching)');
  const rules = [...specifiedRules, depthLimitRule(config.maxQueryDepth), aliasLimitRule(config.maxAliases)];
  const errors = validate(schema, document, rules);
  return errors.length > 0 ? errors : document;
}

/** The parsed, validated document for `query`, from the cache when it passed before. */
function validDocument(
  schema: GraphQLSchema,
  config: Limits,
  query: string,
): DocumentNode | readonly GraphQLError[] {
  let cache = validated.get(schema);
  if (cache === undefined) {
    cache = new Map();
    validated.set(schema, cache);
  }
  const key = `${config.maxQueryTokens}/${config.maxQueryDepth}/${config.maxAliases}\n${query}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Least recently used goes first: re-inserting moves a hit to the end.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const checked = checkDocument(schema, config, query);
  if (!('kind' in checked)) return checked;
  cache.set(key, checked);
  if (cache.size > DOCUMENT_CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return checked;
}

export function prepareOperation(
  schema: GraphQLSchema,
  config: Limits,
  raw: unknown,
): Prepared | readonly GraphQLError[] {
  const params = Params.safeParse(raw);
  if (!params.success) return bad('expected { query, variables?, operationName? }');
  const document = validDocument(schema, config, params.data.query);
  if (!('kind' in document)) return document;
  const op = getOperationAST(document, params.data.operationName ?? undefined);
  if (op === null || op === undefined) return bad('operation not found');
  return {
    document,
    operation: op.operation,
    operationName: params.data.operationName ?? undefined,
    variableValues: params.data.variables ?? undefined,
  };
}
