import { spawnSync } from 'node:child_process';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import { parseAllDocuments } from 'yaml';

/** Any rendered object; narrowed by kind where it is read. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** `kubectl version --client` answered: kustomize is built in. */
export function kubectlAvailable(): boolean {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return probe.status === 0;
}

/** `kubectl kustomize <dir>`, parsed: the objects an `apply -k` would send. */
export function renderKustomization(dir: string): K8sObject[] {
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${run.stderr}`);
  return parseAllDocuments(run.stdout).map((document) => document.toJS() as K8sObject);
}

export const idOf = (object: K8sObject) => `${object.kind}/${object.metadata.namespace ?? '-'}/${object.metadata.name}`;

/** The objects of one render, looked up the way the API server would join them. */
export class Rendered {
  constructor(readonly objects: K8sObject[]) {}

  ofKind<T>(kind: string, namespace?: string): (T & K8sObject)[] {
    return this.objects.filter((object) => object.kind === kind && (namespace === undefined || object.metadata.namespace === namespace)) as (T & K8sObject)[];
  }

  named<T>(kind: string, namespace: string | undefined, name: string): (T & K8sObject) | undefined {
    return this.ofKind<T>(kind, namespace).find((object) => object.metadata.name === name);
  }

  deployments(namespace?: string) {
    return this.ofKind<IDeployment>('Deployment', namespace);
  }

  configMap(namespace: string | undefined, name: string) {
    return this.named<IConfigMap>('ConfigMap', namespace, name);
  }

  secret(namespace: string | undefined, name: string) {
    return this.named<ISecret>('Secret', namespace, name);
  }

  /** A Secret's value, decoded; undefined when the Secret is not part of the render (an operator creates it). */
  secretValue(namespace: string | undefined, name: string, key: string): string | undefined {
    const secret = this.secret(namespace, name);
    if (!secret) return undefined;
    const encoded = secret.data?.[key];
    if (encoded !== undefined) return Buffer.from(encoded, 'base64').toString('utf8');
    const plain = secret.stringData?.[key];
    if (plain === undefined) throw new Error(`Secret ${name} has no key ${key}`);
    return plain;
  }

  /** Services whose selector picks these pod labels. */
  servicesFor(namespace: string | undefined, podLabels: Record<string, string>) {
    return this.ofKind<IService>('Service', namespace).filter((service) => matches(service.spec?.selector, podLabels));
  }

  /** Deployments whose pods a Service selects. */
  backendsOf(service: IService & K8sObject) {
    return this.deployments(service.metadata.namespace).filter((deployment) => matches(service.spec?.selector, deployment.spec?.template.metadata?.labels ?? {}));
  }

  /** NetworkPolicies that govern ingress to pods with these labels. */
  ingressPoliciesFor(namespace: string | undefined, podLabels: Record<string, string>) {
    return this.ofKind<INetworkPolicy>('NetworkPolicy', namespace).filter(
      (policy) => matches(policy.spec?.podSelector?.matchLabels ?? {}, podLabels) && (policy.spec?.policyTypes ?? ['Ingress']).includes('Ingress'),
    );
  }
}

/** A selector's labels are all on the object (an empty selector selects everything). */
export function matches(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}

/** The number a container port reference (a name or a number) stands for. */
export function portNumber(container: IContainer, port: string | number | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

/** Where a probe asks: `GET path` on a port, or a TCP connect. */
export function probeTarget(container: IContainer, probe: IProbe | undefined): { type: 'http' | 'tcp' | 'other'; path?: string; port?: number } | undefined {
  if (!probe) return undefined;
  if (probe.httpGet) return { type: 'http', path: probe.httpGet.path, port: portNumber(container, probe.httpGet.port) };
  if (probe.tcpSocket) return { type: 'tcp', port: portNumber(container, probe.tcpSocket.port) };
  return { type: 'other' };
}

/**
 * Which ConfigMap or Secret key provides a file at this path in the
 * container: the volume mounted at the file's folder, and the key projected
 * to the file's name.
 */
export function fileSource(pod: IPodSpec, container: IContainer, file: string): { kind: 'ConfigMap' | 'Secret'; name: string; key: string } | undefined {
  const folder = file.slice(0, file.lastIndexOf('/'));
  const name = file.slice(file.lastIndexOf('/') + 1);
  const mount = container.volumeMounts?.find((candidate) => candidate.mountPath.replace(/\/$/, '') === folder);
  const volume = mount && pod.volumes?.find((candidate) => candidate.name === mount.name);
  if (!volume) return undefined;
  const source = volume.secret ? { kind: 'Secret' as const, name: volume.secret.secretName!, items: volume.secret.items } : volume.configMap ? { kind: 'ConfigMap' as const, name: volume.configMap.name!, items: volume.configMap.items } : undefined;
  if (!source) return undefined;
  const key = source.items ? source.items.find((item) => item.path === name)?.key : name;
  return key === undefined ? undefined : { kind: source.kind, name: source.name, key };
}

/** CPU in cores, memory in bytes, from a Kubernetes quantity. */
export function quantity(value: string | number): number {
  const text = String(value);
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi|k|M|G)?$/.exec(text);
  if (!match) throw new Error(`unsupported quantity ${text}`);
  const factor = { m: 1e-3, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * factor;
}
