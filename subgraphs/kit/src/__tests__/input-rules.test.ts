import { errorMessage, ErrorCode, httpUrl, HubError, idOf, notFound, optionalText, partialIsoDate, postgresErrorOf, requiredText, roundShare, shareOf, yearOfIsoDate } from '@wps/kit';

/** The field a rule names in its BAD_USER_INPUT (or NOT_FOUND), or the message of anything else it threw. */
const refusal = (check: () => unknown) => {
  try {
    check();
  } catch (error) {
    return error instanceof HubError ? { code: error.code, field: error.details.field } : { message: errorMessage(error) };
  }
  return null;
};

describe('the input rules every write service shares', () => {
  it('trims required text and refuses it empty or outside its length', () => {
    expect(requiredText('  Kenya NAP  ', 'input.title')).toBe('Kenya NAP');
    expect(refusal(() => requiredText(' \t ', 'input.title'))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'input.title' });
    expect(refusal(() => requiredText('Hi', 'input.title', { min: 5 }))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'input.title' });
    expect(refusal(() => requiredText('x'.repeat(11), 'input.body', { max: 10 }))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'input.body' });
  });

  it('stores optional text blank, null or left out as null, and bounds the rest', () => {
    expect([optionalText(undefined, 'note'), optionalText(null, 'note'), optionalText('   ', 'note'), optionalText(' a ', 'note')]).toEqual([null, null, null, 'a']);
    expect(refusal(() => optionalText('x'.repeat(5), 'note', 4))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'note' });
  });

  it('answers an id that names nothing with NOT_FOUND naming the argument, without asking the database for a non-UUID', () => {
    expect(refusal(() => idOf('not-a-uuid', 'planId', 'action plan'))).toEqual({ code: ErrorCode.NOT_FOUND, field: 'planId' });
    expect(notFound('id', 'forum thread')).toMatchObject({ code: ErrorCode.NOT_FOUND, message: 'There is no forum thread with that id.', details: { field: 'id' } });
  });

  it('takes real calendar dates only, and partial ISO dates within the years given', () => {
    expect(yearOfIsoDate('2024-02-29', 'on')).toBe(2024);
    expect(refusal(() => yearOfIsoDate('2023-02-29', 'on'))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'on' });
    expect(partialIsoDate(' 2016-05 ', 'adoptedOn', 1900, 2100)).toBe('2016-05');
    for (const bad of ['2016-13', '12/05/2016', '1899', '2016-02-30']) expect(refusal(() => partialIsoDate(bad, 'adoptedOn', 1900, 2100))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'adoptedOn' });
  });

  it('takes http and https URLs as written, nothing else', () => {
    expect(httpUrl(' https://example.org/a ', 'url')).toBe('https://example.org/a');
    for (const bad of ['ftp://example.org/x', 'example.org', 'HTTPS://example.org']) expect(refusal(() => httpUrl(bad, 'url'))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: 'url' });
  });
});

describe('shares, error messages and database errors', () => {
  it('rounds shares to 4 places, and has none without a whole', () => {
    expect(roundShare(2 / 3)).toBe(0.6667);
    expect(shareOf(1, 3)).toBe(0.3333);
    expect([shareOf(1, 0), shareOf(0, -1)]).toEqual([null, null]);
  });

  it('gives the message of an Error and the text of anything else', () => {
    expect([errorMessage(new Error('refused')), errorMessage('plain'), errorMessage(42)]).toEqual(['refused', 'plain', '42']);
  });

  it("reads a failed statement's SQLSTATE and constraint, through TypeORM's wrapper or from pg directly", () => {
    expect(postgresErrorOf({ driverError: { code: '23505', constraint: 'outcome_plan_id_code_key' } })).toEqual({ code: '23505', constraint: 'outcome_plan_id_code_key' });
    expect(postgresErrorOf({ code: '23505' })).toEqual({ code: '23505', constraint: undefined });
    expect(postgresErrorOf(new Error('not from Postgres'))).toEqual({ code: undefined, constraint: undefined });
  });
});
