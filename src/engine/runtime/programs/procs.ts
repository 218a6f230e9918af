// Process tools: ps, top, kill, pgrep/pkill, free, uptime — busybox applets
// and procps, over the PID namespace's process table.
import type { Program } from '../process.ts';
import type { Flavour } from './common.ts';
import type { SystemInfo } from './system.ts';

/** The process tools of a flavour, by command name. */
export function processPrograms(_f: Flavour, _sys: SystemInfo): Map<string, Program> {
  return new Map();
}
