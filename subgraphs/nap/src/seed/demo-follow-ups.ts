import { createRandom, uuidFromName } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { FollowUpActionEntity } from '../follow-up/follow-up.entity.js';
import { FollowUpStatus } from '../follow-up/follow-up.type.js';
import type { ImplementingPartnerEntity } from '../partner/partner.entity.js';
import type { NationalActionPlanEntity } from '../plan/plan.entity.js';

/** What a decision is followed up with, and how long after the decision each is due (days). */
const ACTIONS: [string, number][] = [
  ['Name the responsible officers and a work plan for the decision', 60],
  ['Report on the first steps to the steering committee', 180],
  ['Complete the change and publish what was done', 420],
];

const DAY_MS = 86_400_000;
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Demo follow-up actions for the decisions taken on a demo plan's
 * recommendations: for each decided recommendation, two or three actions,
 * each with a responsible partner of the plan, due a fixed number of days
 * after the decision's own date (the reference date: no clock is read here).
 * Which are done is drawn from a stream of the country's own, against the
 * seed's `today` (a parameter, fixed in tests), so the seed is deterministic
 * for a country and a date: actions due before it are done (on or before
 * their due date), in progress or still planned (so some are overdue), the
 * first decision's first action is done and its second left open, whenever
 * both are due. Every row isDemo. Returns how many were written.
 */
export async function seedDemoFollowUps(manager: EntityManager, countryCode: string, plan: NationalActionPlanEntity, partners: readonly ImplementingPartnerEntity[], today: Date): Promise<number> {
  if (partners.length === 0) return 0;
  const decided = (await manager.query(
    `SELECT r.id, to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on FROM report_recommendation r JOIN progress_report p ON p.id = r.report_id
     WHERE p.plan_id = $1 AND r.decision IS NOT NULL AND r.decided_on IS NOT NULL ORDER BY r.decided_on, p.period_end, r.position, r.id`,
    [plan.id],
  )) as { id: string; decided_on: string }[];
  const random = createRandom(`${countryCode}:${plan.iteration}:follow-ups`);
  const todayIso = today.toISOString().slice(0, 10);
  const rows: FollowUpActionEntity[] = [];
  decided.forEach((recommendation, decisionIndex) => {
    const count = random() < 0.5 ? 2 : 3;
    ACTIONS.slice(0, count).forEach(([description, days], actionIndex) => {
      const dueOn = plusDays(recommendation.decided_on, days);
      const due = dueOn < todayIso;
      const draw = random();
      let status = !due ? (draw < 0.3 ? FollowUpStatus.IN_PROGRESS : FollowUpStatus.PLANNED) : draw < 0.55 ? FollowUpStatus.DONE : draw < 0.75 ? FollowUpStatus.IN_PROGRESS : FollowUpStatus.PLANNED;
      if (decisionIndex === 0 && due) status = actionIndex === 0 ? FollowUpStatus.DONE : actionIndex === 1 ? FollowUpStatus.IN_PROGRESS : status;
      const completedOn = status === FollowUpStatus.DONE ? plusDays(dueOn, -Math.floor(random() * 30)) : null;
      rows.push({
        id: uuidFromName(`${recommendation.id}:follow-up:${actionIndex}`),
        recommendationId: recommendation.id,
        description: `${description} (demo)`,
        responsiblePartnerId: partners[(decisionIndex + actionIndex) % partners.length]!.id,
        dueOn,
        status,
        completedOn,
        isDemo: true,
      });
    });
  });
  if (rows.length > 0) await manager.createQueryBuilder().insert().into(FollowUpActionEntity).values(rows).execute();
  return rows.length;
}
