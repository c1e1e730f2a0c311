import { AlignmentFramework, Theme } from '../common/enums.js';

/**
 * Tags the hub gives the real resources of data/knowledge.json, which lists
 * title, publisher, year and kind but no themes: read from each title and its
 * facts (a classification for search and filters, not a fact of the source).
 * Keyed by resource id (the slug of the title).
 */
export const REAL_RESOURCE_TAGS: Record<string, { themes: Theme[]; countryCodes: string[]; frameworks: AlignmentFramework[] }> = {
  'osce-study-on-national-action-plans-on-the-implementation-of-unscr-1325': {
    // "lessons on coordination, baseline studies, budgets, M&E"
    themes: [Theme.COORDINATION, Theme.MONITORING_EVALUATION, Theme.REGIONAL_COOPERATION],
    countryCodes: [],
    frameworks: [AlignmentFramework.OSCE],
  },
  'securing-equality-engendering-peace-a-guide-to-policy-and-planning-on-women-peace-and-security': {
    themes: [Theme.CAPACITY_BUILDING, Theme.POLITICAL_WILL],
    countryCodes: [],
    frameworks: [],
  },
  'corporate-evaluation-of-un-women-s-support-to-wps-national-action-plans-2015-2019': {
    themes: [Theme.MONITORING_EVALUATION],
    countryCodes: [],
    frameworks: [],
  },
  'manual-for-costing-and-budgeting-national-action-plans-on-unscr-1325': {
    themes: [Theme.FINANCING],
    countryCodes: [],
    frameworks: [],
  },
  'high-impact-nap-framework-and-m-and-e-guide': {
    // "inclusive design, results-based design and M&E plan, political will, resources": a framework for the whole plan, M&E first.
    themes: [Theme.MONITORING_EVALUATION, Theme.CIVIL_SOCIETY, Theme.POLITICAL_WILL],
    countryCodes: [],
    frameworks: [],
  },
  '1325-national-action-plans-lessons-from-the-netherlands-norway-and-sweden-roundtable-report': {
    themes: [Theme.REGIONAL_COOPERATION],
    countryCodes: ['NL', 'NO', 'SE'],
    frameworks: [],
  },
};
