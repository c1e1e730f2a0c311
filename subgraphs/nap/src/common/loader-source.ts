import { createGroupLoader, createRowLoader } from '@wps/kit';
import type DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral, Repository } from 'typeorm';
import { selectPlainRows, type PlainRowsQuery } from './plain-rows.js';

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
  /** The fields the request's document asks of a type (common/selection.ts); undefined when not known: then read them all. */
  fieldsAsked(typeName: string): ReadonlySet<string> | undefined;
  repository<T extends ObjectLiteral>(entity: new () => T): Promise<Repository<T>>;
  /** The request's session, for a plain statement of the hot read path (common/plain-rows.ts). */
  session(): Promise<EntityManager>;
  /** Rows whose `key` is one of `keys`, in `order`: one plain statement for the whole batch. */
  rowsWhere<T extends ObjectLiteral>(entity: new () => T, key: keyof T & string, keys: readonly unknown[], extra?: PlainRowsQuery<T>['equals'], order?: PlainRowsQuery<T>['order']): Promise<T[]>;
  /** A loader of one row per id, as its contract type (null where the member has none). */
  byId<T extends ObjectLiteral, V extends { id: string }>(entity: new () => T, toContract: (row: T, countryCode: string) => V, extra?: PlainRowsQuery<T>['equals']): DataLoader<string, V | null>;
  /** A loader of the rows under each parent (their `parent` column, the same field in the contract type), in `order`. */
  byParent<T extends ObjectLiteral, V, K extends keyof T & keyof V & string>(
    entity: new () => T,
    parent: K,
    toContract: (row: T, countryCode: string) => V,
    order: PlainRowsQuery<T>['order'],
    extra?: PlainRowsQuery<T>['equals'],
  ): DataLoader<string, V[]>;
}

export function createLoaderSource(
  session: () => Promise<EntityManager>,
  countryCode: string,
  visibility: Visibility,
  fieldsAsked: LoaderSource['fieldsAsked'] = () => undefined,
): LoaderSource {
  const repository = async <T extends ObjectLiteral>(entity: new () => T): Promise<Repository<T>> => (await session()).getRepository(entity);
  const rowsWhere: LoaderSource['rowsWhere'] = async (entity, key, keys, extra = {}, order = {}) =>
    selectPlainRows(await session(), entity, { whereIn: { property: key, values: keys }, equals: extra, order });
  return {
    countryCode,
    visibility,
    fieldsAsked,
    repository,
    session,
    rowsWhere,
    byId: (entity, toContract, extra = {}) =>
      createRowLoader(async (ids) => (await rowsWhere(entity, 'id', ids, extra)).map((row) => toContract(row, countryCode)), (value) => value.id),
    byParent: (entity, parent, toContract, order, extra = {}) =>
      createGroupLoader(async (ids) => (await rowsWhere(entity, parent, ids, extra, order)).map((row) => toContract(row, countryCode)), (value) => value[parent] as string),
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

/**
 * Starts a load now whose value a later resolver will ask for, so that its
 * statement goes to Postgres beside the ones being sent (on another pooled
 * connection) instead of after them: the later `load` of the same key is
 * answered from the loader's cache, and a failure reaches it there, not here.
 */
export function prefetch<K, V>(loader: DataLoader<K, V>, key: K): void {
  loader.load(key).catch(() => undefined);
}
