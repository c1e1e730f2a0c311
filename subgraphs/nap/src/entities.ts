import { BudgetLineEntity } from './budget/budget-line.entity.js';
import { DisbursementEntity } from './budget/disbursement.entity.js';
import { IndicatorAlignmentEntity } from './indicator/alignment.entity.js';
import { IndicatorEntity } from './indicator/indicator.entity.js';
import { ActivityEntity } from './logframe/activity.entity.js';
import { OutcomeEntity } from './logframe/outcome.entity.js';
import { OutputEntity } from './logframe/output.entity.js';
import { MeasurementEntity } from './measurement/measurement.entity.js';
import { CivicResponseEntity } from './civic-response/civic-response.entity.js';
import { FollowUpActionEntity } from './follow-up/follow-up.entity.js';
import { LocalActionPlanEntity } from './local-plan/local-action-plan.entity.js';
import { LocalIndicatorEntity } from './local-plan/local-indicator.entity.js';
import { LocalMeasurementEntity } from './local-plan/local-measurement.entity.js';
import { MemberSettingEntity } from './member/member-setting.entity.js';
import { ImplementingPartnerEntity } from './partner/partner.entity.js';
import { PlanDocumentEntity } from './plan/plan-document.entity.js';
import { NationalActionPlanEntity } from './plan/plan.entity.js';
import { ProgressReportEntity } from './report/report.entity.js';
import { ReportRecommendationEntity } from './report/recommendation.entity.js';

export const napEntities = [
  MemberSettingEntity,
  NationalActionPlanEntity,
  PlanDocumentEntity,
  ImplementingPartnerEntity,
  OutcomeEntity,
  OutputEntity,
  ActivityEntity,
  IndicatorEntity,
  IndicatorAlignmentEntity,
  MeasurementEntity,
  BudgetLineEntity,
  ProgressReportEntity,
  ReportRecommendationEntity,
  CivicResponseEntity,
  FollowUpActionEntity,
  DisbursementEntity,
  LocalActionPlanEntity,
  LocalIndicatorEntity,
  LocalMeasurementEntity,
];
