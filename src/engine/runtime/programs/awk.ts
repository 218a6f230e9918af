// awk: busybox's applet and Debian's mawk.
import type { Program } from '../process.ts';
import type { Flavour } from './common.ts';

/** awk by command name (awk, and mawk for GNU userlands). */
export function awkPrograms(_f: Flavour): Map<string, Program> {
  return new Map();
}
