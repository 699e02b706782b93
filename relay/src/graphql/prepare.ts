// Turns request parameters into execution arguments, the same way for HTTP and WebSocket:
// parse with a token cap, validate with graphql's rules plus depth and alias limits, and refuse
// documents with more than one operation (no batching of any kind).

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

const bad = (message: string, kind = 'bad_request') => [new GraphQLError(message, { extensions: { kind } })];

export function prepareOperation(
  schema: GraphQLSchema,
  config: Pick<RelayConfig, 'maxQueryTokens' | 'maxQueryDepth' | 'maxAliases'>,
  raw: unknown,
): Prepared | readonly GraphQLError[] {
  const params = Params.safeParse(raw);
  if (!params.success) return bad('expected { query, variables?, operationName? }');
  let document: DocumentNode;
  try {
    document = parse(params.data.query, { maxTokens: config.maxQueryTokens, noLocation: true });
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'the query does not parse';
    return bad(message, /Parsing aborted/.test(message) ? 'too_large' : 'bad_request');
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return bad('exactly one operation per request (no batching)');
  const rules = [...specifiedRules, depthLimitRule(config.maxQueryDepth), aliasLimitRule(config.maxAliases)];
  const errors = validate(schema, document, rules);
  if (errors.length > 0) return errors;
  const op = getOperationAST(document, params.data.operationName ?? undefined);
  if (op === null || op === undefined) return bad('operation not found');
  return {
    document,
    operation: op.operation,
    operationName: params.data.operationName ?? undefined,
    variableValues: params.data.variables ?? undefined,
  };
}
