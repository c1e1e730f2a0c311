import { In, type EntityManager, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';

/** What one request may see. Drafts stay with the member: only its own people see them. */
export interface Visibility {
  drafts: boolean;
}

/**
 * What a concept's loaders read through, per request: the request's
 * database session, the member's country (rows become contract types with
 * it) and what the request may see.
 */
export interface LoaderSource {
  countryCode: string;
  visibility: Visibility;
  repository<T extends ObjectLiteral>(entity: new () => T): Promise<Repository<T>>;
  /** Rows whose `key` is one of `keys`, in `order`: one statement for the whole batch. */
  rowsWhere<T extends ObjectLiteral>(
    entity: new () => T,
    key: keyof T,
    keys: readonly unknown[],
    extra?: FindOptionsWhere<T>,
    order?: Record<string, 'ASC' | 'DESC'>,
  ): Promise<T[]>;
}

export function createLoaderSource(session: () => Promise<EntityManager>, countryCode: string, visibility: Visibility): LoaderSource {
  const repository = async <T extends ObjectLiteral>(entity: new () => T): Promise<Repository<T>> => (await session()).getRepository(entity);
  return {
    countryCode,
    visibility,
    repository,
    rowsWhere: async (entity, key, keys, extra = {}, order = {}) =>
      (await repository(entity)).find({ where: { ...extra, [key]: In([...keys]) } as FindOptionsWhere<never>, order: order as never }),
  };
}

/** A where clause for a table with a publication status: every row for the member's own people, the published ones for everyone else. */
export function visibleRows<S extends string>(visibility: Visibility, published: S): { status?: S } {
  return visibility.drafts ? {} : { status: published };
}

/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T, V>(rows: readonly T[], keyOf: (row: T) => string, valueOf: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}
