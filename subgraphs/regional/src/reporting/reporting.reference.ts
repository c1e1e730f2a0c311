import type { ReferenceResolver } from '@wps/kit';
import type { RegionalContext } from '../context.js';
import type { ReportingCycle } from './reporting.type.js';

/** `_entities` for ReportingCycle: by code, null for a code that names none. */
export async function resolveReportingCycleReference(reference: Record<string, unknown>, context: RegionalContext): Promise<ReportingCycle | null> {
  return typeof reference.code === 'string' ? context.loaders.cycleByCode.load(reference.code) : null;
}

/** ReportingCycleStatus and MemberCycleSubmission carry only their keys (and, under @requires, what the members returned): the representation is the object. */
export const resolveAsRepresented: ReferenceResolver = async (reference) => reference;
