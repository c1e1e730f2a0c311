import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import ipaddr from 'ipaddr.js';

/**
 * A test network of network namespaces, for tests/integration/network-faults.test.ts.
 *
 * - Every name starts with `wpsf<4 hex>` (the run's prefix; interface names
 *   stay within Linux's 15 characters). The bridge `<prefix>br` in the root
 *   namespace has the address 10.213.<n>.1/24, where n is a /24 no route or
 *   address of the machine touches; its alias names the test process, so a
 *   later run removes what a crashed run left (its process is gone) and
 *   never what a running one uses.
 * - Each host is a namespace `<prefix>-<name>` with `lo` up and a veth
 *   `<prefix>n<i>` (10.213.n.<i>) whose peer `<prefix>h<i>` is a port of
 *   the bridge: only addresses inside the namespaces made here, or loopback.
 * - Faults act on one host's bridge port, on the traffic between it and one
 *   peer address (the gateway's), so the member's way to its database is
 *   left alone except by a partition:
 *   - partition: the bridge port down (the link is cut, the database too);
 *     heal: up again;
 *   - loss: a tc filter (classic BPF: `ld rand`) on both ends of the link
 *     redirects that share of the frames to a device that is down, where
 *     they are dropped;
 *   - delay: a tc filter redirects the frames toward the host to a veth pair,
 *     and netns-delay.py (a raw-socket relay) sends them on after the delay
 *     with a socket mark the filter lets pass.
 *   `tc netem` would be the usual tool, but this machine's kernel is built
 *   without it (CONFIG_NET_SCH_NETEM is not set; nor gact, fq or ifb
 *   qdiscs): clsact, cls_bpf and mirred are what it has, and they are enough.
 */

const run = promisify(execFile);
const SUBNET_BASE = [10, 213] as const;
/** The socket mark of frames the delay relay has held: the filter lets them pass. */
const RELAYED_MARK = 0x5750;
const DELAY_RELAY = path.join(__dirname, '..', 'src', 'netns-delay.py');

export interface NetnsHost {
  name: string;
  namespace: string;
  address: string;
  /** The veth end in the root namespace (a port of the bridge). */
  bridgePort: string;
  /** The veth end inside the namespace. */
  inside: string;
  /** Run a program in this host: a spawnService commandPrefix. */
  commandPrefix: readonly string[];
}

export interface Fault {
  clear(): Promise<void>;
}

export interface NetnsLab {
  prefix: string;
  /** The root namespace's address on the bridge: the services that stay there listen on it. */
  hostAddress: string;
  hosts: Map<string, NetnsHost>;
  addHost(name: string): Promise<NetnsHost>;
  /** Frames from `peer` toward `host` arrive `ms` later. */
  delay(host: NetnsHost, peer: string, ms: number): Promise<Fault>;
  /** `percent` of the frames between `host` and `peer`, both ways, are dropped. */
  loss(host: NetnsHost, peer: string, percent: number): Promise<Fault>;
  /** The host's link down; `clear()` (the heal) brings it up. */
  partition(host: NetnsHost): Promise<Fault>;
  /** Remove every namespace, veth and bridge of this run (also done when the process exits). */
  destroy(): Promise<void>;
}

const ip = (...args: string[]) => run('ip', args);
const tc = (...args: string[]) => run('tc', args);

