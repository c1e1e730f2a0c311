import { readFileSync } from 'node:fs';
import { authConfigFrom, authEnv, ConfigError, createLogger, createTokenIssuer, defineEnv, logEnv, mergeEnv, runService, type LogFormat, type LogLevel } from '@wps/kit';

/** Every variable the embedded issuer reads. */
const issuerEnv = mergeEnv(mergeEnv(authEnv, logEnv), defineEnv({
  PORT: { kind: 'int', default: '0', min: 0, max: 65535, describe: 'HTTP port of the token endpoint (0 = any free port)' },
  HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface to listen on' },
  ISSUER_KEY_FILE: { kind: 'string', required: true, describe: 'Private JWK (ES256) the issuer signs with (npm start: .data/keys/private.jwk.json)' },
  ISSUER_CLIENT_ID: { kind: 'string', default: 'gateway', describe: 'Client id of the gateway' },
  ISSUER_CLIENT_SECRET_FILE: { kind: 'string', required: true, describe: "File with the gateway's client secret (npm start: .data/keys/gateway.client-secret)" },
  ISSUER_CLIENT_SUBJECT: { kind: 'string', default: 'service:gateway', describe: "`sub` of the gateway's service credential and `act.sub` of the member tokens it obtains" },
  ISSUER_SERVICE_TOKEN_LIFETIME_S: { kind: 'int', default: '900', min: 2, max: 86400, describe: "Lifetime of the gateway's service credential (client_credentials), in seconds; the gateway fetches a new one before it expires" },
  ISSUER_MEMBER_TOKEN_LIFETIME_S: { kind: 'int', default: '300', min: 2, max: 300, describe: 'Lifetime of a member-bound token (token exchange), in seconds, at most 300' },
}));

/**
 * The embedded default's identity provider, as a process of its own (the
 * launcher starts it beside the services): the token endpoint of
 * kit/auth/token-issuer.ts. In production this is the identity provider's
 * own RFC 8693 endpoint; the gateway is configured the same way.
 */
const values = issuerEnv.read(process.env);
const logger = createLogger('issuer', values.LOG_LEVEL as LogLevel, values.LOG_FORMAT as LogFormat);
void runService('issuer', logger, async () => {
  let secret: string;
  try {
    secret = readFileSync(values.ISSUER_CLIENT_SECRET_FILE, 'utf8').trim();
  } catch {
    throw new ConfigError('ISSUER_CLIENT_SECRET_FILE', `cannot read ${values.ISSUER_CLIENT_SECRET_FILE}`, 'Point it at the gateway client secret (npm start writes .data/keys/gateway.client-secret)');
  }
  const issuer = await createTokenIssuer({
    privateKeyFile: values.ISSUER_KEY_FILE,
    subjectTokens: authConfigFrom(values),
    clients: [{ id: values.ISSUER_CLIENT_ID, secret, subject: values.ISSUER_CLIENT_SUBJECT }],
    serviceTokenLifetimeS: values.ISSUER_SERVICE_TOKEN_LIFETIME_S,
    memberTokenLifetimeS: values.ISSUER_MEMBER_TOKEN_LIFETIME_S,
    logger,
  });
  const url = await issuer.listen(values.PORT, values.HOST);
  return { url, stop: () => issuer.stop() };
});
