// The everyday programs of a container's (or the host's) userland, in two
// flavours whose messages differ: busybox (Alpine, busybox images) and GNU
// coreutils (Debian, Ubuntu, the host).
import type { Program } from '../process.ts';
import { type RunProgram } from '../sh/interp.ts';
import { shellProgram } from '../sh/program.ts';
import type { Flavour } from './common.ts';
import { chmod, cp, df, du, find, ln, ls, mkdir, mv, rm, rmdir, stat, touch } from './files.ts';
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
import { awkPrograms } from './awk.ts';
import { processPrograms } from './procs.ts';
import { gzipProgram, tar } from './tar.ts';
import { cat, cut, echo, grep, head, paste, printf, sed, seq, sort, tail, tee, tr, uniq, wc, xargs, yes } from './text.ts';

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
    ['echo', echo(f)],
    ['printf', printf(f)],
    ['cat', cat(f)],
    ['ls', ls(f)],
    ['mkdir', mkdir(f)],
    ['rm', rm(f)],
    ['rmdir', rmdir(f)],
    ['touch', touch(f)],
    ['cp', cp(f)],
    ['mv', mv(f)],
    ['ln', ln(f)],
    ['pwd', pwd(f)],
    ['env', env(f)],
    ['printenv', printenv(f)],
    ['hostname', hostname(f)],
    ['sleep', sleep(f)],
    ['true', trueProgram(f)],
    ['false', falseProgram(f)],
    ['head', head(f)],
    ['tail', tail(f)],
    ['wc', wc(f)],
    ['grep', grep(f)],
    ['egrep', grepAlias(f, '-E')],
    ['fgrep', grepAlias(f, '-F')],
    ['sed', sed(f)],
    ['sort', sort(f)],
    ['uniq', uniq(f)],
    ['cut', cut(f)],
    ['paste', paste(f)],
    ['tr', tr(f)],
    ['basename', basename(f)],
    ['dirname', dirname(f)],
    ['date', date(f)],
    ['uname', uname(f, sys)],
    ['whoami', whoami(f)],
    ['id', id(f)],
    ['test', test(f)],
    ['[', test(f)],
    ['seq', seq(f)],
    ['yes', yes(f)],
    ['tee', tee(f)],
    ['xargs', xargs(f)],
    ['which', which(f)],
    ['find', find(f)],
    ['stat', stat(f)],
    ['chmod', chmod(f)],
    ['du', du(f)],
    ['df', df(f)],
    ['tar', tar(f)],
    ['gzip', gzipProgram(f, 'gzip')],
    ['gunzip', gzipProgram(f, 'gunzip')],
    ['zcat', gzipProgram(f, 'zcat')],
  ]);
  for (const [name, p] of processPrograms(f, sys)) m.set(name, p);
  for (const [name, p] of awkPrograms(f)) m.set(name, p);
  if (flavour === 'busybox') {
    m.set('ash', m.get('sh')!);
    m.set('time', time(f));
  }
  if (flavour === 'gnu') {
    m.set('bash', shellProgram({ dialect: 'bash', runProgram: opts.runProgram }));
    m.set('dash', shellProgram({ dialect: 'ash', dash: true, runProgram: opts.runProgram }));
  }
  return m;
}

function grepAlias(f: Flavour, flag: string): Program {
  const g = grep(f);
  return (ctx) => g({ ...ctx, argv: [ctx.argv[0] ?? 'grep', flag, ...ctx.argv.slice(1)] });
}
