// Package managers that write what they install into the container's
// read-write layer: apt-get/apt/dpkg, yum/rpm, apk, pip, gem, wget.
import type { Program } from '../../process.ts';
import { apkProgram } from './apk.ts';
import { aptGetProgram } from './apt.ts';
import { dpkgProgram } from './dpkg.ts';
import { gemProgram } from './gem.ts';
import { npmProgram, npxProgram } from './npm.ts';
import { pipProgram } from './pip.ts';
import { rpmProgram } from './rpm.ts';
import { wgetProgram } from './wget.ts';
import { yumProgram } from './yum.ts';

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
  const yum = yumProgram(opts);
  const pip = pipProgram(opts);
  return new Map<string, Program>([
    ['apt-get', aptGetProgram('apt-get')],
    ['apt', aptGetProgram('apt')],
    ['dpkg', dpkgProgram],
    ['dpkg-query', dpkgProgram],
    ['yum', yum],
    ['dnf', yum],
    ['rpm', rpmProgram],
    ['rpmquery', rpmProgram],
    ['apk', apkProgram],
    ['pip', pip],
    ['pip2', pip],
    ['pip2.7', pip],
    ['pip3', pip],
    ['gem', gemProgram],
    ['gem1.9.1', gemProgram],
    ['gem3.1', gemProgram],
    ['wget', wgetProgram(opts)],
    // npm and npx, and the scripts the node images link them to (node hands those to npm too)
    ['npm', npmProgram],
    ['npm-cli.js', npmProgram],
    ['npx', npxProgram],
    ['npx-cli.js', npxProgram],
  ]);
}
