import { AlignmentFramework, Pillar, ResourceKind, SessionAccess, SessionFormat, SessionKind, Theme } from '../common/enums.js';

/**
 * Wording of the demo knowledge exchange: plausible, generic, and flagged
 * `isDemo` wherever it is stored. Practices are tied to demo members
 * (data/src/demo-network.ts) other than the states the real data already
 * names (SE, GE), so the real practices of those states stay alone there.
 */

export interface DemoPracticeTemplate {
  key: string;
  title: string;
  summary: string;
  evidence: string;
  countries: string[];
  themes: Theme[];
  pillars: Pillar[];
  frameworks: AlignmentFramework[];
}

const { PARTICIPATION, PREVENTION, PROTECTION, RELIEF_AND_RECOVERY } = Pillar;
const { AU_CRF, EU_GAP_III, OSCE, UN_1325 } = AlignmentFramework;
const T = Theme;

export const DEMO_PRACTICES: readonly DemoPracticeTemplate[] = [
  // Resources for the plan (several countries: weak-spot practices for plans without a costed budget).
  {
    key: 'ug-budget-call-circular',
    title: 'NAP activities tagged in the budget call circular',
    summary: "Uganda's finance ministry asks every ministry, in its annual budget call circular, to tag the activities of the action plan, so allocations can be followed year by year.",
    evidence: 'Demo: tagged allocations reported in three consecutive budget years.',
    countries: ['UG'],
    themes: [T.FINANCING],
    pillars: [],
    frameworks: [AU_CRF, UN_1325],
  },
  {
    key: 'gh-costed-plan-resource-mobilisation',
    title: 'Costed action plan with a resource mobilisation strategy',
    summary: 'Ghana costed each activity of its plan before adoption and agreed with partners which gaps donors would cover.',
    evidence: 'Demo: costing annex and donor round-table minutes.',
    countries: ['GH'],
    themes: [T.FINANCING, T.COORDINATION],
    pillars: [],
    frameworks: [AU_CRF],
  },
  {
    key: 'no-civil-society-funding-window',
    title: "Multi-year funding window for women's organisations",
    summary: "Norway's development agency funds women's organisations in conflict-affected countries for three years at a time, so they can plan beyond one project.",
    evidence: 'Demo: grant agreements of the funding window.',
    countries: ['NO'],
    themes: [T.FINANCING, T.CIVIL_SOCIETY],
    pillars: [RELIEF_AND_RECOVERY],
    frameworks: [OSCE, UN_1325],
  },
  {
    key: 'rw-gender-budget-statements',
    title: 'Gender budget statements with an annual review',
    summary: "Every ministry in Rwanda annexes a gender budget statement to its budget; the parliamentary budget committee reviews the action plan's lines each year.",
    evidence: 'Demo: budget statements annexed to the finance law.',
    countries: ['RW'],
    themes: [T.FINANCING, T.REPORTING],
    pillars: [],
    frameworks: [AU_CRF],
  },
  {
    key: 'de-gender-marker-tracking',
    title: 'WPS spending tracked with the OECD gender marker',
    summary: "Germany marks each development project by how far it targets gender equality and reports the action plan's share of spending every year.",
    evidence: 'Demo: marker statistics in the annual implementation report.',
    countries: ['DE'],
    themes: [T.FINANCING, T.MONITORING_EVALUATION],
    pillars: [],
    frameworks: [EU_GAP_III, OSCE],
  },
  {
    key: 'ke-county-budget-lines',
    title: 'County budget lines for the action plan',
    summary: 'Kenyan counties that localised the plan opened their own budget lines for its activities.',
    evidence: 'Demo: county budget estimates.',
    countries: ['KE'],
    themes: [T.FINANCING, T.LOCALIZATION],
    pillars: [],
    frameworks: [AU_CRF],
  },
  // Participation.
  {
    key: 'sn-parity-local-councils',
    title: 'Parity law applied to local councils',
    summary: "Senegal's parity law makes electoral lists alternate women and men, local councils included; the electoral commission refuses lists that do not.",
    evidence: 'Demo: share of women councillors before and after the law.',
    countries: ['SN'],
    themes: [T.POLITICAL_WILL, T.LOCALIZATION],
    pillars: [PARTICIPATION],
    frameworks: [AU_CRF, UN_1325],
  },
  {
    key: 'ie-women-mediators-roster',
    title: 'Roster of women mediators',
    summary: 'Ireland keeps a roster of trained women mediators and proposes them for every peace process it supports.',
    evidence: 'Demo: nominations from the roster per year.',
    countries: ['IE'],
    themes: [T.CAPACITY_BUILDING],
    pillars: [PARTICIPATION],
    frameworks: [EU_GAP_III, OSCE, UN_1325],
  },
  {
    key: 'ng-candidate-mentoring',
    title: 'Mentoring women candidates through party primaries',
    summary: 'Nigerian women leaders mentor first-time candidates from nomination to the primaries, with training on campaign finance.',
    evidence: 'Demo: candidates mentored and elected.',
    countries: ['NG'],
    themes: [T.CAPACITY_BUILDING, T.POLITICAL_WILL],
    pillars: [PARTICIPATION],
    frameworks: [AU_CRF],
  },
  {
    key: 'fi-diplomacy-appointments',
    title: 'Gender balance in diplomatic appointments',
    summary: "Finland's foreign ministry sets a yearly target for women among heads of mission and reports it to the steering group.",
    evidence: 'Demo: appointment statistics.',
    countries: ['FI'],
    themes: [T.POLITICAL_WILL, T.REPORTING],
    pillars: [PARTICIPATION],
    frameworks: [EU_GAP_III, OSCE],
  },
  // Prevention.
  {
    key: 'gh-district-early-warning',
    title: 'Gender-sensitive early-warning indicators in district peace councils',
    summary: 'District peace councils in Ghana added indicators on threats to women and girls to their early-warning reports.',
    evidence: 'Demo: districts reporting with the new indicators.',
    countries: ['GH'],
    themes: [T.INDICATORS, T.LOCALIZATION],
    pillars: [PREVENTION],
    frameworks: [AU_CRF],
  },
  {
    key: 'de-academy-modules',
    title: 'WPS modules in police and military academies',
    summary: 'German police and military academies teach a compulsory module on Women, Peace and Security to every cohort.',
    evidence: 'Demo: curricula and cohort numbers.',
    countries: ['DE'],
    themes: [T.CAPACITY_BUILDING],
    pillars: [PREVENTION, PROTECTION],
    frameworks: [EU_GAP_III, OSCE],
  },
  {
    key: 'ke-county-peace-committees',
    title: 'Women in county peace committees',
    summary: 'Kenyan counties reserve a third of the seats of their peace committees for women.',
    evidence: 'Demo: committee membership lists.',
    countries: ['KE'],
    themes: [T.LOCALIZATION],
    pillars: [PREVENTION, PARTICIPATION],
    frameworks: [AU_CRF],
  },
  {
    key: 'rw-ug-cross-border-network',
    title: "Cross-border women's peace network",
    summary: "Women's groups on both sides of the Rwanda–Uganda border share early-warning information and meet every quarter.",
    evidence: 'Demo: meeting reports.',
    countries: ['RW', 'UG'],
    themes: [T.REGIONAL_COOPERATION, T.CIVIL_SOCIETY],
    pillars: [PREVENTION],
    frameworks: [AU_CRF],
  },
  // Protection.
  {
    key: 'rw-one-stop-centres',
    title: 'One-stop centres for survivors of gender-based violence',
    summary: 'Rwanda brings medical, legal, police and psychosocial services for survivors under one roof in district hospitals.',
    evidence: 'Demo: survivors served per centre.',
    countries: ['RW'],
    themes: [T.COORDINATION],
    pillars: [PROTECTION],
    frameworks: [AU_CRF, UN_1325],
  },
  {
    key: 'ug-police-gender-desks',
    title: 'Gender and children desks in every police station',
    summary: 'Uganda trains officers for a gender and children desk in each police station and tracks the cases they receive.',
    evidence: 'Demo: desks in operation and cases handled.',
    countries: ['UG'],
    themes: [T.CAPACITY_BUILDING],
    pillars: [PROTECTION],
    frameworks: [AU_CRF],
  },
  {
    key: 'no-women-in-armed-forces',
    title: 'Recruiting and keeping women in the armed forces',
    summary: 'Universal conscription for women and men in Norway, with equipment and facilities adapted, raised the share of women in the armed forces.',
    evidence: 'Demo: share of women by year of conscription.',
    countries: ['NO'],
    themes: [T.POLITICAL_WILL],
    pillars: [PROTECTION, PARTICIPATION],
    frameworks: [OSCE, UN_1325],
  },
  {
    key: 'ie-sexual-harassment-policy',
    title: 'Zero-tolerance harassment policy in the defence forces',
    summary: "Ireland's defence forces adopted an independent complaints channel and publish yearly figures on harassment cases.",
    evidence: 'Demo: complaints and outcomes published.',
    countries: ['IE'],
    themes: [T.REPORTING],
    pillars: [PROTECTION],
    frameworks: [EU_GAP_III, OSCE],
  },
  // Relief and recovery.
  {
    key: 'sn-livelihood-cooperatives',
    title: "Livelihood grants through women's cooperatives",
    summary: "Displaced women in Casamance receive livelihood grants through women's cooperatives, which also run savings groups.",
    evidence: 'Demo: grants disbursed and cooperative members.',
    countries: ['SN'],
    themes: [T.CIVIL_SOCIETY, T.LOCALIZATION],
    pillars: [RELIEF_AND_RECOVERY],
    frameworks: [AU_CRF],
  },
  {
    key: 'fi-recovery-budget-tagging',
    title: 'Gender-tagged recovery budgets',
    summary: 'Finland tags its humanitarian and recovery funding by whether it targets women and girls and reports the share to parliament.',
    evidence: 'Demo: tagged share of recovery funding.',
    countries: ['FI'],
    themes: [T.FINANCING, T.REPORTING],
    pillars: [RELIEF_AND_RECOVERY],
    frameworks: [EU_GAP_III],
  },
  {
    key: 'ke-land-rights-resettlement',
    title: "Women's land rights in resettlement programmes",
    summary: 'Kenyan resettlement programmes register land jointly in the names of both spouses.',
    evidence: 'Demo: joint titles issued.',
    countries: ['KE'],
    themes: [T.LOCALIZATION],
    pillars: [RELIEF_AND_RECOVERY],
    frameworks: [AU_CRF],
  },
  // Monitoring, data, coordination and reporting.
  {
    key: 'ie-independent-monitoring',
    title: 'Independent monitoring group with civil society',
    summary: "Ireland's plan is monitored by a group chaired by an independent expert, with civil society members, which publishes a yearly progress report.",
    evidence: 'Demo: yearly progress reports.',
    countries: ['IE'],
    themes: [T.MONITORING_EVALUATION, T.CIVIL_SOCIETY, T.REPORTING],
    pillars: [],
    frameworks: [EU_GAP_III, OSCE],
  },
  {
    key: 'ug-statistics-office-data',
    title: 'Sex-disaggregated data through the national statistics office',
    summary: "Uganda's statistics office publishes the plan's indicators with the national statistics, broken down by sex, age and district.",
    evidence: 'Demo: statistical release with the plan indicators.',
    countries: ['UG'],
    themes: [T.INDICATORS, T.MONITORING_EVALUATION],
    pillars: [],
    frameworks: [AU_CRF, UN_1325],
  },
  {
    key: 'no-inter-ministerial-working-group',
    title: 'Inter-ministerial WPS working group with a rotating chair',
    summary: 'Five Norwegian ministries share the plan; the chair of their working group rotates each year so no ministry owns it alone.',
    evidence: 'Demo: working group minutes.',
    countries: ['NO'],
    themes: [T.COORDINATION, T.POLITICAL_WILL],
    pillars: [],
    frameworks: [OSCE],
  },
  {
    key: 'ng-shadow-report',
    title: 'Civil society shadow report on the action plan',
    summary: "A coalition of Nigerian women's organisations writes a shadow report on the plan every two years and presents it with the government.",
    evidence: 'Demo: shadow reports.',
    countries: ['NG'],
    themes: [T.REPORTING, T.CIVIL_SOCIETY],
    pillars: [],
    frameworks: [AU_CRF],
  },
  {
    key: 'gh-coordination-secretariat',
    title: 'A secretariat for the NAP steering committee',
    summary: "Ghana's gender ministry hosts a small secretariat that prepares the steering committee, follows up its decisions and collects partners' reports.",
    evidence: 'Demo: steering committee decisions followed up.',
    countries: ['GH'],
    themes: [T.COORDINATION, T.REPORTING],
    pillars: [],
    frameworks: [AU_CRF],
  },
];

