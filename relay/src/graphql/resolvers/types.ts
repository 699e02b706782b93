// Resolver maps: plain functions over parsed arguments and a checked RelayContext.
import type { RelayContext } from '../context';

export type Resolver = (source: unknown, args: Record<string, unknown>, ctx: RelayContext) => unknown;

export interface SubscriptionResolver {
  subscribe: (
    source: unknown,
    args: Record<string, unknown>,
    ctx: RelayContext,
  ) => AsyncIterable<unknown> | Promise<AsyncIterable<unknown>>;
}

export interface Resolvers {
  Query?: Record<string, Resolver>;
  Mutation?: Record<string, Resolver>;
  Subscription?: Record<string, SubscriptionResolver>;
}
