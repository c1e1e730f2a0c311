import { Directive, Field, ObjectType } from 'type-graphql';
import { IndicatorLevel, Pillar } from '../common/enums.js';

@Directive('@key(fields: "frameworkCode code")')
@ObjectType({ description: "An indicator of a framework's catalogue (imported as data; the demo catalogue is illustrative)." })
export class FrameworkIndicator {
  @Field(() => String, { description: 'AU_CRF, CEDAW_GR30, EU_GAP_III, OSCE or UN_1325.' })
  frameworkCode!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Pillar, { nullable: true })
  pillar!: Pillar | null;

  @Field(() => IndicatorLevel, { nullable: true })
  level!: IndicatorLevel | null;

  @Field(() => Boolean, { description: 'True for the demo catalogue: invented for the demo, not the official indicator.' })
  illustrative!: boolean;

  @Field(() => String, { description: 'Where the catalogue comes from.' })
  source!: string;
}
