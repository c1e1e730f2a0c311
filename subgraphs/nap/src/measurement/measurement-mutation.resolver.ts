import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { MeasurementImport } from './measurement-import.type.js';
import { RecordMeasurementInput } from './measurement.inputs.js';
import { importMeasurements, publishMeasurement, recordMeasurement } from './measurement.service.js';
import { Measurement } from './measurement.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class MeasurementMutationResolver {
  @Mutation(() => Measurement, {
    nullable: true,
    description: 'Record a DRAFT value for a period; if the period has one already, a correction (a new version superseding the latest).',
  })
  recordMeasurement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => RecordMeasurementInput) input: RecordMeasurementInput,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Measurement> {
    return recordMeasurement(openWriteScope(context, countryCode), input);
  }

  @Mutation(() => Measurement, {
    nullable: true,
    description: 'Publish a DRAFT measurement: only the latest version of its period, and only when complete.',
  })
  publishMeasurement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Measurement> {
    return publishMeasurement(openWriteScope(context, countryCode), id);
  }

  @Mutation(() => MeasurementImport, {
    nullable: true,
    description:
      'Import DRAFT measurements of a plan from CSV (columns: indicator_code, period, value, narrative, source, reported_status, disaggregation). ' +
      'All rows or none: if any row is invalid, the error lists every problem with its line in extensions.lines.',
  })
  importMeasurements(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('csv', () => String) csv: string,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<MeasurementImport> {
    return importMeasurements(openWriteScope(context, countryCode), planId, csv);
  }
}
