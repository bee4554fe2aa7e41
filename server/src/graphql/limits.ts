import {
  FragmentDefinitionNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode, ValidationContext, DocumentNode,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';

/** Validation rule: refuses operations nested deeper than `maxDepth` fields (fragments followed, introspection exempt). */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set) return depth;
      let max = depth;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          // Introspection (__schema, __type, __typename) is bounded by the schema itself: tools must be able to run
          // the standard introspection query, whose ofType chains are deeper than any data query needs.
          if (sel.name.value.startsWith('__')) continue;
          max = Math.max(max, depthOf(sel.selectionSet, depth + 1, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(sel.selectionSet, depth, seen));
        } else {
          const name = sel.name.value;
          if (seen.has(name)) continue; // cycles are reported by NoFragmentCycles
          const frag = fragments.get(name);
          if (frag) max = Math.max(max, depthOf(frag.selectionSet, depth, new Set([...seen, name])));
        }
        if (max > maxDepth) return max;
      }
      return max;
    };
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = depthOf(node.selectionSet, 0, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(`Query depth ${depth > maxDepth + 1 ? '>' : ''}${Math.min(depth, maxDepth + 1)} exceeds the limit of ${maxDepth}`, {
            nodes: [node], extensions: { code: 'BAD_USER_INPUT' },
          }));
        }
      },
    };
  };
}

/** Connections cost `first` times their children; everything else its declared complexity (default 1). */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  if (typeof args.first !== 'number') return undefined;
  const own = typeof field.extensions?.complexity === 'number' ? field.extensions.complexity : 1;
  return own + Math.max(1, args.first) * childComplexity;
};

export function queryComplexity(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string) {
  return getComplexity({
    schema, query: document, variables, operationName,
    estimators: [connectionEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Apollo plugin refusing operations whose estimated complexity exceeds `max` (before any resolver runs). */
export function complexityLimitPlugin(max: number): ApolloServerPlugin {
  // Apollo hands back the same (cached) DocumentNode for the same query text, so the estimate can be memoised per
  // document and variables.
  const memo = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = JSON.stringify([request.operationName ?? null, request.variables ?? {}]);
          let perDoc = memo.get(document);
          let complexity = perDoc?.get(key);
          if (complexity === undefined) try {
            complexity = queryComplexity(schema, document, request.variables ?? {}, request.operationName ?? undefined);
            if (!perDoc) memo.set(document, (perDoc = new Map()));
            if (perDoc.size < 100) perDoc.set(key, complexity);
          } catch (e) {
            // e.g. variables that do not coerce: the request's fault
            throw new GraphQLError(e instanceof Error ? e.message : String(e), { extensions: { code: 'BAD_USER_INPUT' } });
          }
          if (complexity > max) {
            throw new GraphQLError(`Query complexity ${complexity} exceeds the limit of ${max}`, { extensions: { code: 'BAD_USER_INPUT', complexity, maxComplexity: max } });
          }
        },
      };
    },
  };
}

/** Validation rule: the schema serves queries and mutations only; any other operation type is the client's error. */
export function queriesAndMutationsOnly(context: ValidationContext) {
  return {
    OperationDefinition(node: OperationDefinitionNode) {
      if (node.operation !== 'query' && node.operation !== 'mutation') {
        context.reportError(new GraphQLError(`${node.operation} operations are not supported`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
      }
    },
  };
}
