import { ConfigError, defineEnv, mergeEnv } from '@wps/kit';

/** Catch what `read` throws, so a test can look at the error itself. */
function readError(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected read() to throw');
}

describe('defineEnv', () => {
  const env = defineEnv({
    NAP_COUNTRY_CODE: { kind: 'countryCode', required: true, describe: 'the member state served' },
    PORT: { kind: 'int', default: '4100', min: 0, max: 65535, describe: 'HTTP port' },
    SEED_DEMO: { kind: 'bool', default: 'false', describe: 'seed demo data' },
    LOG_LEVEL: { kind: 'string', default: 'info', oneOf: ['info', 'warn', 'error', 'silent'], describe: 'log level' },
    REGISTRY_SEED: { kind: 'list', describe: 'members to register' },
    REGISTRY_URL: { kind: 'url', describe: 'registry endpoint' },
  });

  it('throws a ConfigError naming a required variable that is missing', () => {
    const error = readError(() => env.read({}));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('NAP_COUNTRY_CODE');
    expect((error as ConfigError).message).toMatch(/^NAP_COUNTRY_CODE: is not set/);
  });

  it('treats an empty required variable as missing', () => {
    const error = readError(() => env.read({ NAP_COUNTRY_CODE: '' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('NAP_COUNTRY_CODE');
  });

  it('throws a ConfigError naming an integer above its maximum', () => {
    const error = readError(() => env.read({ NAP_COUNTRY_CODE: 'KE', PORT: '70000' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('PORT');
    expect((error as ConfigError).message).toContain('PORT');
    expect((error as ConfigError).message).toContain('65535');
  });

  it('throws a ConfigError naming an integer below its minimum or not an integer', () => {
    expect(() => env.read({ NAP_COUNTRY_CODE: 'KE', PORT: '-1' })).toThrow(/^PORT: -1 is below 0/);
    expect(() => env.read({ NAP_COUNTRY_CODE: 'KE', PORT: '80.5' })).toThrow(/^PORT: "80.5" is not an integer/);
  });

  it('applies defaults to unset and empty variables, typed by kind', () => {
    const values = env.read({ NAP_COUNTRY_CODE: 'ke', PORT: '' });
    expect(values).toEqual({
      NAP_COUNTRY_CODE: 'KE',
      PORT: 4100,
      SEED_DEMO: false,
      LOG_LEVEL: 'info',
      REGISTRY_SEED: undefined,
      REGISTRY_URL: undefined,
    });
  });

  it('uses a set value over the default', () => {
    const values = env.read({ NAP_COUNTRY_CODE: 'NG', PORT: '0', SEED_DEMO: 'yes', LOG_LEVEL: 'warn' });
    expect(values.PORT).toBe(0);
    expect(values.SEED_DEMO).toBe(true);
    expect(values.LOG_LEVEL).toBe('warn');
  });

  it('splits a list on commas, trimming items and dropping empty ones', () => {
    const values = env.read({ NAP_COUNTRY_CODE: 'KE', REGISTRY_SEED: ' KE=http://a/graphql , ,NG=http://b/graphql,' });
    expect(values.REGISTRY_SEED).toEqual(['KE=http://a/graphql', 'NG=http://b/graphql']);
  });

  it('rejects values outside the allowed set, invalid booleans, URLs and country codes, naming the variable', () => {
    expect(() => env.read({ NAP_COUNTRY_CODE: 'KE', LOG_LEVEL: 'debug' })).toThrow(/^LOG_LEVEL: "debug" is not allowed/);
    expect(() => env.read({ NAP_COUNTRY_CODE: 'KE', SEED_DEMO: 'maybe' })).toThrow(/^SEED_DEMO: /);
    expect(() => env.read({ NAP_COUNTRY_CODE: 'KE', REGISTRY_URL: 'not a url' })).toThrow(/^REGISTRY_URL: /);
    expect(() => env.read({ NAP_COUNTRY_CODE: 'KEN' })).toThrow(/^NAP_COUNTRY_CODE: "KEN" is not an ISO 3166-1 alpha-2 code/);
  });

  it('lists the declared names, and mergeEnv reads the variables of both definitions', () => {
    const merged = mergeEnv(env, defineEnv({ EXTRA: { kind: 'duration', default: '250', min: 100, describe: 'extra' } }));
    expect(merged.names).toEqual([...env.names, 'EXTRA']);
    expect(merged.read({ NAP_COUNTRY_CODE: 'KE' }).EXTRA).toBe(250);
    expect(() => merged.read({ NAP_COUNTRY_CODE: 'KE', EXTRA: '99' })).toThrow(/^EXTRA: 99 is below 100/);
  });
});
