import type { ApolloServer } from '@apollo/server';
import { ANONYMOUS, ErrorCode, errorMessage, isCountryCode, type Logger } from '@wps/kit';
import express from 'express';
import type { GatewayContext } from '../gateway-context.js';
import { DATASET_SOURCES, LICENCE_NAME, LICENCE_NOTE, LICENCE_TEXT, LICENCE_URL, OPEN_DATA_PATH, UNAVAILABLE_NOTE } from './open-data-licence.js';
import { COUNTRY_BUDGETS, COUNTRY_MEASUREMENTS, COUNTRY_PUBLIC_RECORD, FRAMEWORK_MEMBERS, FRAMEWORK_PUBLIC_RECORD, OPEN_DATA_CATALOGUE } from './open-data-queries.js';
import {
  anyDemo,
  BUDGET_COLUMNS,
  budgetRows,
  citedSources,
  DATASETS,
  FORMATS,
  measurementColumns,
  measurementRows,
  PUBLIC_RECORD_COLUMNS,
  publicRecordRows,
  rowsToCsv,
  unavailableMembersOf,
  type BudgetCountry,
  type DatasetFormat,
  type DatasetName,
  type MeasurementCountry,
  type RecordCountry,
  type Row,
  type UnavailableMember,
} from './open-data-rows.js';

/** A public GraphQL answer: data, and the errors as the gateway words them to a client (masked). */
export interface PublicAnswer {
  data: Record<string, unknown> | null;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs a public operation as an anonymous client would. */
export type PublicExecutor = (query: string, variables?: Record<string, unknown>) => Promise<PublicAnswer>;

/**
 * Operations through the gateway's own Apollo server with the anonymous
 * principal and no token: parsed, validated (armor), cost-limited, planned,
 * routed to members with their deadlines and circuits, errors masked, as
 * for a client on /graphql. Only what the public may see comes back.
 */
export function anonymousExecutor(apollo: ApolloServer<GatewayContext>): PublicExecutor {
  return async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: { principal: ANONYMOUS } });
    if (response.body.kind !== 'single') throw new Error('open data: an incremental answer was not asked for');
    const { data, errors } = response.body.singleResult;
    return { data: (data as Record<string, unknown> | null | undefined) ?? null, errors: (errors ?? []) as PublicAnswer['errors'] };
  };
}

export interface OpenDataOptions {
  execute: PublicExecutor;
  logger: Logger;
  /**
   * Counts more requests against the client (the rate limiter's charge): a
   * download of member data runs one operation per connected member, and the
   * client is charged one request for each beyond the first. False when that
   * is over the client's limit (the 429 is then sent).
   */
  charge: (response: express.Response, points: number) => Promise<boolean>;
  /** Member operations in flight at once for a framework's download (default 4). */
  concurrency?: number;
  /** The clock (tests). */
  now?: () => Date;
}

interface Catalogue {
  frameworks: { code: string; shortName: string; name: string; organisation: string }[];
  countries: { code: string; name: string; memberStatus: string }[];
}

interface Dataset {
  dataset: DatasetName;
  scope: { framework: string } | { country: string };
  columns: readonly string[];
  rows: Row[];
  source: string;
  /** Public sources cited by the rows (the public record). */
  sources?: string[];
  unavailableMembers: UnavailableMember[];
  notConnectedMembers?: string[];
}

/** A download that cannot be built now (the regional subgraph failed, the cost limit…): 502, with the gateway's code only. */
class DownloadFailed extends Error {
  constructor(readonly code: string) {
    super(`open data: the hub's answer failed (${code})`);
  }
}

const FILE = /^(public-record|measurements|budgets)\.(csv|json)$/;
const FILE_FORM = `{${DATASETS.join('|')}}.{${FORMATS.join('|')}}`;

function notFound(response: express.Response, message: string): void {
  response.status(404).type('application/json').json({ error: { code: ErrorCode.NOT_FOUND, message } });
}

