// The page's network: the machines a learner opens (each a host with its
// daemon) by name and address, and what answers on their ports. A daemon
// reaches a registry at host:port through it; so does `curl` at a prompt.
// Nothing leaves the page: a name that is no machine here does not resolve.
import type { ConnectResult, Listener } from '../runtime/process.ts';

/** One machine on the network: a name, an address, and what listens on its ports. */
export interface Machine {
  readonly hostname: string;
  readonly address: string;
  /** What answers on a TCP port of this machine (a host service, or a container's published port), if anything. */
  listener(port: number): Listener | undefined;
}

/** Names that mean "this machine". */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', 'ip6-localhost']);

export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** The first machine's address, then the next ones' (a home LAN's). */
export const machineAddress = (index: number): string => `192.168.1.${10 + index}`;

export class Network {
  private readonly machines: Machine[] = [];

  /** How many machines are on it. */
  get size(): number {
    return this.machines.length;
  }

  add(m: Machine): void {
    if (!this.machines.includes(m)) this.machines.push(m);
  }

  remove(m: Machine): void {
    const i = this.machines.indexOf(m);
    if (i >= 0) this.machines.splice(i, 1);
  }

  /** The machine a host name or address names, from `from`'s point of view (loopback is itself). */
  lookup(from: Machine, host: string): Machine | undefined {
    if (isLoopback(host)) return from;
    return this.machines.find((m) => m.hostname === host || m.address === host);
  }

  /**
   * A TCP connection from `from` to host:port, as Go's net.Dial words its
   * failures: `lookup NAME: no such host`, `connect: connection refused`.
   */
  connect(from: Machine, host: string, port: number): ConnectResult {
    const m = this.lookup(from, host);
    const literal = /^\d+\.\d+\.\d+\.\d+$/.test(host);
    if (!m) return { error: literal ? `dial tcp ${host}:${port}: connect: no route to host` : `dial tcp: lookup ${host}: no such host` };
    const address = isLoopback(host) ? (host === '::1' || host === '[::1]' ? '[::1]' : host === 'localhost' ? '127.0.0.1' : host) : m.address;
    const listener = m.listener(port);
    if (!listener) return { error: `dial tcp ${address}:${port}: connect: connection refused` };
    return { listener, address };
  }
}
