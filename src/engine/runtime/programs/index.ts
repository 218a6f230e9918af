// The everyday programs of a container's (or the host's) userland, in two
// flavours whose messages differ: busybox (Alpine, busybox images) and GNU
// coreutils (Debian, Ubuntu, the host).
import type { Program } from '../process.ts';
import { type RunProgram } from '../sh/interp.ts';
import { shellProgram } from '../sh/program.ts';
import { lazyModule, lazyProgram } from '../../lazy.ts';
import type { Flavour } from './common.ts';
import {
  DEFAULT_SYSTEM,
  type SystemInfo,
  basename,
  date,
  dirname,
  env,
  falseProgram,
  hostname,
  id,
  printenv,
  pwd,
  sleep,
  test,
  time,
  trueProgram,
  uname,
  which,
  whoami,
} from './system.ts';

// The larger tools load on first use (lazy.ts): the page starts without them.
const text = lazyModule('text utilities', () => import('./text.ts'));
const files = lazyModule('file utilities', () => import('./files.ts'));
const tarTools = lazyModule('tar and gzip', () => import('./tar.ts'));
const procs = lazyModule('process tools', () => import('./procs.ts'));
const awk = lazyModule('awk', () => import('./awk.ts'));
const curlModule = lazyModule('curl', () => import('./curl.ts'));

/** The commands procs.ts's `processPrograms` and awk.ts's `awkPrograms` make (programs.test.ts checks). */
export const PROCESS_TOOL_NAMES = ['ps', 'top', 'kill', 'pgrep', 'pkill', 'free', 'uptime'] as const;
export const awkNames = (f: Flavour): string[] => (f === 'gnu' ? ['awk', 'mawk'] : ['awk']);

export type { Flavour } from './common.ts';
export type { SystemInfo } from './system.ts';

export interface ProgramsOptions extends Partial<SystemInfo> {
  /** How the shells start children (default: ctx.spawn). */
  runProgram?: RunProgram;
}

/** Programs by command name. GNU includes bash; both include sh. */
export function programsFor(flavour: Flavour, opts: ProgramsOptions = {}): Map<string, Program> {
  const sys: SystemInfo = { ...DEFAULT_SYSTEM, ...opts };
  const f = flavour;
  const m = new Map<string, Program>([
    ['sh', shellProgram({ dialect: 'ash', runProgram: opts.runProgram })],
    ['echo', lazyProgram(text, (mod) => mod.echo(f))],
    ['printf', lazyProgram(text, (mod) => mod.printf(f))],
    ['cat', lazyProgram(text, (mod) => mod.cat(f))],
    ['ls', lazyProgram(files, (mod) => mod.ls(f))],
    ['mkdir', lazyProgram(files, (mod) => mod.mkdir(f))],
    ['rm', lazyProgram(files, (mod) => mod.rm(f))],
    ['rmdir', lazyProgram(files, (mod) => mod.rmdir(f))],
    ['touch', lazyProgram(files, (mod) => mod.touch(f))],
    ['cp', lazyProgram(files, (mod) => mod.cp(f))],
    ['mv', lazyProgram(files, (mod) => mod.mv(f))],
    ['ln', lazyProgram(files, (mod) => mod.ln(f))],
    ['pwd', pwd(f)],
    ['env', env(f)],
    ['printenv', printenv(f)],
    ['hostname', hostname(f)],
    ['sleep', sleep(f)],
    ['true', trueProgram(f)],
    ['false', falseProgram(f)],
    ['head', lazyProgram(text, (mod) => mod.head(f))],
    ['tail', lazyProgram(text, (mod) => mod.tail(f))],
    ['wc', lazyProgram(text, (mod) => mod.wc(f))],
    ['grep', lazyProgram(text, (mod) => mod.grep(f))],
    ['egrep', grepAlias(f, '-E')],
    ['fgrep', grepAlias(f, '-F')],
    ['sed', lazyProgram(text, (mod) => mod.sed(f))],
    ['sort', lazyProgram(text, (mod) => mod.sort(f))],
    ['uniq', lazyProgram(text, (mod) => mod.uniq(f))],
    ['cut', lazyProgram(text, (mod) => mod.cut(f))],
    ['paste', lazyProgram(text, (mod) => mod.paste(f))],
    ['tr', lazyProgram(text, (mod) => mod.tr(f))],
    ['basename', basename(f)],
    ['dirname', dirname(f)],
    ['date', date(f)],
    ['uname', uname(f, sys)],
    ['whoami', whoami(f)],
    ['id', id(f)],
    ['test', test(f)],
    ['[', test(f)],
    ['seq', lazyProgram(text, (mod) => mod.seq(f))],
    ['yes', lazyProgram(text, (mod) => mod.yes(f))],
    ['tee', lazyProgram(text, (mod) => mod.tee(f))],
    ['xargs', lazyProgram(text, (mod) => mod.xargs(f))],
    ['which', which(f)],
    ['find', lazyProgram(files, (mod) => mod.find(f))],
    ['stat', lazyProgram(files, (mod) => mod.stat(f))],
    ['chmod', lazyProgram(files, (mod) => mod.chmod(f))],
    ['du', lazyProgram(files, (mod) => mod.du(f))],
    ['df', lazyProgram(files, (mod) => mod.df(f))],
    ['tar', lazyProgram(tarTools, (mod) => mod.tar(f))],
    ['gzip', lazyProgram(tarTools, (mod) => mod.gzipProgram(f, 'gzip'))],
    ['gunzip', lazyProgram(tarTools, (mod) => mod.gzipProgram(f, 'gunzip'))],
    ['zcat', lazyProgram(tarTools, (mod) => mod.gzipProgram(f, 'zcat'))],
  ]);
  for (const name of PROCESS_TOOL_NAMES) m.set(name, lazyProgram(procs, (mod) => mod.processPrograms(f, sys).get(name)!));
  for (const name of awkNames(f)) m.set(name, lazyProgram(awk, (mod) => mod.awkPrograms(f).get(name)!));
  if (flavour === 'busybox') {
    m.set('ash', m.get('sh')!);
    m.set('time', time(f));
  }
  if (flavour === 'gnu') {
    m.set('bash', shellProgram({ dialect: 'bash', runProgram: opts.runProgram }));
    m.set('dash', shellProgram({ dialect: 'ash', dash: true, runProgram: opts.runProgram }));
    m.set('curl', lazyProgram(curlModule, (mod) => mod.curl));
  }
  return m;
}

function grepAlias(f: Flavour, flag: string): Program {
  return lazyProgram(text, (mod) => {
    const g = mod.grep(f);
    return (ctx) => g({ ...ctx, argv: [ctx.argv[0] ?? 'grep', flag, ...ctx.argv.slice(1)] });
  });
}
