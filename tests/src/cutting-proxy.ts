import net from 'node:net';

export interface CuttingProxy {
  /** The target's URL, through the proxy (same path). */
  url: string;
  /** Cut the next request whose bytes contain `marker`: its answer's first bytes close the client's connection, and nothing of it is passed on. */
  cutNextAnswerTo(marker: string): void;
  /** How many answers were cut. */
  readonly cuts: number;
  stop(): Promise<void>;
}

/**
 * A TCP proxy in front of an HTTP service that can drop a client's
 * connection once the service has started answering: the service has done
 * its work (a write committed before the answer begins) and the client never
 * hears of it, as when a connection is lost on the way back.
 */
export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const upstream = new URL(target);
  let armed: string | undefined;
  let cuts = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const service = net.connect(Number(upstream.port), upstream.hostname);
    for (const socket of [client, service]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    let seen = '';
    let cutThisAnswer = false;
    client.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString('latin1')).slice(-65_536);
      if (armed !== undefined && seen.includes(armed)) {
        armed = undefined;
        cutThisAnswer = true;
      }
      service.write(chunk);
    });
    service.on('data', (chunk: Buffer) => {
      if (cutThisAnswer) {
        cuts += 1;
        client.destroy();
        service.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on('end', () => service.end());
    service.on('end', () => client.end());
    client.on('error', () => service.destroy());
    service.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    cutNextAnswerTo(marker) {
      armed = marker;
    },
    get cuts() {
      return cuts;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
