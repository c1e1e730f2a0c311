import DataLoader from 'dataloader';
import { groupBy, visibleRows, type LoaderSource } from '../common/loader-source.js';
import { plainRowReader, type PlainRowReader } from '../common/plain-rows.js';
import { IndicatorEntity } from '../indicator/indicator.entity.js';
import { MeasurementStatus } from './measurement-status.js';
import { MeasurementEntity } from './measurement.entity.js';
import { toMeasurement } from './measurement.mapper.js';
import type { Measurement } from './measurement.type.js';
import type { RecordedByAudience } from '../member/recorder-display.js';

/**
 * The columns of a measurement every read of a plan's values needs: the
 * Measurement fields any query may ask without its details, and what the
 * resolvers under it read (current versions, history, supersedes, progress).
 */
const VALUE_COLUMNS: readonly (keyof MeasurementEntity & string)[] = ['id', 'indicatorId', 'period', 'value', 'status', 'isDemo', 'version', 'supersedesId', 'reportedStatus'];

/** Measurement's other fields, and the columns each reads: read only when the request's document asks for the field. */
const DETAIL_COLUMNS: Readonly<Record<string, readonly (keyof MeasurementEntity & string)[]>> = {
  recordedAt: ['recordedAt'],
  recordedBy: ['recordedBy', 'recordedByDisplay'],
  disaggregatedValues: ['disaggregatedValues'],
  narrative: ['narrative'],
  source: ['source'],
  publishedAt: ['publishedAt'],
};

/**
 * What a plan's values read: for a list of values (the AU-wide query asks
 * `period value`), about half the columns, which is about half of what
 * pg parses per row. Every column when the document is not known.
 */
function columnsAsked(reader: PlainRowReader<MeasurementEntity>, asked: ReadonlySet<string> | undefined): PlainRowReader<MeasurementEntity> {
  if (!asked) return reader;
  // Once per parsed document (its set of asked fields is kept with it), not per request.
  let byAsked = readersByAsked.get(reader);
  if (!byAsked) readersByAsked.set(reader, (byAsked = new WeakMap()));
  let subset = byAsked.get(asked);
  if (!subset) {
    subset = reader.only([...VALUE_COLUMNS, ...Object.entries(DETAIL_COLUMNS).flatMap(([field, columns]) => (asked.has(field) ? columns : []))]);
    byAsked.set(asked, subset);
  }
  return subset;
}

const readersByAsked = new WeakMap<PlainRowReader<MeasurementEntity>, WeakMap<ReadonlySet<string>, PlainRowReader<MeasurementEntity>>>();

/** The measurements of the member's indicators the request may see, per request. */
export function createMeasurementLoaders(source: LoaderSource) {
  const { countryCode, visibility } = source;
  // The member's own focal points (who see drafts) see who recorded a value; everyone else its display.
  const audience: RecordedByAudience = visibility.drafts ? 'member' : 'public';
  const toContract = (row: MeasurementEntity, code: string) => toMeasurement(row, code, audience);
  return {
    /** Every measurement version of a plan's indicators the request may see, by indicator id, oldest period and version first (keyed by plan, as alignments). */
    measurementsByPlanId: new DataLoader<string, Map<string, Measurement[]>>(async (planIds) => {
      const session = await source.session();
      const measurement = columnsAsked(plainRowReader(session, MeasurementEntity), source.fieldsAsked('Measurement'));
      const indicator = plainRowReader(session, IndicatorEntity);
      const published = visibility.drafts ? '' : ` AND ${measurement.column('m', 'status')} = $2`;
      const raw = (await session.query(
        `SELECT ${measurement.columns('m')}, ${indicator.column('i', 'planId')} AS "plan_of_indicator" FROM ${measurement.table} "m" ` +
          `JOIN ${indicator.table} "i" ON ${indicator.column('i', 'id')} = ${measurement.column('m', 'indicatorId')} ` +
          `WHERE ${indicator.column('i', 'planId')} = ANY($1)${published} ORDER BY ${measurement.column('m', 'period')}, ${measurement.column('m', 'version')}`,
        visibility.drafts ? [[...planIds]] : [[...planIds], MeasurementStatus.PUBLISHED],
      )) as (Record<string, unknown> & { plan_of_indicator: string })[];
      const withPlan = raw.map((row) => ({ planId: row.plan_of_indicator, measurement: toContract(measurement.hydrate(row), countryCode) }));
      return planIds.map((planId) => groupBy(withPlan.filter((row) => row.planId === planId), (row) => row.measurement.indicatorId, (row) => row.measurement));
    }),
    measurementById: source.byId(MeasurementEntity, toContract, visibleRows(visibility, MeasurementStatus.PUBLISHED)),
  };
}

export type MeasurementLoaders = ReturnType<typeof createMeasurementLoaders>;

/** The measurement versions of one indicator the request may see, through its plan's loader. */
export async function measurementsOf(measurementsByPlanId: MeasurementLoaders['measurementsByPlanId'], indicator: { id: string; planId: string }): Promise<Measurement[]> {
  return (await measurementsByPlanId.load(indicator.planId)).get(indicator.id) ?? [];
}
