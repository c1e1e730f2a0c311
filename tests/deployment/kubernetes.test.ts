import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SERVICE_SCRIPTS } from '@wps/launcher';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy, type INetworkPolicy, type INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service, type IContainer, type IPodSpec, type IService } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { HUB_IMAGE, HUB_SERVICES, type HubServiceName } from '../../codegen/src/hub-services.js';
import { gatewayEnv, loadGatewayConfig } from '../../gateway/src/config.js';
import { subgraphsOf } from '../../gateway/src/supergraph.js';
import { knowledgeEnv, loadKnowledgeConfig } from '../../subgraphs/knowledge/src/config.js';
import { loadNapConfig, napEnv } from '../../subgraphs/nap/src/config.js';
import { loadRegionalConfig, regionalEnv } from '../../subgraphs/regional/src/config.js';
import { readDockerfileStages } from './dockerfile-stages.js';
import { fileSource, idOf, kubectlAvailable, matches, portNumber, probeTarget, quantity, renderKustomization, Rendered, type K8sObject } from './kubernetes-manifests.js';

const K8S_DIR = path.join(REPO_ROOT, 'deploy', 'k8s');
const isKustomization = (dir: string) => existsSync(path.join(dir, 'kustomization.yaml')) && (parse(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8')) as { kind?: string }).kind !== 'Component';
const OVERLAYS = readdirSync(path.join(K8S_DIR, 'overlays')).filter((name) => isKustomization(path.join(K8S_DIR, 'overlays', name)));
const BASES = ['hub', 'member'];

/** Each kind the manifests use, with its kubernetes-models class (JSON-schema validation of the Kubernetes OpenAPI, about 1.33). */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Namespace': Namespace,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/** Images that are not the hub's, each pinned to a release. */
const THIRD_PARTY_IMAGES = ['nginxinc/nginx-unprivileged', 'postgres'];

/** Secrets the manifests reference and an operator creates (README "Deploying"); never committed. */
const OPERATOR_SECRETS: Record<string, string[]> = {
  'hub-keys': ['jwks.json'],
  'gateway-service-token': ['gateway.token'],
  'regional-database': ['url'],
  'knowledge-database': ['url'],
  'nap-database': ['url'],
};

/** Variables that name a file the container must have. */
const FILE_VARIABLES = ['AUTH_JWKS_FILE', 'SUPERGRAPH_PATH', 'REGISTRY_TOKEN_FILE'];

const SERVICES = {
  gateway: { names: gatewayEnv.names, spec: gatewayEnv.spec as Record<string, { kind: string; default?: string }>, load: loadGatewayConfig },
  regional: { names: regionalEnv.names, spec: regionalEnv.spec as Record<string, { kind: string; default?: string }>, load: loadRegionalConfig },
  knowledge: { names: knowledgeEnv.names, spec: knowledgeEnv.spec as Record<string, { kind: string; default?: string }>, load: loadKnowledgeConfig },
  nap: { names: napEnv.names, spec: napEnv.spec as Record<string, { kind: string; default?: string }>, load: loadNapConfig },
} as const;

/** The environment the image itself sets (the Dockerfile's last stage: NODE_ENV=production). */
const IMAGE_ENV = readDockerfileStages().at(-1)!.env;

/** A value of the right shape for a variable whose value an operator's Secret holds. */
const operatorValue = (kind: HubServiceName, variable: string) =>
  ({ url: variable === 'DATABASE_URL' ? 'postgres://user:password@operator-secret.invalid:5432/db' : 'https://operator-secret.invalid/' })[SERVICES[kind].spec[variable]?.kind ?? ''] ?? 'operator-secret';

interface HubContainer {
  kind: HubServiceName;
  deployment: IDeployment & K8sObject;
  pod: IPodSpec;
  container: IContainer;
  namespace: string | undefined;
  /** The container's environment as the pod would see it (ConfigMap and generated Secret values filled in). */
  env: Record<string, string>;
  /** Secret keys the render references but does not hold. */
  operatorSecrets: { name: string; key: string }[];
}

const repoImageName = (image: string) => image.replace(/:[^/:]+$/, '').split('/').at(-1)!;
const imageTag = (image: string) => /:([^/:]+)$/.exec(image)?.[1];

/** Every container of the hub's own image, with its resolved environment. */
function hubContainers(rendered: Rendered): HubContainer[] {
  return rendered.deployments().flatMap((deployment) => {
    const pod = deployment.spec!.template.spec!;
    return pod.containers.filter((container) => repoImageName(container.image ?? '') === HUB_IMAGE).map((container) => {
      const kind = container.name as HubServiceName;
      if (!(kind in HUB_SERVICES)) throw new Error(`${idOf(deployment)}: container ${container.name} runs the hub image but is no hub service`);
      const namespace = deployment.metadata.namespace;
      const env: Record<string, string> = {};
      const operatorSecrets: { name: string; key: string }[] = [];
      for (const variable of container.env ?? []) {
        if (variable.value !== undefined) env[variable.name] = variable.value;
        else if (variable.valueFrom?.configMapKeyRef) {
          const ref = variable.valueFrom.configMapKeyRef;
          const value = rendered.configMap(namespace, ref.name!)?.data?.[ref.key];
          if (value === undefined) throw new Error(`${idOf(deployment)}: ${variable.name} refers to ConfigMap ${ref.name} key ${ref.key}, which the render lacks`);
          env[variable.name] = value;
        } else if (variable.valueFrom?.secretKeyRef) {
          const ref = variable.valueFrom.secretKeyRef;
          const value = rendered.secretValue(namespace, ref.name!, ref.key);
          if (value === undefined) operatorSecrets.push({ name: ref.name!, key: ref.key });
          env[variable.name] = value ?? operatorValue(kind, variable.name);
        } else throw new Error(`${idOf(deployment)}: ${variable.name} has a source this test does not read`);
      }
      return { kind, deployment, pod, container, namespace, env, operatorSecrets };
    });
  });
}

/** The Service a URL's host names (short name in the same namespace, or <name>.<namespace>.svc.cluster.local). */
function serviceAt(rendered: Rendered, fromNamespace: string | undefined, url: URL) {
  const [name, namespace = fromNamespace, svc, ...rest] = url.hostname.split('.');
  if (svc !== undefined && (svc !== 'svc' || rest.join('.') !== 'cluster.local')) return undefined;
  return rendered.named<IService>('Service', namespace, name!);
}

/** The Deployment a URL reaches through its Service, and the container port the Service sends it to. */
function reach(rendered: Rendered, fromNamespace: string | undefined, url: URL) {
  const service = serviceAt(rendered, fromNamespace, url);
  if (!service) return undefined;
  const servicePort = service.spec?.ports?.find((port) => port.port === Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
  const [backend, ...others] = rendered.backendsOf(service);
  if (!servicePort || !backend || others.length > 0) return undefined;
  const container = backend.spec!.template.spec!.containers[0]!;
  return { service, deployment: backend, container, port: portNumber(container, servicePort.targetPort ?? servicePort.port) };
}

/** Who may open a connection to a pod's named port: each admitting rule's peers ("anyone" when a rule has no `from`). */
function admittedPeers(rendered: Rendered, namespace: string | undefined, labels: Record<string, string>, container: IContainer, portName: string): { governed: boolean; peers: (INetworkPolicyPeer | 'anyone')[] } {
  const policies = rendered.ingressPoliciesFor(namespace, labels) as (INetworkPolicy & K8sObject)[];
  const target = portNumber(container, portName);
  const peers = policies.flatMap((policy) =>
    (policy.spec?.ingress ?? [])
      .filter((rule) => !rule.ports || rule.ports.some((port) => port.port === undefined || portNumber(container, port.port) === target))
      .flatMap((rule): (INetworkPolicyPeer | 'anyone')[] => rule.from ?? ['anyone']),
  );
  return { governed: policies.length > 0, peers };
}

/**
 * The object as the API server decodes it: kustomize wraps a generated
 * Secret's base64 at 70 columns, which the server's decoder (Go's
 * encoding/base64) reads past and the schema's `byte` format does not.
 */
function forValidation(object: K8sObject): K8sObject {
  if (object.kind !== 'Secret' || !object.data) return object;
  return { ...object, data: Object.fromEntries(Object.entries(object.data as Record<string, string>).map(([key, value]) => [key, value.replace(/\n/g, '')])) };
}

const kubectl = kubectlAvailable();
if (!kubectl) {
  process.stderr.write(
    '\n************************************************************************\n' +
      '* kubectl is NOT installed: the Kubernetes manifests in deploy/k8s were *\n' +
      '* NOT rendered or validated. Install kubectl (v1.32+, kustomize v5).   *\n' +
      '************************************************************************\n\n',
  );
}

describe('kubectl', () => {
  it('is on this machine to render deploy/k8s (missing: a failure under CI=true, a loud skip elsewhere)', () => {
    if (!kubectl && process.env.CI === 'true') throw new Error('kubectl is missing, so deploy/k8s could not be rendered and validated; install kubectl');
    expect(OVERLAYS.sort()).toEqual(['demo', 'member-example', 'production']);
  });
});

if (!kubectl) {
  describe.skip('Kubernetes manifests (deploy/k8s): SKIPPED, kubectl is missing', () => {
    it('render and validate every overlay', () => undefined);
  });
}

(kubectl ? describe : describe.skip)('Kubernetes manifests (deploy/k8s)', () => {
  if (!kubectl) return;
  const renders = new Map<string, Rendered>();
  const render = (dir: string) => {
    if (!renders.has(dir)) renders.set(dir, new Rendered(renderKustomization(path.join(K8S_DIR, dir))));
    return renders.get(dir)!;
  };
  const overlayDirs = OVERLAYS.map((name) => `overlays/${name}`);
  /** Overlays that deploy this service. */
  const deploying = (name: string) => overlayDirs.filter((dir) => render(dir).deployments().some((deployment) => deployment.metadata.name === name));

  it.each([...BASES.map((name) => `base/${name}`), ...overlayDirs])('%s renders, and every object is valid against the Kubernetes schemas', (dir) => {
    const rendered = render(dir);
    expect(rendered.objects.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const object of rendered.objects) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      if (!Model) {
        problems.push(`${idOf(object)}: no schema mapped for ${object.apiVersion} ${object.kind} (add it to MODELS)`);
        continue;
      }
      try {
        new Model(forValidation(object) as never).validate();
      } catch (error) {
        problems.push(`${idOf(object)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(overlayDirs)("%s runs each hub service's real entry point from a pinned image, and third-party images are pinned too", (dir) => {
    const rendered = render(dir);
    for (const { kind, container, deployment } of hubContainers(rendered)) {
      expect([idOf(deployment), container.command]).toEqual([idOf(deployment), ['node', HUB_SERVICES[kind].script]]);
      expect(HUB_SERVICES[kind].script).toBe(path.relative(REPO_ROOT, SERVICE_SCRIPTS[kind]));
      expect(existsSync(SERVICE_SCRIPTS[kind])).toBe(true);
      expect([idOf(deployment), imageTag(container.image!)]).toEqual([idOf(deployment), expect.stringMatching(/^(?!latest$).+/)]);
    }
    for (const deployment of rendered.deployments()) {
      for (const container of deployment.spec!.template.spec!.containers) {
        if (repoImageName(container.image!) === HUB_IMAGE) continue;
        expect([idOf(deployment), THIRD_PARTY_IMAGES.includes(container.image!.replace(/:[^/:]+$/, ''))]).toEqual([idOf(deployment), true]);
        expect([idOf(deployment), imageTag(container.image!)]).toEqual([idOf(deployment), expect.stringMatching(/^\d+(\.\d+)*(-[a-z0-9.]+)?$/)]);
      }
    }
  });

  it.each(overlayDirs)('%s sets only variables each service reads, with values its own config accepts, listening beyond loopback on its port', (dir) => {
    const containers = hubContainers(render(dir));
    expect(containers.length).toBeGreaterThan(0);
    for (const { kind, deployment, env } of containers) {
      const service = SERVICES[kind];
      expect([idOf(deployment), Object.keys(env).filter((name) => !service.names.includes(name))]).toEqual([idOf(deployment), []]);
      const config = service.load({ ...IMAGE_ENV, ...env });
      expect([idOf(deployment), config.host, config.port]).toEqual([idOf(deployment), '0.0.0.0', HUB_SERVICES[kind].port]);
      // The description's port is the service's own default.
      expect(String(HUB_SERVICES[kind].port)).toBe(service.spec.PORT!.default);
      if (HUB_SERVICES[kind].database) expect([idOf(deployment), env.DATABASE_URL]).toEqual([idOf(deployment), expect.stringMatching(/^postgres(ql)?:\/\//)]);
    }
  });

  it.each(overlayDirs)('%s exposes each service on its port, and probes readiness and liveness there', (dir) => {
    const rendered = render(dir);
    for (const { kind, deployment, container, namespace } of hubContainers(rendered)) {
      const id = idOf(deployment);
      const port = HUB_SERVICES[kind].port;
      expect([id, portNumber(container, 'http')]).toEqual([id, port]);
      expect([id, probeTarget(container, container.readinessProbe)]).toEqual([id, { type: 'http', path: HUB_SERVICES[kind].readyPath, port }]);
      expect([id, probeTarget(container, container.startupProbe)]).toEqual([id, { type: 'http', path: HUB_SERVICES[kind].readyPath, port }]);
      expect([id, [{ type: 'http', path: HUB_SERVICES[kind].healthPath, port }, { type: 'tcp', port }]]).toEqual([id, expect.arrayContaining([probeTarget(container, container.livenessProbe)])]);
      const services = rendered.servicesFor(namespace, deployment.spec!.template.metadata!.labels!);
      expect([id, services.map((service) => service.metadata.name)]).toEqual([id, [kind]]);
      const http = services[0]!.spec!.ports!.find((candidate) => candidate.name === 'http')!;
      expect([id, http.port, portNumber(container, http.targetPort)]).toEqual([id, port, port]);
      // The pod template's labels are what the Deployment selects.
      expect(matches(deployment.spec!.selector.matchLabels, deployment.spec!.template.metadata!.labels!)).toBe(true);
    }
  });

  it.each(overlayDirs)('%s mounts every file a service is pointed at, from a Secret an operator creates or a ConfigMap the render holds', (dir) => {
    const rendered = render(dir);
    for (const { deployment, pod, container, namespace, env, operatorSecrets } of hubContainers(rendered)) {
      const id = idOf(deployment);
      const files = FILE_VARIABLES.filter((variable) => env[variable] !== undefined).map((variable) => ({ variable, source: fileSource(pod, container, env[variable]!) }));
      for (const { variable, source } of files) {
        expect([id, variable, source]).toEqual([id, variable, expect.objectContaining({ key: expect.any(String) })]);
        if (source!.kind === 'ConfigMap') expect([id, variable, rendered.configMap(namespace, source!.name)?.data?.[source!.key] !== undefined]).toEqual([id, variable, true]);
        else if (!rendered.secret(namespace, source!.name)) operatorSecrets.push({ name: source!.name, key: source!.key });
      }
      for (const secret of operatorSecrets) expect([id, secret.name, OPERATOR_SECRETS[secret.name]]).toEqual([id, secret.name, expect.arrayContaining([secret.key])]);
    }
    // Every Secret an operator creates is documented.
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const name of Object.keys(OPERATOR_SECRETS)) expect([name, readme.includes(name)]).toEqual([name, true]);
  });

  it.each(overlayDirs)('%s asks for CPU and memory and caps both, for every container', (dir) => {
    for (const deployment of render(dir).deployments()) {
      for (const container of deployment.spec!.template.spec!.containers) {
        const { requests = {}, limits = {} } = container.resources ?? {};
        for (const resource of ['cpu', 'memory']) {
          expect([idOf(deployment), resource, requests[resource] !== undefined && limits[resource] !== undefined]).toEqual([idOf(deployment), resource, true]);
          expect(quantity(requests[resource]!)).toBeLessThanOrEqual(quantity(limits[resource]!));
        }
      }
    }
  });

  it.each(overlayDirs)('%s runs every hub and key-server container as a non-root user on a read-only root filesystem', (dir) => {
    for (const deployment of render(dir).deployments()) {
      const pod = deployment.spec!.template.spec!;
      for (const container of pod.containers.filter((candidate) => repoImageName(candidate.image!) === HUB_IMAGE || candidate.name === 'jwks')) {
        expect([idOf(deployment), pod.securityContext?.runAsNonRoot, container.securityContext?.readOnlyRootFilesystem, container.securityContext?.allowPrivilegeEscalation]).toEqual([idOf(deployment), true, true, false]);
      }
    }
  });

  describe.each(deploying('gateway'))('the hub in %s', (dir) => {
    const rendered = () => render(dir);
    const gateway = () => hubContainers(rendered()).find((container) => container.kind === 'gateway')!;

    it('serves the committed supergraph from a ConfigMap, and points the gateway at every other subgraph where it listens', () => {
      const { pod, container, env, namespace } = gateway();
      const source = fileSource(pod, container, env.SUPERGRAPH_PATH!)!;
      const supergraph = readFileSync(path.join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
      expect(rendered().configMap(namespace, source.name)?.data?.[source.key]).toBe(supergraph);
      const config = loadGatewayConfig({ ...IMAGE_ENV, ...env });
      const others = subgraphsOf(supergraph).map((subgraph) => subgraph.name).filter((name) => name !== config.memberSubgraph);
      expect(Object.keys(config.subgraphUrls).sort()).toEqual(others.sort());
      for (const [name, url] of Object.entries(config.subgraphUrls)) {
        const target = reach(rendered(), namespace, new URL(url))!;
        expect([name, target?.container.name, target?.port, new URL(url).pathname]).toEqual([name, name, HUB_SERVICES[name as HubServiceName].port, '/graphql']);
      }
    });

    it('runs at least 2 gateway replicas, scaled on CPU at 50% and disrupted one at a time', () => {
      const deployment = rendered().named<IDeployment>('Deployment', gateway().namespace, 'gateway')!;
      expect(deployment.spec!.replicas).toBeGreaterThanOrEqual(2);
      const [hpa, ...more] = rendered().ofKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler', gateway().namespace).filter((candidate) => candidate.spec?.scaleTargetRef.name === 'gateway');
      expect(more).toEqual([]);
      expect(hpa!.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
      expect(hpa!.spec!.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa!.spec!.maxReplicas).toBeGreaterThan(hpa!.spec!.minReplicas!);
      expect(hpa!.spec!.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
      const pdbs = rendered().ofKind<IPodDisruptionBudget>('PodDisruptionBudget', gateway().namespace).filter((pdb) => matches(pdb.spec?.selector?.matchLabels, deployment.spec!.template.metadata!.labels!));
      expect(pdbs.map((pdb) => pdb.spec!.maxUnavailable)).toEqual([1]);
    });

    it('lets only the gateway reach regional and knowledge; the public reaches the gateway and the key server', () => {
      const namespace = gateway().namespace;
      const gatewayLabels = gateway().deployment.spec!.template.metadata!.labels!;
      for (const { kind, deployment, container } of hubContainers(rendered()).filter((candidate) => candidate.kind === 'regional' || candidate.kind === 'knowledge')) {
        const { governed, peers } = admittedPeers(rendered(), namespace, deployment.spec!.template.metadata!.labels!, container, 'http');
        expect([kind, governed, peers.length > 0]).toEqual([kind, true, true]);
        for (const peer of peers) {
          expect([kind, peer !== 'anyone' && !peer.namespaceSelector && !peer.ipBlock && matches(peer.podSelector?.matchLabels, gatewayLabels)]).toEqual([kind, true]);
        }
      }
      expect(admittedPeers(rendered(), namespace, gatewayLabels, gateway().container, 'http').peers).toContain('anyone');
      const jwks = rendered().named<IDeployment>('Deployment', namespace, 'jwks')!;
      expect(admittedPeers(rendered(), namespace, jwks.spec!.template.metadata!.labels!, jwks.spec!.template.spec!.containers[0]!, 'http').peers).toContain('anyone');
      // Everything else in the namespace is closed unless a policy admits it.
      const denyAll = rendered().ofKind<INetworkPolicy>('NetworkPolicy', namespace).filter((policy) => Object.keys(policy.spec?.podSelector?.matchLabels ?? {}).length === 0 && !policy.spec?.ingress);
      expect(denyAll).toHaveLength(1);
    });

    it("publishes the hub's public keys at /.well-known/jwks.json from the keys every hub service verifies with", () => {
      const namespace = gateway().namespace;
      const jwks = rendered().named<IDeployment>('Deployment', namespace, 'jwks')!;
      const pod = jwks.spec!.template.spec!;
      const container = pod.containers[0]!;
      const probe = probeTarget(container, container.readinessProbe)!;
      expect(probe).toEqual({ type: 'http', path: '/.well-known/jwks.json', port: 8080 });
      expect(fileSource(pod, container, `/usr/share/nginx/html${probe.path}`)).toEqual({ kind: 'Secret', name: 'hub-keys', key: 'jwks.json' });
      const { pod: gatewayPod, container: gatewayContainer, env } = gateway();
      expect(fileSource(gatewayPod, gatewayContainer, env.AUTH_JWKS_FILE!)).toEqual({ kind: 'Secret', name: 'hub-keys', key: 'jwks.json' });
    });
  });

  describe.each(deploying('nap'))('the member states in %s', (dir) => {
    const rendered = () => render(dir);
    const members = () => hubContainers(rendered()).filter((container) => container.kind === 'nap');

    it('give each member state its own country code, database and namespace, and the JWKS URL it verifies tokens with', () => {
      const codes = members().map(({ env }) => loadNapConfig({ ...IMAGE_ENV, ...env }).countryCode);
      expect(codes).not.toContain('XX');
      expect(new Set(codes).size).toBe(codes.length);
      expect(new Set(members().map((member) => member.namespace)).size).toBe(codes.length);
      for (const { env } of members()) {
        const config = loadNapConfig({ ...IMAGE_ENV, ...env });
        expect([config.countryCode, config.auth.jwksUrl, config.auth.jwksFile]).toEqual([config.countryCode, expect.stringMatching(/^https?:\/\/.+\/\.well-known\/jwks\.json$/), undefined]);
      }
    });

    it("admit only the hub's gateway to the NAP subgraph", () => {
      const hubGateways = rendered().deployments().filter((deployment) => deployment.metadata.name === 'gateway');
      for (const { deployment, container, namespace } of members()) {
        const { governed, peers } = admittedPeers(rendered(), namespace, deployment.spec!.template.metadata!.labels!, container, 'http');
        expect([namespace, governed, peers.length > 0]).toEqual([namespace, true, true]);
        for (const peer of peers) {
          const admitsGatewayPods = (gatewayDeployment: (typeof hubGateways)[number]) =>
            peer !== 'anyone' &&
            matches(peer.namespaceSelector?.matchLabels, { 'kubernetes.io/metadata.name': gatewayDeployment.metadata.namespace! }) &&
            Object.keys(peer.namespaceSelector?.matchLabels ?? {}).length > 0 &&
            matches(peer.podSelector?.matchLabels, gatewayDeployment.spec!.template.metadata!.labels!) &&
            Object.keys(peer.podSelector?.matchLabels ?? {}).length > 0;
          const narrowAddresses = peer !== 'anyone' && peer.ipBlock !== undefined && !peer.namespaceSelector && !peer.podSelector && Number(peer.ipBlock.cidr.split('/')[1]) >= 16;
          expect([namespace, peer, narrowAddresses || hubGateways.some(admitsGatewayPods)]).toEqual([namespace, peer, true]);
        }
      }
    });
  });

  describe('the demo overlay', () => {
    const rendered = () => render('overlays/demo');

    it("registers exactly the demo members, each at its NAP Service's real address, serving its own country", () => {
      const regional = hubContainers(rendered()).find((container) => container.kind === 'regional')!;
      const config = loadRegionalConfig({ ...IMAGE_ENV, ...regional.env });
      expect(config.registrySeedExclusive).toBe(true);
      const naps = hubContainers(rendered()).filter((container) => container.kind === 'nap');
      expect(config.registrySeed!.map((member) => member.countryCode).sort()).toEqual(naps.map(({ env }) => env.NAP_COUNTRY_CODE).sort());
      for (const member of config.registrySeed!) {
        const url = new URL(member.endpoint);
        const target = reach(rendered(), regional.namespace, url);
        expect([member.countryCode, target?.container.name, target?.port, url.pathname]).toEqual([member.countryCode, 'nap', HUB_SERVICES.nap.port, '/graphql']);
        const served = naps.find((nap) => nap.deployment === target!.deployment)!;
        expect(loadNapConfig({ ...IMAGE_ENV, ...served.env }).countryCode).toBe(member.countryCode);
      }
    });

    it("points each member at the demo hub's key server", () => {
      for (const { env, namespace } of hubContainers(rendered()).filter((container) => container.kind === 'nap')) {
        const url = new URL(env.AUTH_JWKS_URL!);
        const target = reach(rendered(), namespace, url);
        expect([namespace, target?.deployment.metadata.name, target?.port]).toEqual([namespace, 'jwks', 8080]);
        expect(probeTarget(target!.container, target!.container.readinessProbe)?.path).toBe(url.pathname);
      }
    });

    it('connects every service to its own demo Postgres with that server’s credentials, reachable only by that service', () => {
      const hosts: string[] = [];
      for (const { kind, deployment, env, namespace } of hubContainers(rendered()).filter((container) => HUB_SERVICES[container.kind].database)) {
        const database = new URL(env.DATABASE_URL!);
        const target = reach(rendered(), namespace, database)!;
        const postgres = target.container;
        const postgresEnv = Object.fromEntries((postgres.env ?? []).map((variable) => [variable.name, variable.value ?? rendered().secretValue(namespace, variable.valueFrom!.secretKeyRef!.name!, variable.valueFrom!.secretKeyRef!.key)]));
        expect([idOf(deployment), postgres.image, target.port]).toEqual([idOf(deployment), expect.stringMatching(/^postgres:/), 5432]);
        expect([idOf(deployment), postgresEnv.POSTGRES_DB, postgresEnv.POSTGRES_USER, postgresEnv.POSTGRES_PASSWORD]).toEqual([idOf(deployment), database.pathname.slice(1), database.username, database.password]);
        const { peers } = admittedPeers(rendered(), namespace, target.deployment.spec!.template.metadata!.labels!, postgres, 'postgres');
        expect(peers).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': kind } } }]);
        hosts.push(`${namespace}/${target.deployment.metadata.name}`);
      }
      expect(new Set(hosts).size).toBe(hosts.length);
    });

    it('labels everything it adds to the bases as demo', () => {
      const demoOnly = rendered().objects.filter((object) => ['Secret', 'Namespace'].includes(object.kind) || object.metadata.name.startsWith('pg'));
      for (const object of demoOnly) expect([idOf(object), object.metadata.labels?.['wps-demo']]).toEqual([idOf(object), 'true']);
    });
  });

  it('leaves Secrets to the operator in production and in the member example: no secret value is committed', () => {
    for (const dir of ['overlays/production', 'overlays/member-example']) expect(render(dir).ofKind('Secret')).toEqual([]);
  });

  it("keeps the operator's Secrets and the hub's own object kinds in step with this test", () => {
    const kinds = new Set(overlayDirs.flatMap((dir) => render(dir).objects.map((object) => object.kind)));
    expect([...kinds].sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'Secret', 'Service']);
  });
});