/** The operation's data, or DownloadFailed when the hub could not answer it at all. */
function dataOf<T>(answer: PublicAnswer, field: string): T {
  const value = answer.data?.[field];
  if (value === undefined || (value === null && answer.errors.length > 0)) {
    const code = answer.errors[0]?.extensions?.code;
    throw new DownloadFailed(typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR);
  }
  return value as T;
}

/** Run `work` on every item, at most `limit` at once, results in the items' order. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * The open-data routes (issue 13.7), GET only, mounted at /open-data by the
 * gateway behind the same CORS and per-client rate limits as /graphql:
 *
 * - `/` the index of every dataset (JSON), `/LICENSE.txt` the licence;
 * - `/frameworks/:code/<dataset>.<format>` and `/countries/:cc/<dataset>.<format>`,
 *   datasets public-record, measurements and budgets, formats csv and json.
 *
 * Every file is computed on request from public GraphQL through the gateway
 * (`execute`); nothing is cached, so a member's newly published value is in
 * the next download and an unpublished one never is.
 */
export function openDataRouter(options: OpenDataOptions): express.Router {
  const { execute, logger, charge } = options;
  const concurrency = options.concurrency ?? 4;
  const now = options.now ?? (() => new Date());
  const router = express.Router({ caseSensitive: true, strict: false });

  const catalogue = async (): Promise<Catalogue> => {
    const answer = await execute(OPEN_DATA_CATALOGUE);
    return { frameworks: dataOf(answer, 'frameworks'), countries: dataOf(answer, 'countries') };
  };

  /** One member's rows, all or none: a member whose answer has errors is named instead. */
  const memberAnswer = async <T extends { code: string; memberStatus: string; actionPlans: unknown }>(query: string, code: string): Promise<{ country?: T; unavailable: UnavailableMember[] }> => {
    const answer = await execute(query, { code });
    const country = dataOf<T | null>(answer, 'country');
    const unavailable = unavailableMembersOf(answer.errors, country ? [country] : []);
    if (answer.errors.length > 0 && unavailable.length === 0) {
      const reason = answer.errors[0]?.extensions?.code;
      unavailable.push({ countryCode: code, reason: typeof reason === 'string' ? reason.toLowerCase() : 'unavailable' });
    }
    return unavailable.length > 0 || !country ? { unavailable } : { country, unavailable };
  };

  /** The member data of `states`, one operation per active member; undefined when the client may not run that many now (429 sent). */
  const memberDataset = async <T extends { code: string; memberStatus: string; actionPlans: unknown }>(
    response: express.Response,
    dataset: 'measurements' | 'budgets',
    states: readonly { code: string; memberStatus: string }[],
    scope: Dataset['scope'],
  ): Promise<Dataset | undefined> => {
    const query = dataset === 'measurements' ? COUNTRY_MEASUREMENTS : COUNTRY_BUDGETS;
    const registered = states.filter((state) => state.memberStatus !== 'NOT_CONNECTED');
    const operations = registered.filter((state) => state.memberStatus === 'ACTIVE').length;
    if (!(await charge(response, operations - 1))) return undefined;
    const answers = await inBatches(registered, concurrency, (state) =>
      state.memberStatus === 'ACTIVE' ? memberAnswer<T>(query, state.code) : Promise.resolve({ unavailable: unavailableMembersOf([], [state]) } as { country?: T; unavailable: UnavailableMember[] }),
    );
    const countries = answers.flatMap((answer) => (answer.country ? [answer.country] : []));
    const framework = 'framework' in scope ? scope.framework : undefined;
    return {
      dataset,
      scope,
      columns: dataset === 'measurements' ? measurementColumns(framework) : BUDGET_COLUMNS,
      rows: dataset === 'measurements' ? measurementRows(countries as unknown as MeasurementCountry[], framework) : budgetRows(countries as unknown as BudgetCountry[]),
      source: DATASET_SOURCES[dataset],
      unavailableMembers: answers.flatMap((answer) => answer.unavailable).sort((a, b) => a.countryCode.localeCompare(b.countryCode)),
      notConnectedMembers: states.filter((state) => state.memberStatus === 'NOT_CONNECTED').map((state) => state.code),
    };
  };

  const recordDataset = (countries: RecordCountry[], scope: Dataset['scope']): Dataset => {
    const rows = publicRecordRows(countries);
    const record = countries[0]?.publicRecord;
    return {
      dataset: 'public-record',
      scope,
      columns: PUBLIC_RECORD_COLUMNS,
      rows,
      source: record ? `${DATASET_SOURCES['public-record']} From data/naps.json, gathered ${record.gathered}: ${record.source}` : DATASET_SOURCES['public-record'],
      sources: citedSources(rows),
      unavailableMembers: [],
    };
  };

  const send = (response: express.Response, data: Dataset, format: DatasetFormat): void => {
    const generatedAt = now().toISOString();
    const scopeCode = 'framework' in data.scope ? data.scope.framework : data.scope.country;
    const isDemo = anyDemo(data.rows);
    response.set({
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="wps-hub-${scopeCode}-${data.dataset}-${generatedAt.slice(0, 10)}.${format}"`,
      'X-Licence': `${LICENCE_NAME} (compilation); member data remains the member state's, under its own terms`,
      Link: `<${LICENCE_URL}>; rel="license", <${OPEN_DATA_PATH}/LICENSE.txt>; rel="describedby"`,
      'X-Generated-At': generatedAt,
      'X-Demo-Data': String(isDemo),
    });
    if (data.unavailableMembers.length > 0) response.set('X-Unavailable-Members', data.unavailableMembers.map((member) => `${member.countryCode}=${member.reason}`).join(', '));
    if (format === 'csv') {
      response.type('text/csv; charset=utf-8; header=present').send(rowsToCsv(data.columns, data.rows));
      return;
    }
    response.type('application/json').json({
      dataset: data.dataset,
      ...data.scope,
      licence: LICENCE_NAME,
      licenceUrl: LICENCE_URL,
      licenceNote: LICENCE_NOTE,
      source: data.source,
      ...(data.sources ? { sources: data.sources } : {}),
      generatedAt,
      isDemo,
      unavailableMembers: data.unavailableMembers,
      ...(data.notConnectedMembers ? { notConnectedMembers: data.notConnectedMembers } : {}),
      columns: data.columns,
      rows: data.rows,
    });
  };

  /** Answers a download; a failure of the hub is a 502 with the gateway's code, never its message, stack or a member's address. */
  const download = (handler: (request: express.Request, response: express.Response) => Promise<void>): express.RequestHandler => async (request, response) => {
    try {
      await handler(request, response);
    } catch (error) {
      const code = error instanceof DownloadFailed ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
      logger.warn('open data: download failed', { path: request.path, error: errorMessage(error) });
      if (!response.headersSent) response.status(502).type('application/json').json({ error: { code, message: 'The hub could not build this download now; try again later.' } });
    }
  };

  router.get(
    '/',
    download(async (_request, response) => {
      const { frameworks, countries } = await catalogue();
      const generatedAt = now().toISOString();
      const entry = (dataset: DatasetName, format: DatasetFormat, scope: Dataset['scope']) => {
        const path = 'framework' in scope ? `frameworks/${scope.framework}` : `countries/${scope.country}`;
        return { url: `${OPEN_DATA_PATH}/${path}/${dataset}.${format}`, dataset, format, ...scope, licence: LICENCE_NAME, source: DATASET_SOURCES[dataset], generatedAt };
      };
      const each = (scope: Dataset['scope']) => DATASETS.flatMap((dataset) => FORMATS.map((format) => entry(dataset, format, scope)));
      response.set('Cache-Control', 'no-store').json({
        title: 'WPS Federation Hub open data',
        licence: LICENCE_NAME,
        licenceUrl: LICENCE_URL,
        licenceNote: LICENCE_NOTE,
        licenceText: `${OPEN_DATA_PATH}/LICENSE.txt`,
        generatedAt,
        computedOnRequest: 'Every file is built when it is requested, from what is published then; its generatedAt is the time of the download.',
        unavailableMembers: UNAVAILABLE_NOTE,
        frameworks: frameworks.map((framework) => ({ code: framework.code, name: framework.name, organisation: framework.organisation })),
        datasets: [...frameworks.flatMap((framework) => each({ framework: framework.code })), ...countries.flatMap((country) => each({ country: country.code }))],
      });
    }),
  );

  router.get('/LICENSE.txt', (_request, response) => {
    response.type('text/plain; charset=utf-8').send(LICENCE_TEXT);
  });

  router.get(
    '/frameworks/:code/:file',
    download(async (request, response) => {
      const { frameworks } = await catalogue();
      const codes = frameworks.map((framework) => framework.code);
      const code = String(request.params.code).toUpperCase();
      if (!codes.includes(code)) return notFound(response, `No framework "${clip(request.params.code)}". Use ${OPEN_DATA_PATH}/frameworks/{${codes.join('|')}}/${FILE_FORM}.`);
      const file = FILE.exec(String(request.params.file));
      if (!file) return notFound(response, `No such file "${clip(request.params.file)}". Use ${OPEN_DATA_PATH}/frameworks/${code}/${FILE_FORM}.`);
      const [dataset, format] = [file[1] as DatasetName, file[2] as DatasetFormat];
      if (dataset === 'public-record') {
        const countries = dataOf<RecordCountry[]>(await execute(FRAMEWORK_PUBLIC_RECORD, { framework: code }), 'countries');
        return send(response, recordDataset(countries, { framework: code }), format);
      }
      const states = dataOf<{ code: string; memberStatus: string }[]>(await execute(FRAMEWORK_MEMBERS, { framework: code }), 'countries');
      const data = await memberDataset(response, dataset, states, { framework: code });
      if (data) send(response, data, format);
    }),
  );

  router.get(
    '/countries/:cc/:file',
    download(async (request, response) => {
      const cc = String(request.params.cc).toUpperCase();
      const form = `${OPEN_DATA_PATH}/countries/{ISO 3166-1 alpha-2 code, e.g. KE}/${FILE_FORM}`;
      if (!isCountryCode(cc)) return notFound(response, `"${clip(request.params.cc)}" is not an ISO 3166-1 alpha-2 code. Use ${form}.`);
      const { countries } = await catalogue();
      const state = countries.find((country) => country.code === cc);
      if (!state) return notFound(response, `The hub knows no state "${cc}". Use ${form}.`);
      const file = FILE.exec(String(request.params.file));
      if (!file) return notFound(response, `No such file "${clip(request.params.file)}". Use ${OPEN_DATA_PATH}/countries/${cc}/${FILE_FORM}.`);
      const [dataset, format] = [file[1] as DatasetName, file[2] as DatasetFormat];
      if (dataset === 'public-record') {
        const country = dataOf<RecordCountry | null>(await execute(COUNTRY_PUBLIC_RECORD, { code: cc }), 'country');
        return send(response, recordDataset(country ? [country] : [], { country: cc }), format);
      }
      const data = await memberDataset(response, dataset, [state], { country: cc });
      if (data) send(response, data, format);
    }),
  );

  router.use((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.status(405).set('Allow', 'GET, HEAD').json({ error: { code: 'METHOD_NOT_ALLOWED', message: 'Open data is read with GET only.' } });
      return;
    }
    notFound(response, `No open data at ${clip(request.path)}. The index of every file is ${OPEN_DATA_PATH}/; files are ${OPEN_DATA_PATH}/frameworks/{code}/${FILE_FORM} and ${OPEN_DATA_PATH}/countries/{code}/${FILE_FORM}.`);
  });
  return router;
}

/** A client's path segment, cut short and reduced to plain characters before it is quoted back. */
function clip(value: unknown): string {
  return String(value).replace(/[^A-Za-z0-9_.\-/]/g, '?').slice(0, 40);
}
