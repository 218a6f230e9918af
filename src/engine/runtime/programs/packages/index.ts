// Package managers that write what they install into the container's
// read-write layer: apt-get/apt/dpkg, yum/rpm, apk, pip, gem, npm.
import type { Program } from '../../process.ts';
import { aptGetProgram } from './apt.ts';
import { dpkgProgram } from './dpkg.ts';

export interface PackageOptions {
  /**
   * true: sources that are gone from today's internet (CentOS 8 mirrors,
   * EPEL 6, Python 2.7 pip) fail as they fail on a real machine today;
   * false (default): they succeed, and a lesson explains why.
   */
  sourcesAsToday?: () => boolean;
}

/** Package-manager programs by binary name. */
export function packagePrograms(opts: PackageOptions = {}): Map<string, Program> {
  void opts;
  return new Map<string, Program>([
    ['apt-get', aptGetProgram('apt-get')],
    ['apt', aptGetProgram('apt')],
    ['dpkg', dpkgProgram],
    ['dpkg-query', dpkgProgram],
  ]);
}
