// The order `dpkg --configure --pending` sets packages up in (dpkg 1.21,
// src/main/packages.c): it queues pending packages as it walks its package
// hash table (lib/dpkg/pkg-hash.c: FNV-1a of the name modulo 65521 bins),
// then takes them from the queue, putting back at the end any whose
// dependencies are not configured yet. Checked against every bookworm
// install recorded for Berth (vim, wget, curl, nginx, procps, redis-server,
// iputils-ping).

const BINS = 65521;

/** lib/dpkg/strhash.c's str_fnv_hash: 32-bit FNV-1a over the bytes of the name. */
export function fnvHash(name: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(name)) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

/** `items` in dpkg's configure order (`--configure --pending`, or of the packages named); `depends` names what each needs configured first. */
export function configureOrder<T>(items: T[], name: (x: T) => string, depends: (x: T) => string[], pending_ = true): T[] {
  // --pending walks the hash table; packages named on the command line keep their order
  const pending = pending_ ? [...items].sort((a, b) => (fnvHash(name(a)) % BINS) - (fnvHash(name(b)) % BINS)) : [...items];
  const names = new Set(items.map(name));
  const done: T[] = [];
  const configured = new Set<string>();
  let sinceProgress = 0;
  while (pending.length > 0) {
    const x = pending.shift()!;
    const waiting = depends(x).some((d) => names.has(d) && !configured.has(d));
    if (waiting && sinceProgress <= pending.length) {
      pending.push(x);
      sinceProgress++;
      continue;
    }
    // (a dependency loop: dpkg breaks it by configuring anyway)
    done.push(x);
    configured.add(name(x));
    sinceProgress = 0;
  }
  return done;
}
