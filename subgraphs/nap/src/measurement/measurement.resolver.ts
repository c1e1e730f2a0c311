import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { measurementsOf } from '../loaders.js';
import { Indicator } from '../indicator/indicator.type.js';
import { Measurement } from './measurement.type.js';

@Resolver(() => Measurement)
export class MeasurementResolver {
  @FieldResolver(() => [Measurement], { description: 'Every version of this period the caller may see, first to latest: corrections never overwrite.' })
  async history(@Root() measurement: Measurement, @Ctx() context: NapContext): Promise<Measurement[]> {
    const indicator = await context.loaders.indicatorById.load(measurement.indicatorId);
    const versions = indicator ? await measurementsOf(context.loaders, indicator) : [];
    return versions.filter((version) => version.period === measurement.period);
  }

  @FieldResolver(() => Measurement, { nullable: true, description: 'The version this one corrects.' })
  async supersedes(@Root() measurement: Measurement, @Ctx() context: NapContext): Promise<Measurement | null> {
    return measurement.supersedesId ? context.loaders.measurementById.load(measurement.supersedesId) : null;
  }

  @FieldResolver(() => Indicator)
  async indicator(@Root() measurement: Measurement, @Ctx() context: NapContext): Promise<Indicator> {
    return (await context.loaders.indicatorById.load(measurement.indicatorId))!;
  }
}