export interface DemoSessionTemplate {
  key: string;
  title: string;
  kind: SessionKind;
  series: string | null;
  /** Days after (or, negative, before) the seed date. */
  dayOffset: number;
  /** Local start, "HH:mm", in `timeZone`. */
  localStart: string;
  minutes: number;
  timeZone: string;
  access: SessionAccess;
  chathamHouse: boolean;
  formats: SessionFormat[];
  capacity: number | null;
  hosts: string[];
  themes: Theme[];
  summary: string;
  objectives: string[];
  guidingQuestions: string[];
  outcomes: string[];
  participants: number | null;
}

const { WEBINAR, WORKING_GROUP, VIRTUAL_DIALOGUE } = SessionKind;
const { PLENARY, BREAKOUT } = SessionFormat;

/** Upcoming sessions (every real session is past) and one past session with outcomes. */
export const DEMO_SESSIONS: readonly DemoSessionTemplate[] = [
  {
    key: 'costing-financing-webinar',
    title: 'Technical Learning Series: Costing and financing national action plans',
    kind: WEBINAR,
    series: 'Technical Learning Series',
    dayOffset: 14,
    localStart: '14:00',
    minutes: 90,
    timeZone: 'Africa/Nairobi',
    access: SessionAccess.OPEN,
    chathamHouse: false,
    formats: [PLENARY],
    capacity: 100,
    hosts: ['WPS Focal Points Network Secretariat', 'Demo host: Ministry of Finance, Uganda'],
    themes: [T.FINANCING],
    summary: 'How members cost their plans, open budget lines and follow the money.',
    objectives: ['Share methods for costing NAP activities', 'Show how budget tagging lets a plan follow its allocations'],
    guidingQuestions: ['Which ministry should own the costing?', 'How do you keep donor funding visible in the national budget?'],
    outcomes: [],
    participants: null,
  },
  {
    key: 'outcome-monitoring-working-group',
    title: 'Working group: From outputs to outcomes in NAP monitoring',
    kind: WORKING_GROUP,
    series: null,
    dayOffset: 35,
    localStart: '15:00',
    minutes: 120,
    timeZone: 'Europe/Stockholm',
    access: SessionAccess.INVITATION_ONLY,
    chathamHouse: true,
    formats: [PLENARY, BREAKOUT],
    capacity: 30,
    hosts: ['WPS Focal Points Network Secretariat'],
    themes: [T.MONITORING_EVALUATION, T.INDICATORS],
    summary: 'A closed working group of M&E officers on outcome indicators and qualitative evidence.',
    objectives: ['Compare outcome indicators across plans', 'Agree on a short list of qualitative methods'],
    guidingQuestions: ['Which outcome indicator changed a decision in your government?'],
    outcomes: [],
    participants: null,
  },
  {
    key: 'localisation-dialogue',
    title: 'Virtual dialogue: Localising national action plans',
    kind: VIRTUAL_DIALOGUE,
    series: null,
    dayOffset: 56,
    localStart: '10:00',
    minutes: 120,
    timeZone: 'Africa/Lagos',
    access: SessionAccess.ON_REQUEST,
    chathamHouse: false,
    formats: [PLENARY, BREAKOUT],
    capacity: 60,
    hosts: ['WPS Focal Points Network Secretariat', 'Demo host: Association of Local Governments'],
    themes: [T.LOCALIZATION, T.CIVIL_SOCIETY],
    summary: 'Local governments and civil society on bringing the plan to districts and municipalities.',
    objectives: ['Hear from municipalities that adopted local action plans'],
    guidingQuestions: ['What does a local action plan need from the national one?'],
    outcomes: [],
    participants: null,
  },
  {
    key: 'accountability-webinar',
    title: 'Technical Learning Series: Holding governments to account on WPS commitments',
    kind: WEBINAR,
    series: 'Technical Learning Series',
    dayOffset: 84,
    localStart: '09:00',
    minutes: 90,
    timeZone: 'America/New_York',
    access: SessionAccess.OPEN,
    chathamHouse: false,
    formats: [PLENARY],
    capacity: null,
    hosts: ['WPS Focal Points Network Secretariat', 'UN Women'],
    themes: [T.PARLIAMENTARY_OVERSIGHT, T.REPORTING],
    summary: 'Oversight bodies, annual reports and shadow reports: who checks that the plan is implemented.',
    objectives: ['Share models of oversight of action plans'],
    guidingQuestions: ['Who reads your annual report, and what do they do with it?'],
    outcomes: [],
    participants: null,
  },
  {
    key: 'regional-reporting-exchange',
    title: 'Peer exchange: Regional frameworks and national reporting',
    kind: WEBINAR,
    series: null,
    dayOffset: -40,
    localStart: '13:00',
    minutes: 90,
    timeZone: 'Africa/Addis_Ababa',
    access: SessionAccess.OPEN,
    chathamHouse: false,
    formats: [PLENARY],
    capacity: 80,
    hosts: ['WPS Focal Points Network Secretariat', 'Demo host: African Union Commission'],
    themes: [T.REGIONAL_COOPERATION, T.REPORTING],
    summary: 'How members report once to their national plan and are counted in the regional frameworks.',
    objectives: ['Map national indicators to regional framework indicators'],
    guidingQuestions: ['Which regional indicators do you find hardest to report?'],
    outcomes: ['Members asked for an alignment table per framework', 'Two members offered to pilot one shared reporting template'],
    participants: 45,
  },
];

