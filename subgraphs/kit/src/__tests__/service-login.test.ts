import { databaseConfigFrom, databaseEnv, deriveServicePassword, serviceLoginConfig, serviceLoginEnv } from '../db.js';
import { mergeEnv } from '../config.js';

describe('the login a service serves with, apart from the migrations role', () => {
  const read = (env: Record<string, string>) => databaseConfigFrom(mergeEnv(databaseEnv, serviceLoginEnv).read(env));

  it("defaults to the service's role on the owner's server and database, with a password derived from the owner's", () => {
    const login = serviceLoginConfig(read({ DATABASE_URL: 'postgres://owner:s3cret@db.example:5432/nap_ke' }), 'wps_member_app');
    const url = new URL(login.url!);
    expect([url.username, url.hostname, url.port, url.pathname]).toEqual(['wps_member_app', 'db.example', '5432', '/nap_ke']);
    expect(url.password).toBe(deriveServicePassword('s3cret', 'wps_member_app'));
    expect(url.password).not.toContain('s3cret');
    expect(deriveServicePassword('s3cret', 'wps_member_app')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deriveServicePassword('other', 'wps_member_app')).not.toBe(url.password);
  });

  it('uses DATABASE_APP_URL as it is when set', () => {
    const login = serviceLoginConfig(read({ DATABASE_URL: 'postgres://owner:s3cret@db.example:5432/nap_ke', DATABASE_APP_URL: 'postgres://app:chosen@replica.example:5432/nap_ke' }), 'wps_member_app');
    expect(login.url).toBe('postgres://app:chosen@replica.example:5432/nap_ke');
  });

  it('derives the login from the PG* variables too', () => {
    const login = serviceLoginConfig(read({ PGHOST: 'db.example', PGDATABASE: 'nap_ke', PGUSER: 'owner', PGPASSWORD: 's3cret' }), 'wps_member_app');
    expect([login.host, login.database, login.user, login.password]).toEqual(['db.example', 'nap_ke', 'wps_member_app', deriveServicePassword('s3cret', 'wps_member_app')]);
  });
});
