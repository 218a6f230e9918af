// What a container's processes cost the host: resident and virtual memory
// per program, as `ps aux` on the host and `docker stats` report them. The
// figures are those of the real binaries at rest (busybox applets share one
// small static binary; bash, python, node and servers are larger), so that
// the numbers a learner sees move in the right direction and proportion.
import type { ProcessInfo } from '../runtime/process.ts';

interface Footprint {
  /** Resident set, KiB. */
  rss: number;
  /** Virtual size, KiB. */
  vsz: number;
}

const BUSYBOX: Footprint = { rss: 1380, vsz: 2268 };

const KNOWN: Record<string, Footprint> = {
  bash: { rss: 3456, vsz: 4348 },
  dash: { rss: 1536, vsz: 2580 },
  python3: { rss: 9800, vsz: 17_600 },
  python: { rss: 9800, vsz: 17_600 },
  node: { rss: 44_000, vsz: 1_010_000 },
  nginx: { rss: 5600, vsz: 11_400 },
  redis: { rss: 7800, vsz: 36_000 },
  'redis-server': { rss: 7800, vsz: 36_000 },
  postgres: { rss: 22_000, vsz: 215_000 },
  mysqld: { rss: 360_000, vsz: 1_800_000 },
  httpd: { rss: 4400, vsz: 6000 },
  apt: { rss: 38_000, vsz: 80_000 },
  'apt-get': { rss: 38_000, vsz: 80_000 },
};

/** The footprint of one process, by the program it runs. */
export function footprint(p: ProcessInfo): Footprint {
  const name = (p.argv[0] ?? '').slice((p.argv[0] ?? '').lastIndexOf('/') + 1);
  return KNOWN[name] ?? BUSYBOX;
}

/** The host's memory, KiB: what `%MEM` and stats' LIMIT are out of (a 7.7 GiB machine). */
export const HOST_MEMORY_KIB = 8_048_576;
