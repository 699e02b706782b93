// GraphQL over HTTP (graphql-http) at /graphql. The body is read with a cap first; parsing,
// validation and limits go through prepareOperation, the same as on the WebSocket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHandler } from 'graphql-http';
import { GraphQLError, type GraphQLSchema } from '../deps/graphql';
import { formatGraphQLError, protocolGraphQLError, toProtocolError } from '../errors';
import type { RelayContext } from '../graphql/context';
import { prepareOperation } from '../graphql/prepare';
import { readBody } from './read-body';
import { sendError } from './respond';

export function createGraphQLHttp(schema: GraphQLSchema) {
  const handler = createHandler<IncomingMessage, RelayContext, RelayContext>({
    schema,
    onSubscribe: async (req, params) => {
      const ctx = req.context;
      const prepared = prepareOperation(schema, ctx.services.config, params);
      if (!('document' in prepared)) return prepared;
      if (ctx.auth !== undefined) {
        try {
          await ctx.services.limits.consume('wallet', ctx.auth.session.address);
        } catch (error) {
          return [protocolGraphQLError(toProtocolError(error, ctx.services.logger))];
        }
      }
      return {
        schema,
        document: prepared.document,
        operationName: prepared.operationName,
        variableValues: prepared.variableValues,
        contextValue: ctx,
      };
    },
    formatError: (err) =>
      formatGraphQLError(err instanceof GraphQLError ? err : new GraphQLError(err.message)),
  });

  return async (req: IncomingMessage, res: ServerResponse, ctx: RelayContext) => {
    let body: string | null = null;
    if (req.method === 'POST') {
      try {
        body = (await readBody(req, ctx.services.config.maxHttpBodyBytes)).toString('utf8');
      } catch (error) {
        sendError(res, toProtocolError(error, ctx.services.logger));
        return;
      }
    }
    const [out, init] = await handler({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body,
      raw: req,
      context: ctx,
    });
    res.writeHead(init.status, init.statusText, init.headers);
    res.end(out);
  };
}

export type GraphQLHttp = ReturnType<typeof createGraphQLHttp>;
