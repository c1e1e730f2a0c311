import { isAbstractType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved asks, directly under it, for any of
 * `names` (through inline fragments and named fragments too, whatever their
 * type condition): a resolver's look ahead, to start a statement its
 * children will need before they ask (Plan.indicators, indicator.resolver.ts).
 */
export function selectsAnyOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, names: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') return names.has(selection.name.value);
      if (selection.kind === 'InlineFragment') return within(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return within(info.fragments[name]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

/**
 * The fields a request's document asks of a type, anywhere in it (every
 * operation and fragment, directly or through an interface or union the
 * type belongs to): what a loader must read for that type and no more.
 * Worked out once per document (Apollo Server keeps parsed documents).
 */
export class AskedFields {
  private asked?: { schema: GraphQLSchema; document: DocumentNode };

  /** The request's schema and parsed document, once Apollo Server has them (server.ts). */
  useDocument(schema: GraphQLSchema, document: DocumentNode): void {
    this.asked = { schema, document };
  }

  /** The fields asked of `typeName`; undefined before the document is known (then a loader reads everything). */
  of(typeName: string): ReadonlySet<string> | undefined {
    return this.asked && fieldsAskedOf(this.asked.schema, this.asked.document, typeName);
  }
}

const askedByDocument = new WeakMap<DocumentNode, Map<string, ReadonlySet<string>>>();

function fieldsAskedOf(schema: GraphQLSchema, document: DocumentNode, typeName: string): ReadonlySet<string> {
  let byType = askedByDocument.get(document);
  if (!byType) askedByDocument.set(document, (byType = new Map()));
  const known = byType.get(typeName);
  if (known) return known;
  const type = schema.getType(typeName);
  const fields = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || !type || !isObjectType(type)) return;
        if (parent.name === typeName || (isAbstractType(parent) && schema.isSubType(parent, type))) fields.add(node.name.value);
      },
    }),
  );
  byType.set(typeName, fields);
  return fields;
}