export interface DemoResourceTemplate {
  key: string;
  title: string;
  kind: ResourceKind;
  publisher: string;
  yearsAgo: number;
  summary: string;
  themes: Theme[];
  countries: string[];
  frameworks: AlignmentFramework[];
  pillars: Pillar[];
}

export const DEMO_RESOURCES: readonly DemoResourceTemplate[] = [
  {
    key: 'budget-tagging-toolkit',
    title: 'Demo toolkit: Tagging action plan activities in the national budget',
    kind: ResourceKind.TOOLKIT,
    publisher: 'WPS Federation Hub (demo)',
    yearsAgo: 1,
    summary: 'Step-by-step templates for a budget call circular, tagging codes and a yearly allocation report.',
    themes: [T.FINANCING],
    countries: [],
    frameworks: [],
    pillars: [],
  },
  {
    key: 'disaggregated-data-guide',
    title: 'Demo guide: Sex- and age-disaggregated data for NAP indicators',
    kind: ResourceKind.GUIDE,
    publisher: 'WPS Federation Hub (demo)',
    yearsAgo: 2,
    summary: 'What to ask statistics offices and ministries for, and how to report it against the regional frameworks.',
    themes: [T.INDICATORS, T.MONITORING_EVALUATION],
    countries: [],
    frameworks: [AU_CRF, EU_GAP_III, OSCE],
    pillars: [],
  },
  {
    key: 'mid-term-review-uganda',
    title: 'Demo evaluation: Mid-term review of a second-generation action plan',
    kind: ResourceKind.EVALUATION,
    publisher: 'WPS Federation Hub (demo)',
    yearsAgo: 3,
    summary: 'A demo mid-term review with findings on coordination, budget execution and outcome data.',
    themes: [T.MONITORING_EVALUATION, T.COORDINATION],
    countries: ['UG'],
    frameworks: [AU_CRF],
    pillars: [],
  },
];

