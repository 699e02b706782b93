// Which `events` subscriptions take the direct path (direct-events.ts): those whose document is
// the engine's own (OPERATIONS.events) once parsed and printed, so a client that sends the same
// selection with other whitespace, commas or line breaks is served the same pre-serialised frames.
// Anything else (another selection, aliases, fragments, variables) runs through GraphQL.
import { type DocumentNode, parse, print } from '../deps/graphql';
import { OPERATIONS } from '../deps/protocol';

const ENGINE_EVENTS = print(parse(OPERATIONS.events, { noLocation: true }));
// Documents come from prepare.ts's cache, so each one is printed once, not per subscribe.
const verdicts = new WeakMap<DocumentNode, boolean>();

export function isEngineEvents(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): boolean {
  if (variables !== undefined && Object.keys(variables).length > 0) return false;
  let verdict = verdicts.get(document);
  if (verdict === undefined) {
    verdict = print(document) === ENGINE_EVENTS;
    verdicts.set(document, verdict);
  }
  return verdict;
}
