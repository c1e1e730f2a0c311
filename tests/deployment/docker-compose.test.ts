import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_MEMBERS } from '@wps/data';
import { DOCKER_COMPOSE_PATH } from '../../codegen/src/docker-compose.js';
import { HUB_IMAGE, HUB_SERVICES, KEYS_SCRIPT, KEYS_TARGET } from '../../codegen/src/hub-services.js';
import { readDockerfileStages } from './dockerfile-stages.js';
import { REPO_ROOT, SERVICE_SCRIPTS } from '@wps/launcher';
import { parse } from 'yaml';
import { gatewayEnv, loadGatewayConfig } from '../../gateway/src/config.js';
import { knowledgeEnv, loadKnowledgeConfig } from '../../subgraphs/knowledge/src/config.js';
import { loadNapConfig, napEnv } from '../../subgraphs/nap/src/config.js';
import { loadRegionalConfig, regionalEnv } from '../../subgraphs/regional/src/config.js';

interface Service {
  image: string;
  volumes?: string[];
  command?: string[];
  /** Absent on the keys service. */
  environment: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  build?: unknown;
}

/**
 * docker-compose.yml cannot run here (no Docker engine), so every service is
 * checked against the code's real configuration: the variables each service
 * reads, its parser, its entry point, and the wiring between services.
 */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(DOCKER_COMPOSE_PATH, 'utf8')) as { services: Record<string, Service> };
  const services = compose.services;
  const scriptOf = (service: Service) => service.command?.[1];
  const relative = (file: string) => path.relative(REPO_ROOT, file);

  const configs = {
    nap: { script: SERVICE_SCRIPTS.nap, names: napEnv.names, load: loadNapConfig },
    regional: { script: SERVICE_SCRIPTS.regional, names: regionalEnv.names, load: loadRegionalConfig },
    knowledge: { script: SERVICE_SCRIPTS.knowledge, names: knowledgeEnv.names, load: loadKnowledgeConfig },
    gateway: { script: SERVICE_SCRIPTS.gateway, names: gatewayEnv.names, load: loadGatewayConfig },
  };
  const kindOf = (name: string): keyof typeof configs | 'postgres' | 'keys' =>
    name.startsWith('pg-') ? 'postgres' : name.startsWith('nap-') ? 'nap' : (name as keyof typeof configs | 'keys');

  /** host, port, database, user and password of a postgres:// URL. */
  const parseDatabaseUrl = (url: string) => {
    const parsed = new URL(url);
    return { host: parsed.hostname, port: parsed.port, database: parsed.pathname.slice(1), user: parsed.username, password: parsed.password };
  };

  it('lays out one Postgres and one NAP service per demo member, plus regional, knowledge and the gateway', () => {
    const expected = [
      'keys', 'pg-regional', 'regional', 'pg-knowledge', 'knowledge', 'gateway',
      ...DEMO_MEMBERS.flatMap((code) => [`pg-${code.toLowerCase()}`, `nap-${code.toLowerCase()}`]),
    ];
    expect(Object.keys(services).sort()).toEqual(expected.sort());
  });

  it("runs each hub service's real entry point, and that entry point exists in the build", () => {
    for (const [name, service] of Object.entries(services)) {
      const kind = kindOf(name);
      if (kind === 'postgres' || kind === 'keys') continue;
      expect([name, service.command?.[0], scriptOf(service)]).toEqual([name, 'node', relative(configs[kind].script)]);
      expect(HUB_SERVICES[kind].script).toBe(relative(configs[kind].script));
      expect(existsSync(configs[kind].script)).toBe(true);
    }
  });

  it('sets only variables the service reads, and values its own config accepts', () => {
    for (const [name, service] of Object.entries(services)) {
      const kind = kindOf(name);
      if (kind === 'postgres' || kind === 'keys') continue;
      const unknown = Object.keys(service.environment).filter((variable) => !configs[kind].names.includes(variable));
      expect([name, unknown]).toEqual([name, []]);
      expect(() => configs[kind].load(service.environment)).not.toThrow();
      // In a container the service must listen beyond loopback, and its health check must ask its own port whether it is ready.
      expect([name, service.environment.HOST]).toEqual([name, '0.0.0.0']);
      expect(service.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${service.environment.PORT}${HUB_SERVICES[kind].readyPath}`);
    }
  });

  it("connects every service to its own Postgres with that server's credentials, after it is healthy", () => {
    for (const [name, service] of Object.entries(services)) {
      const kind = kindOf(name);
      if (kind === 'postgres' || kind === 'gateway' || kind === 'keys') continue;
      const database = parseDatabaseUrl(service.environment.DATABASE_URL!);
      const postgres = services[database.host]!;
      expect([name, database.host]).toEqual([name, name === kind ? `pg-${kind}` : `pg-${name.slice(4)}`]);
      expect(postgres.environment).toEqual({ POSTGRES_DB: database.database, POSTGRES_USER: database.user, POSTGRES_PASSWORD: database.password });
      expect(service.depends_on?.[database.host]).toEqual({ condition: 'service_healthy' });
    }
    // No two services share a database server.
    const hosts = Object.values(services).flatMap((service) => (service.environment?.DATABASE_URL ? [parseDatabaseUrl(service.environment.DATABASE_URL).host] : []));
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('serves each member country from its own NAP service, registered with the hub at its real address', () => {
    const registry = loadRegionalConfig(services.regional!.environment).registrySeed!;
    expect(registry.map((member) => member.countryCode)).toEqual([...DEMO_MEMBERS]);
    for (const code of DEMO_MEMBERS) {
      const service = services[`nap-${code.toLowerCase()}`]!;
      const config = loadNapConfig(service.environment);
      expect(config.countryCode).toBe(code);
      expect(registry.find((member) => member.countryCode === code)!.endpoint).toBe(`http://nap-${code.toLowerCase()}:${config.port}/graphql`);
    }
    expect(loadRegionalConfig(services.regional!.environment).registrySeedExclusive).toBe(true);
  });

  it('points the gateway at regional and knowledge where they listen, and starts it after them', () => {
    const gateway = services.gateway!;
    const config = loadGatewayConfig(gateway.environment);
    for (const subgraph of ['regional', 'knowledge'] as const) {
      const port = services[subgraph]!.environment.PORT;
      expect(config.subgraphUrls[subgraph]).toBe(`http://${subgraph}:${port}/graphql`);
      expect(gateway.depends_on?.[subgraph]).toEqual({ condition: 'service_healthy' });
    }
    for (const code of DEMO_MEMBERS) expect(gateway.depends_on).toHaveProperty(`nap-${code.toLowerCase()}`);
    expect(gateway.ports).toEqual([`${config.port}:${config.port}`]);
  });

  it('verifies tokens in every service against the keys one service creates first, and gives the gateway its service credential', () => {
    const keys = services.keys!;
    expect(keys.command).toEqual(['node', KEYS_SCRIPT, '/keys']);
    expect(existsSync(path.join(REPO_ROOT, KEYS_SCRIPT))).toBe(true);
    expect(keys.volumes).toEqual(['hub-keys:/keys']);
    for (const [name, service] of Object.entries(services)) {
      const kind = kindOf(name);
      if (kind === 'postgres' || kind === 'keys') continue;
      expect([name, service.depends_on?.keys]).toEqual([name, { condition: 'service_completed_successfully' }]);
      expect([name, service.volumes]).toEqual([name, ['hub-keys:/keys:ro']]);
      expect([name, service.environment.AUTH_JWKS_FILE]).toEqual([name, '/keys/jwks.json']);
    }
    expect(services.gateway!.environment.REGISTRY_TOKEN_FILE).toBe('/keys/gateway.token');
  });

  it("builds one image from the Dockerfile's last stage for every hub service, and the keys tool from its own stage", () => {
    const hubServices = Object.entries(services).filter(([name]) => !['postgres', 'keys'].includes(kindOf(name)));
    expect(new Set(hubServices.map(([, service]) => service.image))).toEqual(new Set([`${HUB_IMAGE}:local`]));
    const builders = hubServices.filter(([, service]) => service.build);
    expect(builders.map(([, service]) => service.build)).toEqual([{ context: '.', dockerfile: 'Dockerfile' }]);
    const stages = readDockerfileStages();
    expect(services.keys!.build).toEqual({ context: '.', dockerfile: 'Dockerfile', target: KEYS_TARGET });
    expect(stages.map((stage) => stage.name)).toContain(KEYS_TARGET);
    expect(services.keys!.image).not.toBe(`${HUB_IMAGE}:local`);
  });
});
