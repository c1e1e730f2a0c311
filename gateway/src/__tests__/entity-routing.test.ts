import { countryOfRepresentation } from '../entity-routing.js';

describe('countryOfRepresentation', () => {
  it("reads the countryCode of a NAP entity's key", () => {
    expect(countryOfRepresentation({ __typename: 'NationalActionPlan', countryCode: 'KE', id: '0f8fad5b-d9cb-469f-a165-70867728950e' })).toBe('KE');
    expect(countryOfRepresentation({ __typename: 'Indicator', countryCode: 'NG', id: 'x' })).toBe('NG');
    expect(countryOfRepresentation({ __typename: 'Measurement', countryCode: 'GH', id: 'x' })).toBe('GH');
  });

  it("reads a Country's code", () => {
    expect(countryOfRepresentation({ __typename: 'Country', code: 'SE' })).toBe('SE');
  });

  it('finds no country in a code of another type, a non-string code or a non-object', () => {
    expect(countryOfRepresentation({ __typename: 'GoodPractice', code: 'SE' })).toBeUndefined();
    expect(countryOfRepresentation({ __typename: 'Country', code: 7 })).toBeUndefined();
    expect(countryOfRepresentation({ __typename: 'NationalActionPlan', countryCode: null, id: 'x' })).toBeUndefined();
    expect(countryOfRepresentation({ __typename: 'NationalActionPlan', id: 'x' })).toBeUndefined();
    for (const value of [null, undefined, 'KE', 42, true]) expect(countryOfRepresentation(value)).toBeUndefined();
  });
});
