// Query cost limits: a token cap at parse time (graphql's maxTokens), and validation rules for
// selection depth and alias count. Each refusal is a GraphQLError with extensions.kind.
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from '../deps/graphql';

function depthOf(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: ReadonlySet<string>,
): number {
  let max = 0;
  for (const sel of set.selections) {
    let d = 0;
    if (sel.kind === Kind.FIELD) {
      d = sel.selectionSet === undefined ? 1 : 1 + depthOf(sel.selectionSet, fragments, seen);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      d = depthOf(sel.selectionSet, fragments, seen);
    } else {
      const name = sel.name.value;
      const frag = fragments.get(name);
      // A fragment cycle is refused by NoFragmentCyclesRule; here it just stops the walk.
      if (frag !== undefined && !seen.has(name))
        d = depthOf(frag.selectionSet, fragments, new Set([...seen, name]));
    }
    max = Math.max(max, d);
  }
  return max;
}

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`query depth ${depth} is over the limit of ${maxDepth}`, {
              nodes: [node],
              extensions: { kind: 'too_large' },
            }),
          );
        }
      },
    };
  };
}

export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias === undefined) return;
        count++;
        if (count > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`more than ${maxAliases} aliases in one document`, {
              nodes: [node],
              extensions: { kind: 'too_large' },
            }),
          );
        }
      },
    };
  };
}