export interface DemoThreadTemplate {
  key: string;
  /** A real session id, a demo session key (prefixed "demo:"), or null for a general thread. */
  session: string | null;
  title: string;
  /** Days before the seed date the thread was opened. */
  daysAgo: number;
  /** Posts in order: focal point country (or regional organisation) of the author, body. */
  posts: [string, string][];
}

export const DEMO_THREADS: readonly DemoThreadTemplate[] = [
  {
    key: 'outcome-indicators',
    session: 'fpn-technical-learning-2022-11-08',
    title: 'Moving from output to outcome indicators',
    daysAgo: 30,
    posts: [
      ['KE', 'Our plan counts trainings delivered. How did others find an outcome indicator that ministries agreed to report?'],
      ['IE', 'We added two perception questions to an existing national survey rather than starting a new one.'],
      ['GH', 'District peace councils report qualitative change with short stories; we code them once a year.'],
    ],
  },
  {
    key: 'costing-questions',
    session: 'demo:costing-financing-webinar',
    title: 'Questions before the costing webinar',
    daysAgo: 6,
    posts: [
      ['NG', 'Could the webinar cover costing activities that several ministries share?'],
      ['UG', 'Yes: we will show how the budget call circular splits shared activities between votes.'],
    ],
  },
  {
    key: 'outcome-working-group',
    session: 'demo:outcome-monitoring-working-group',
    title: 'Preparing the working group on outcome monitoring',
    daysAgo: 4,
    posts: [
      ['FI', 'Please bring one outcome indicator that worked and one that did not.'],
      ['RW', 'We will bring our survivor-services indicator and its data gaps.'],
    ],
  },
  {
    key: 'who-costed',
    session: null,
    title: 'Who has costed their plan with the finance ministry?',
    daysAgo: 12,
    posts: [
      ['SN', 'We are starting our third plan and want the finance ministry involved from the start. Who has done this?'],
      ['GH', 'We did it for our second plan: the costing annex was signed off by the finance ministry before adoption.'],
    ],
  },
];

