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
  /** What the process alone adds to its cgroup's memory (pages not shared with others), KiB. */
  own: number;
}

// busybox figures from the reference engine: `ps aux` on the host shows
// RSS 1380 / VSZ 2268 for a busybox sleep, and `docker stats` 448KiB for two
const BUSYBOX: Footprint = { rss: 1380, vsz: 2268, own: 224 };

const KNOWN: Record<string, Footprint> = {
  bash: { rss: 3456, vsz: 4348, own: 1036 },
  dash: { rss: 1536, vsz: 2580, own: 460 },
  python3: { rss: 9800, vsz: 17_600, own: 2940 },
  python: { rss: 9800, vsz: 17_600, own: 2940 },
  node: { rss: 44_000, vsz: 1_010_000, own: 13200 },
  nginx: { rss: 5600, vsz: 11_400, own: 1680 },
  redis: { rss: 7800, vsz: 36_000, own: 2340 },
  'redis-server': { rss: 7800, vsz: 36_000, own: 2340 },
  postgres: { rss: 22_000, vsz: 215_000, own: 6600 },
  mysqld: { rss: 360_000, vsz: 1_800_000, own: 108000 },
  httpd: { rss: 4400, vsz: 6000, own: 1320 },
  apt: { rss: 38_000, vsz: 80_000, own: 11400 },
  'apt-get': { rss: 38_000, vsz: 80_000, own: 11400 },
};

/** The footprint of one process, by the program it runs. */
export function footprint(p: ProcessInfo): Footprint {
  const name = (p.argv[0] ?? '').slice((p.argv[0] ?? '').lastIndexOf('/') + 1);
  return KNOWN[name] ?? BUSYBOX;
}

/** The host's memory in bytes, as `docker info` reports it (Total Memory): what `%MEM` and stats' LIMIT are out of. */
export const HOST_MEMORY_BYTES = 4_110_000_128;
export const HOST_MEMORY_KIB = HOST_MEMORY_BYTES / 1024;
/** The host's CPUs (`docker info` CPUs): stats' CPU % goes up to 100 per CPU. */
export const HOST_CPUS = 2;