/** Why namespaces cannot be made here, or undefined when they can (root, and `ip netns add` works). Synchronous: a test file decides with it whether to skip. */
export function netnsUnavailable(): string | undefined {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not running as root';
  const probe = `wpsfprobe${process.pid}`;
  try {
    execFileSync('ip', ['netns', 'add', probe], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    return `\`ip netns add\` failed: ${firstLine(error)}`;
  }
  execFileSync('ip', ['netns', 'del', probe], { stdio: 'ignore' });
  return undefined;
}

const firstLine = (error: unknown): string => String((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n')[0]!;

interface LinkInfo {
  ifname: string;
  ifalias?: string;
  linkinfo?: { info_kind?: string };
}

const aliasOf = (pid: number) => `wps-federation-hub netns test, pid ${pid}`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove namespaces and links of earlier runs whose test process is gone. */
async function removeStale(): Promise<void> {
  const links = JSON.parse((await ip('-j', '-d', 'link', 'show')).stdout) as LinkInfo[];
  const namespaces = (await ip('netns', 'list')).stdout.split('\n').map((line) => line.split(' ')[0]!).filter((name) => /^wpsf[0-9a-f]{4}-/.test(name));
  const prefixes = new Set([...links.map((link) => link.ifname), ...namespaces].filter((name) => /^wpsf[0-9a-f]{4}/.test(name)).map((name) => name.slice(0, 8)));
  for (const prefix of prefixes) {
    const bridge = links.find((link) => link.ifname === `${prefix}br`);
    const owner = Number(/pid (\d+)$/.exec(bridge?.ifalias ?? '')?.[1]);
    if (owner && alive(owner)) continue;
    cleanUp(prefix);
  }
}

/** Synchronous, so that it can run in an `exit` handler too. */
function cleanUp(prefix: string): void {
  const quiet = (args: string[]) => {
    try {
      return execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    } catch {
      return '';
    }
  };
  for (const line of quiet(['netns', 'list']).split('\n')) {
    const name = line.split(' ')[0]!;
    if (name.startsWith(`${prefix}-`)) quiet(['netns', 'del', name]);
  }
  const links = JSON.parse(quiet(['-j', 'link', 'show']) || '[]') as LinkInfo[];
  // Veths go with either end; the bridge last.
  for (const link of links.filter((candidate) => candidate.ifname.startsWith(prefix)).sort((a, b) => Number(a.ifname.endsWith('br')) - Number(b.ifname.endsWith('br')))) {
    quiet(['link', 'del', link.ifname]);
  }
}

/** A /24 in 10.213.0.0/16 that no route or address of the machine overlaps. */
async function freeSubnet(): Promise<number> {
  const routes = JSON.parse((await ip('-j', 'route', 'show', 'table', 'all')).stdout) as { dst?: string }[];
  const addresses = JSON.parse((await ip('-j', 'addr', 'show')).stdout) as { addr_info?: { local?: string; prefixlen?: number }[] }[];
  const taken: [ipaddr.IPv4, number][] = [];
  const add = (cidr: string) => {
    const [address, bits] = cidr.includes('/') ? cidr.split('/') : [cidr, '32'];
    if (ipaddr.IPv4.isValidFourPartDecimal(address!)) taken.push([ipaddr.IPv4.parse(address!), Number(bits)]);
  };
  for (const route of routes) if (route.dst && route.dst !== 'default') add(route.dst);
  for (const link of addresses) for (const entry of link.addr_info ?? []) if (entry.local) add(`${entry.local}/${entry.prefixlen ?? 32}`);
  const start = randomBytes(1)[0]!;
  for (let step = 0; step < 256; step += 1) {
    const n = (start + step) % 256;
    const subnet = ipaddr.IPv4.parse(`${SUBNET_BASE.join('.')}.${n}.0`);
    const overlaps = taken.some(([address, bits]) => subnet.match(address, Math.min(bits, 24)) || address.match(subnet, Math.min(bits, 24)));
    if (!overlaps) return n;
  }
  throw new Error('no free /24 in 10.213.0.0/16');
}

/** A classic BPF program in tc's `bytecode` notation: [code, jt, jf, k] each. */
const bytecode = (program: [number, number, number, number][]) => `${program.length},${program.map((line) => line.join(' ')).join(',')}`;
const LD_H_ABS = 0x28;
const LD_W_ABS = 0x20;
const JEQ_K = 0x15;
const JGT_K = 0x25;
const RET_K = 0x06;
const SKF_AD_MARK = 0xfffff000 + 20;
const SKF_AD_RANDOM = 0xfffff000 + 56;
const ETHERTYPE_IPV4 = 0x0800;
/** Offsets in an Ethernet frame of the IPv4 source and destination addresses. */
const IPV4_SOURCE = 26;
const IPV4_DESTINATION = 30;
const ipv4Number = (address: string) => ipaddr.IPv4.parse(address).toByteArray().reduce((value, byte) => value * 256 + byte, 0);

/** Match (1) IPv4 frames whose address at `offset` is `peer` and, in the last test, what `last` says; pass (0) the rest. */
function matchPeer(offset: number, peer: string, last: [number, number, number, number][]): string {
  // 0 ethertype, 1 IPv4?, 2 address, 3 peer?, 4.. last (jumps to "match" or "pass"), match, pass.
  const pass = 4 + last.length + 1;
  return bytecode([
    [LD_H_ABS, 0, 0, 12],
    [JEQ_K, 0, pass - 2, ETHERTYPE_IPV4],
    [LD_W_ABS, 0, 0, offset],
    [JEQ_K, 0, pass - 4, ipv4Number(peer)],
    ...last,
    [RET_K, 0, 0, 1],
    [RET_K, 0, 0, 0],
  ]);
}

/**
 * Make the lab: remove stale runs, pick a subnet, make the bridge. Call
 * netnsUnavailable() first. Everything is removed by destroy(), or when the
 * process exits.
 */
export async function createNetnsLab(): Promise<NetnsLab> {
  await removeStale();
  const prefix = `wpsf${randomBytes(2).toString('hex')}`;
  const onExit = () => cleanUp(prefix);
  process.on('exit', onExit);
  const n = await freeSubnet();
  const address = (index: number) => `${SUBNET_BASE.join('.')}.${n}.${index}`;
  const hostAddress = address(1);
  const bridge = `${prefix}br`;
  const hosts = new Map<string, NetnsHost>();
  const relays = new Set<ChildProcessWithoutNullStreams>();
  try {
    await ip('link', 'add', 'name', bridge, 'type', 'bridge');
    await ip('link', 'set', bridge, 'alias', aliasOf(process.pid));
    await ip('addr', 'add', `${hostAddress}/24`, 'dev', bridge);
    await ip('link', 'set', bridge, 'up');
    // Where the loss filter sends the frames it drops: a device that is down drops what it is given.
    await ip('link', 'add', `${prefix}z0`, 'type', 'veth', 'peer', 'name', `${prefix}z1`);
  } catch (error) {
    onExit();
    process.off('exit', onExit);
    throw error;
  }

  const clsact = async (device: string, namespace?: string) => {
    const args = ['qdisc', 'replace', 'dev', device, 'clsact'];
    await (namespace ? tc('-n', namespace, ...args) : tc(...args));
  };

  return {
    prefix,
    hostAddress,
    hosts,

    async addHost(name) {
      const index = hosts.size + 2;
      const host: NetnsHost = {
        name,
        namespace: `${prefix}-${name}`,
        address: address(index),
        bridgePort: `${prefix}h${index}`,
        inside: `${prefix}n${index}`,
        commandPrefix: ['ip', 'netns', 'exec', `${prefix}-${name}`],
      };
      await ip('netns', 'add', host.namespace);
      await ip('link', 'add', host.bridgePort, 'type', 'veth', 'peer', 'name', host.inside, 'netns', host.namespace);
      await ip('link', 'set', host.bridgePort, 'master', bridge, 'up');
      await ip('-n', host.namespace, 'link', 'set', 'lo', 'up');
      await ip('-n', host.namespace, 'addr', 'add', `${host.address}/24`, 'dev', host.inside);
      await ip('-n', host.namespace, 'link', 'set', host.inside, 'up');
      hosts.set(name, host);
      return host;
    },

    async delay(host, peer, ms) {
      const index = host.bridgePort.slice(prefix.length + 1);
      const [into, out] = [`${prefix}d${index}`, `${prefix}e${index}`];
      await ip('link', 'add', into, 'type', 'veth', 'peer', 'name', out);
      for (const device of [into, out]) {
        const ipv6 = `/proc/sys/net/ipv6/conf/${device}/disable_ipv6`;
        if (existsSync(ipv6)) writeFileSync(ipv6, '1');
        await ip('link', 'set', device, 'up');
      }
      const relay = spawn('python3', [DELAY_RELAY, out, host.bridgePort, String(ms), String(RELAYED_MARK)], { stdio: ['pipe', 'pipe', 'pipe'] });
      relays.add(relay);
      let said = '';
      await new Promise<void>((resolve, reject) => {
        relay.stdout.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (said.includes('ready')) resolve();
        });
        relay.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
        relay.once('error', reject);
        relay.once('exit', (code) => reject(new Error(`the delay relay exited (${code}): ${said}`)));
      });
      // Whatever it says after it started (a frame it could not send) goes to the test's output.
      relay.stderr.on('data', (chunk: Buffer) => process.stderr.write(`netns-delay.py: ${chunk.toString()}`));
      let exited: number | null | undefined;
      relay.once('exit', (code) => (exited = code));
      await clsact(host.bridgePort);
      // Frames from the peer toward the host, not yet held by the relay (no mark), go to the relay.
      const program = matchPeer(IPV4_SOURCE, peer, [
        [LD_W_ABS, 0, 0, SKF_AD_MARK],
        [JEQ_K, 1, 0, RELAYED_MARK],
      ]);
      await tc('filter', 'add', 'dev', host.bridgePort, 'egress', 'pref', '10', 'bpf', 'bytecode', program, 'action', 'mirred', 'egress', 'redirect', 'dev', into);
      return {
        async clear() {
          await tc('filter', 'del', 'dev', host.bridgePort, 'egress', 'pref', '10');
          if (exited !== undefined) throw new Error(`the delay relay stopped during the fault (${exited}): ${said}`);
          // What the relay holds still arrives: it stops after the delay.
          await new Promise((resolve) => setTimeout(resolve, ms + 100));
          relay.stdin.end();
          if (relay.exitCode === null) await new Promise((resolve) => relay.once('exit', resolve));
          relays.delete(relay);
          await ip('link', 'del', into);
        },
      };
    },

    async loss(host, peer, percent) {
      const threshold = Math.round(0xffffffff * (1 - percent / 100));
      // A random number above the threshold: `percent` of the frames.
      const random: [number, number, number, number][] = [
        [LD_W_ABS, 0, 0, SKF_AD_RANDOM],
        [JGT_K, 0, 1, threshold],
      ];
      const drop = ['action', 'mirred', 'egress', 'redirect', 'dev', `${prefix}z0`];
      await clsact(host.bridgePort);
      await tc('filter', 'add', 'dev', host.bridgePort, 'egress', 'pref', '20', 'bpf', 'bytecode', matchPeer(IPV4_SOURCE, peer, random), ...drop);
      // The other way (the host's frames toward the peer), as they enter the bridge port.
      await tc('filter', 'add', 'dev', host.bridgePort, 'ingress', 'pref', '20', 'bpf', 'bytecode', matchPeer(IPV4_DESTINATION, peer, random), ...drop);
      return {
        async clear() {
          await tc('filter', 'del', 'dev', host.bridgePort, 'egress', 'pref', '20');
          await tc('filter', 'del', 'dev', host.bridgePort, 'ingress', 'pref', '20');
        },
      };
    },

    async partition(host) {
      await ip('link', 'set', host.bridgePort, 'down');
      return {
        async clear() {
          await ip('link', 'set', host.bridgePort, 'up');
        },
      };
    },

    async destroy() {
      for (const relay of relays) relay.kill('SIGKILL');
      cleanUp(prefix);
      process.off('exit', onExit);
    },
  };
}

export interface TcpForwarder {
  /** host:port it listens on. */
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A TCP forwarder in the test process: listens on `host` (an address of the
 * lab's bridge) and pipes each connection to `target` (the test Postgres,
 * which listens on 127.0.0.1 only). The members in their namespaces reach
 * their databases through it.
 */
export async function startTcpForwarder(host: string, target: { host: string; port: number }): Promise<TcpForwarder> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  return {
    host,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