/** Roles in the directory, by kind of organisation. */
export const STATE_ROLES = ['NAP coordinator', 'WPS focal point, Ministry of Foreign Affairs', 'M&E officer, Ministry of Gender', 'WPS focal point, Ministry of Defence'];

export const REGIONAL_FOCAL_POINTS: readonly { organisation: string; regional: 'AU' | 'EU' | 'OSCE'; role: string }[] = [
  { organisation: 'African Union Commission', regional: 'AU', role: 'WPS focal point, Office of the Special Envoy on Women, Peace and Security' },
  { organisation: 'European External Action Service', regional: 'EU', role: 'Gender and WPS adviser' },
  { organisation: 'OSCE Secretariat', regional: 'OSCE', role: 'Gender Issues Programme officer' },
];

export const FIRST_NAMES = ['Amina', 'Grace', 'Fatou', 'Ingrid', 'Aoife', 'Wanjiru', 'Ngozi', 'Akosua', 'Claudine', 'Liisa', 'Sabine', 'Kari', 'Nana', 'Mariam', 'Elena', 'Joseph', 'Daniel', 'Samuel'];
export const LAST_NAMES = ['Demo-Achieng', 'Demo-Mensah', 'Demo-Diallo', 'Demo-Lindqvist', 'Demo-Murphy', 'Demo-Okafor', 'Demo-Uwase', 'Demo-Nakato', 'Demo-Virtanen', 'Demo-Schmidt', 'Demo-Berg', 'Demo-Ndiaye'];
