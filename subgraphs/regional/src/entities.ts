import { FrameworkIndicatorEntity } from './catalogue/framework-indicator.entity.js';
import { CountryEntity } from './country/country.entity.js';
import { FrameworkEntity } from './framework/framework.entity.js';
import { MembershipEntity } from './membership/membership.entity.js';
import { AuStatusChangeEntity, PublicNapIterationEntity, PublicRecordSourceEntity, PublicRecordStateEntity } from './public-record/public-record.entity.js';
import { RegionalActionPlanEntity, RegionalCommunityChangeEntity, RegionalCommunityEntity, RegionalCommunityMemberEntity } from './regional-community/regional-community.entity.js';
import { MemberEntity } from './registry/member.entity.js';
import { ReportingCycleEntity, SubmissionReceiptEntity } from './reporting/reporting.entity.js';

export const regionalEntities = [CountryEntity, FrameworkEntity, MembershipEntity, MemberEntity, FrameworkIndicatorEntity, PublicNapIterationEntity, PublicRecordStateEntity, AuStatusChangeEntity, PublicRecordSourceEntity, ReportingCycleEntity, SubmissionReceiptEntity, RegionalCommunityEntity, RegionalCommunityMemberEntity, RegionalCommunityChangeEntity, RegionalActionPlanEntity];
