// The executable schema: the SDL from @parley/protocol with the relay's resolvers attached.
import { buildSchema, type GraphQLObjectType, type GraphQLSchema } from '../deps/graphql';
import { RELAY_SDL } from '../deps/protocol';
import { contextOf } from './context';
import { authResolvers } from './resolvers/auth';
import { conversationResolvers } from './resolvers/conversations';
import { envelopeResolvers } from './resolvers/envelopes';
import { eventResolvers } from './resolvers/events';
import { groupControlResolvers } from './resolvers/group-control';
import { identityResolvers } from './resolvers/identities';
import type { Resolver, Resolvers } from './resolvers/types';

const ALL: readonly Resolvers[] = [
  authResolvers,
  identityResolvers,
  conversationResolvers,
  groupControlResolvers,
  envelopeResolvers,
  eventResolvers,
];

function attach(type: GraphQLObjectType | null | undefined, resolvers: Record<string, Resolver>) {
  if (!type) throw new Error('schema is missing a root type');
  const fields = type.getFields();
  for (const [name, fn] of Object.entries(resolvers)) {
    const field = fields[name];
    if (field === undefined) throw new Error(`resolver for unknown field ${type.name}.${name}`);
    field.resolve = (source, args, context) => fn(source, args, contextOf(context));
  }
}

export function createSchema(): GraphQLSchema {
  const schema = buildSchema(RELAY_SDL);
  for (const r of ALL) {
    if (r.Query) attach(schema.getQueryType(), r.Query);
    if (r.Mutation) attach(schema.getMutationType(), r.Mutation);
    const sub = schema.getSubscriptionType();
    for (const [name, s] of Object.entries(r.Subscription ?? {})) {
      const field = sub?.getFields()[name];
      if (field === undefined) throw new Error(`subscription resolver for unknown field ${name}`);
      field.subscribe = (source, args, context) => s.subscribe(source, args, contextOf(context));
      field.resolve = (payload) => payload;
    }
  }
  // Every root field needs a resolver: a field the SDL adds without one fails here, not at runtime.
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (field.resolve === undefined) throw new Error(`no resolver for ${type?.name}.${field.name}`);
    }
  }
  return schema;
}
