import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { recordingLogger } from '@wps/tests';
import { badInput, createErrorMasker, ErrorCode, HubError, isPublicErrorCode } from '@wps/kit';


/** What Apollo Server passes to formatError for an error thrown in a resolver at `path`. */
function resolverError(thrown: Error, path: (string | number)[] = ['actionPlans']) {
  const error = new GraphQLError(thrown.message, { path, originalError: thrown });
  const formatted: GraphQLFormattedError = {
    message: thrown.message,
    locations: [{ line: 1, column: 3 }],
    path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, stacktrace: (thrown.stack ?? '').split('\n') },
  };
  return { error, formatted };
}

const SQL_MESSAGE = 'relation "national_action_plan" does not exist: SELECT "plan"."id" FROM "national_action_plan" "plan" WHERE "plan"."id" IN ($1)';

describe('createErrorMasker', () => {
  it('turns a HubError into its message, code and details', () => {
    const { logger, lines } = recordingLogger();
    const mask = createErrorMasker(logger);
    const { error, formatted } = resolverError(new HubError(ErrorCode.COUNTRY_NOT_SERVED, 'This member serves KE only; it cannot answer for NG.', { country: 'NG' }));
    expect(mask(formatted, error)).toEqual({
      message: 'This member serves KE only; it cannot answer for NG.',
      locations: [{ line: 1, column: 3 }],
      path: ['actionPlans'],
      extensions: { country: 'NG', code: 'COUNTRY_NOT_SERVED' },
    });
    expect(lines).toEqual([]);
  });

  it('keeps the field of a BAD_USER_INPUT from badInput, and a detail can never override the code', () => {
    const mask = createErrorMasker(recordingLogger().logger);
    const { error, formatted } = resolverError(badInput('on', 'on must be a date as YYYY-MM-DD, got "x".'));
    expect(mask(formatted, error).extensions).toEqual({ field: 'on', code: 'BAD_USER_INPUT' });
    const sneaky = resolverError(new HubError(ErrorCode.NOT_FOUND, 'No such plan.', { code: 'SOMETHING_ELSE' }));
    expect(mask(sneaky.formatted, sneaky.error).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('passes a GraphQL validation error with its code, without a stack trace', () => {
    const mask = createErrorMasker(recordingLogger().logger);
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted: GraphQLFormattedError = {
      message: error.message,
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: Cannot query field', '    at validate (/app/node_modules/graphql/validation/validate.js:1:1)'] },
    };
    expect(mask(formatted, error)).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('turns a plain Error carrying SQL into a bare internal error, with no trace of the SQL, and logs the real message', () => {
    const { logger, lines } = recordingLogger();
    const mask = createErrorMasker(logger);
    const { error, formatted } = resolverError(new Error(SQL_MESSAGE), ['actionPlan']);
    const masked = mask(formatted, error);
    expect(masked).toEqual({
      message: 'Internal server error',
      locations: [{ line: 1, column: 3 }],
      path: ['actionPlan'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const text = JSON.stringify(masked);
    expect(text).not.toMatch(/SELECT|national_action_plan|relation|stacktrace|\bat /);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('error');
    expect(lines[0]!.details?.message).toBe(SQL_MESSAGE);
  });

  it('masks a plain Error even when it claims a public code in its extensions', () => {
    const mask = createErrorMasker(recordingLogger().logger);
    const thrown = Object.assign(new Error(SQL_MESSAGE), { extensions: { code: 'BAD_USER_INPUT' } });
    const error = new GraphQLError(thrown.message, { path: ['indicator'], originalError: thrown });
    const formatted: GraphQLFormattedError = { message: thrown.message, path: ['indicator'], extensions: { code: 'BAD_USER_INPUT' } };
    expect(mask(formatted, error)).toEqual({ message: 'Internal server error', path: ['indicator'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe('isPublicErrorCode', () => {
  it('allows the hub codes and GraphQL request codes, never INTERNAL_SERVER_ERROR or unknown codes', () => {
    for (const code of ['BAD_USER_INPUT', 'COUNTRY_NOT_SERVED', 'MEMBER_UNAVAILABLE', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']) {
      expect(isPublicErrorCode(code)).toBe(true);
    }
    for (const code of ['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', '', undefined, 42]) expect(isPublicErrorCode(code)).toBe(false);
  });
});
