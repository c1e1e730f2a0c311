import type { EntityManager, EntityMetadata, ObjectLiteral } from 'typeorm';

/**
 * The hot read path's rows (issue 11): one plain SQL statement through the
 * request's session (its transaction, role and row-level security, as with
 * TypeORM's `find`), and each row set on the entity's properties by its
 * column metadata, without TypeORM's query builder and its generic
 * hydration, which took a sixth of a member's CPU per answer. The values are
 * the ones TypeORM gives: pg's own parsing, `date` columns as `YYYY-MM-DD`
 * text (cast in SQL), `timestamptz` columns as a Date of the same
 * millisecond, and each column's transformer applied, null included
 * (`plain-rows.test.ts` compares both on every entity). A timestamp comes as
 * its epoch milliseconds (exact: `extract` is numeric), which costs a
 * fraction of parsing its text in JavaScript (pg's postgres-date was a
 * twentieth of a member's CPU per answer).
 */
export interface PlainRowReader<T extends ObjectLiteral> {
  /** The table, quoted, for a FROM clause. */
  table: string;
  /** The entity's columns as a select list, from `alias` (every column under its own name). */
  columns(alias: string): string;
  /** The quoted column of a property, from `alias`. */
  column(alias: string, property: keyof T & string): string;
  /** A raw row of `columns()` as the entity. */
  hydrate(raw: Record<string, unknown>): T;
  /**
   * The reader of some of the entity's columns: its `columns()` select those
   * only, its `hydrate` sets those properties only (the others stay
   * undefined), for a read that knows what it will use (built once per set).
   */
  only(properties: readonly (keyof T & string)[]): PlainRowReader<T>;
}

interface ColumnPlan {
  property: string;
  name: string;
  /** How the column is selected and read: as is, `date` as text, `timestamptz` as epoch milliseconds. */
  read: 'plain' | 'date' | 'instant';
  from?: (value: unknown) => unknown;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The column types TypeORM reads as a Date with a time zone. */
const INSTANT_TYPES = new Set(['timestamptz', 'timestamp with time zone']);

/** A column in the select list, under its own name. */
function selectExpression(column: string, plan: ColumnPlan): string {
  if (plan.read === 'date') return `${column}::text AS ${quote(plan.name)}`;
  if (plan.read === 'instant') return `floor(extract(epoch FROM ${column}) * 1000)::float8 AS ${quote(plan.name)}`;
  return column;
}

const readers = new WeakMap<EntityMetadata, PlainRowReader<ObjectLiteral>>();

/** The reader of an entity's rows (built once per entity and data source). */
export function plainRowReader<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T): PlainRowReader<T> {
  const metadata = manager.connection.getMetadata(entity);
  const known = readers.get(metadata);
  if (known) return known as PlainRowReader<T>;
  const plans: ColumnPlan[] = metadata.columns.map((column) => {
    const transformer = column.transformer;
    if (Array.isArray(transformer)) throw new Error(`${metadata.name}.${column.propertyName}: a chain of transformers is not supported on the plain read path`);
    if (column.embeddedMetadata || column.relationMetadata) throw new Error(`${metadata.name}.${column.propertyName}: embedded and relation columns are not supported on the plain read path`);
    const read = column.type === 'date' ? 'date' : INSTANT_TYPES.has(String(column.type)) ? 'instant' : 'plain';
    return { property: column.propertyName, name: column.databaseName, read, ...(transformer ? { from: (value: unknown) => transformer.from(value) } : {}) };
  });
  const byProperty = new Map(plans.map((plan) => [plan.property, plan]));
  const column = (alias: string, property: string) => {
    const plan = byProperty.get(property);
    if (!plan) throw new Error(`${metadata.name} has no column ${property}`);
    return `${quote(alias)}.${quote(plan.name)}`;
  };
  const table = metadata.tablePath.split('.').map(quote).join('.');
  const subsets = new Map<string, PlainRowReader<T>>();
  const readerOf = (selected: readonly ColumnPlan[]): PlainRowReader<T> => ({
    table,
    columns: (alias) => selected.map((plan) => selectExpression(`${quote(alias)}.${quote(plan.name)}`, plan)).join(', '),
    column,
    hydrate(raw) {
      const row = new entity() as Record<string, unknown>;
      for (const plan of selected) {
        const value = plan.read === 'instant' && raw[plan.name] !== null ? new Date(raw[plan.name] as number) : raw[plan.name];
        row[plan.property] = plan.from ? plan.from(value) : value;
      }
      return row as T;
    },
    only(properties) {
      const key = [...new Set(properties)].sort().join(',');
      let subset = subsets.get(key);
      if (!subset) {
        const unknown = properties.find((property) => !byProperty.has(property));
        if (unknown) throw new Error(`${metadata.name} has no column ${unknown}`);
        const wanted = new Set<string>(properties);
        subset = readerOf(plans.filter((plan) => wanted.has(plan.property)));
        subsets.set(key, subset);
      }
      return subset;
    },
  });
  const reader = readerOf(plans);
  readers.set(metadata, reader as unknown as PlainRowReader<ObjectLiteral>);
  return reader;
}

export interface PlainRowsQuery<T> {
  /** Rows whose property is one of these values (`= ANY($1)`: one statement whatever their number). */
  whereIn?: { property: keyof T & string; values: readonly unknown[] };
  /** Rows whose properties equal these values. */
  equals?: Partial<Record<keyof T & string, string | number | boolean>>;
  /** By properties, in this order. */
  order?: Partial<Record<keyof T & string, 'ASC' | 'DESC'>>;
}

/** An entity's rows, read with one plain statement (see PlainRowReader). */
export async function selectPlainRows<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, query: PlainRowsQuery<T> = {}): Promise<T[]> {
  const reader = plainRowReader(manager, entity);
  const parameters: unknown[] = [];
  const conditions: string[] = [];
  if (query.whereIn) {
    parameters.push([...query.whereIn.values]);
    conditions.push(`${reader.column('row', query.whereIn.property)} = ANY($${parameters.length})`);
  }
  for (const [property, value] of Object.entries(query.equals ?? {})) {
    if (value === undefined) continue;
    if (value === null || typeof value === 'object') throw new Error(`${entity.name}.${property}: only equality with a value is supported on the plain read path`);
    parameters.push(value);
    conditions.push(`${reader.column('row', property as keyof T & string)} = $${parameters.length}`);
  }
  const order = Object.entries(query.order ?? {}).map(([property, direction]) => `${reader.column('row', property as keyof T & string)} ${direction === 'DESC' ? 'DESC' : 'ASC'}`);
  const sql =
    `SELECT ${reader.columns('row')} FROM ${reader.table} ${quote('row')}` +
    (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '') +
    (order.length > 0 ? ` ORDER BY ${order.join(', ')}` : '');
  const rows = (await manager.query(sql, parameters)) as Record<string, unknown>[];
  return rows.map((raw) => reader.hydrate(raw));
}
