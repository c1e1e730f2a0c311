import { IndicatorEntity } from './indicator/indicator.entity.js';
import { MeasurementEntity } from './measurement/measurement.entity.js';
import { MemberSettingEntity } from './member/member-setting.entity.js';
import { NationalActionPlanEntity } from './plan/plan.entity.js';

export const napEntities = [MemberSettingEntity, NationalActionPlanEntity, IndicatorEntity, MeasurementEntity];
