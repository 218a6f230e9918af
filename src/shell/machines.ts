// The machines of one page saved together: the first machine's records as
// they are, each other machine's under `machine/<hostname>/`. Docker Hub is
// shared: what learners pushed there is saved once, with the first machine.
import type { HostStateApi, SimulatedHost } from './host.ts';

const PREFIX = 'machine/';
/** Records every machine writes about the shared Docker Hub: kept from the first machine only. */
const SHARED = new Set(['registry/hub']);

/** The first machine's records, and each other machine's by host name. */
export function splitMachines(records: ReadonlyMap<string, unknown>): { first: Map<string, unknown>; others: Map<string, Map<string, unknown>> } {
  const first = new Map<string, unknown>();
  const others = new Map<string, Map<string, unknown>>();
  for (const [key, value] of records) {
    if (!key.startsWith(PREFIX)) {
      first.set(key, value);
      continue;
    }
    const rest = key.slice(PREFIX.length);
    const slash = rest.indexOf('/');
    if (slash <= 0) continue;
    const name = rest.slice(0, slash);
    let m = others.get(name);
    if (!m) others.set(name, (m = new Map()));
    m.set(rest.slice(slash + 1), value);
  }
  return { first, others };
}

const prefixed = (hostname: string, key: string) => `${PREFIX}${hostname}/${key}`;

/** One HostStateApi over the first machine and the others there are at each capture. */
export function machinesState(first: SimulatedHost, others: () => readonly SimulatedHost[]): HostStateApi {
  return {
    captureAll() {
      const all = first.state.captureAll();
      for (const m of others()) {
        for (const [key, value] of m.state.captureAll()) if (!SHARED.has(key)) all.set(prefixed(m.machine.hostname, key), value);
      }
      return all;
    },
    captureChanges() {
      const changes = first.state.captureChanges();
      for (const m of others()) {
        const c = m.state.captureChanges();
        for (const [key, value] of c.put) if (!SHARED.has(key)) changes.put.set(prefixed(m.machine.hostname, key), value);
        for (const key of c.remove) if (!SHARED.has(key)) changes.remove.push(prefixed(m.machine.hostname, key));
      }
      return changes;
    },
  };
}
