// git's parse-options, for the flags Berth's git knows: bundled short flags
// (`-am msg`), attached values (`-mmsg`, `--message=msg`), `--` and git's
// own errors (`error: unknown option `x'` + the command's usage, exit 129).
import { USAGE } from './usage.ts';
import { GitExit } from './run.ts';

export interface OptionSpec {
  /** Long name without dashes (`message`). */
  long: string;
  /** One-letter name (`m`). */
  short?: string;
  /** Whether it takes a value. */
  value?: boolean;
  /** Several occurrences accumulate (`-m a -m b`). */
  repeat?: boolean;
}

export interface Parsed {
  /** Flags by long name: true, or the value(s). */
  flags: Map<string, string | true | string[]>;
  args: string[];
}

function usageError(command: string, line: string): GitExit {
  return new GitExit(129, `${line}\n${USAGE[command] ?? `usage: git ${command}\n`}`);
}

/** Parses `argv` (after the command name) for `command`; throws GitExit on bad flags, or on -h (usage on stdout). */
export function parseOptions(command: string, argv: string[], specs: OptionSpec[]): Parsed {
  const flags = new Map<string, string | true | string[]>();
  const args: string[] = [];
  const set = (spec: OptionSpec, v: string | true) => {
    if (spec.repeat && typeof v === 'string') {
      const prev = flags.get(spec.long);
      flags.set(spec.long, [...(Array.isArray(prev) ? prev : []), v]);
    } else flags.set(spec.long, v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') throw new GitExit(129, '', USAGE[command] ?? '');
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = specs.find((s) => s.long === name);
      if (!spec) throw usageError(command, `error: unknown option \`${name}'`);
      if (spec.value) {
        if (eq >= 0) set(spec, a.slice(eq + 1));
        else if (i + 1 < argv.length) set(spec, argv[++i]!);
        else throw usageError(command, `error: option \`${name}' requires a value`);
      } else {
        if (eq >= 0) throw usageError(command, `error: option \`${name}' takes no value`);
        set(spec, true);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = specs.find((s) => s.short === c);
        if (!spec) throw usageError(command, `error: unknown switch \`${c}'`);
        if (!spec.value) {
          set(spec, true);
          continue;
        }
        if (j + 1 < a.length) set(spec, a.slice(j + 1));
        else if (i + 1 < argv.length) set(spec, argv[++i]!);
        else throw usageError(command, `error: switch \`${c}' requires a value`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { flags, args };
}

/** A flag's last value as a string (or undefined). */
export function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v[v.length - 1];
  return undefined;
}
