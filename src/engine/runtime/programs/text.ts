// Text programs: cat head tail wc grep sed sort uniq cut tr tee xargs
// echo printf seq yes.
import { FsError } from '../../fs/types.ts';
import { lineReader } from '../sh/io.ts';
import { joinPath } from '../sh/path.ts';
import { echoEscapes, formatPrintf } from '../sh/printf.ts';
import { type Flavour, type Tool, Exit, program, splitLines, ticker, why } from './common.ts';
import { RegexError, compileRegex } from './regex.ts';

/** Streams standard input to `out` as it arrives. */
async function pumpStdin(t: Tool, each: (chunk: string) => void): Promise<void> {
  const r = lineReader(t.ctx.stdin);
  for (;;) {
    const c = await r.read();
    if (c === null) return;
    each(c);
  }
}

export const cat = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'nbsvAeETu', long: { number: 'n', 'number-nonblank': 'b', 'show-all': 'A', 'squeeze-blank': 's' }, usage: 'cat [-nbvteA] [FILE]...' });
    const o = p.opts;
    const number = o.has('n') || o.has('b');
    let n = 0;
    const decorate = (text: string): string => {
      if (!number && !o.has('A') && !o.has('E')) return text;
      const lines = text.split('\n');
      const last = lines.pop()!;
      const out = lines.map((l) => {
        const shown = o.has('A') || o.has('E') ? l + '$' : l;
        if (o.has('b') && l === '') return shown;
        return number ? `${String(++n).padStart(6)}\t${shown}` : shown;
      });
      return out.join('\n') + (lines.length ? '\n' : '') + last;
    };
    let status = 0;
    for (const a of p.args.length ? p.args : ['-']) {
      if (a === '-') {
        await pumpStdin(t, (c) => t.out(decorate(c)));
        continue;
      }
      try {
        t.out(decorate(await t.readText(a)));
      } catch (e) {
        const w = why(e);
        if (t.gnu) t.err(`${a}: ${w}`);
        else if (e instanceof FsError && e.code === 'EISDIR') t.err(`read error: ${w}`);
        else t.err(`can't open '${a}': ${w}`);
        status = 1;
      }
    }
    return status;
  });

function countArg(t: Tool, v: string, what: 'lines' | 'bytes'): { n: number; fromStart: boolean } {
  const m = /^([+-]?)(\d+)([kKmMbc]?)$/.exec(v);
  if (!m) {
    if (t.gnu) t.err(`invalid number of ${what}: ${t.q(v)}`);
    else t.err(`invalid number '${v}'`);
    throw new Exit(1);
  }
  const mult = { '': 1, c: 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576 }[m[3]!] ?? 1;
  return { n: Number(m[2]) * mult, fromStart: m[1] === '+' };
}

export const head = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'qv', values: 'nc', numeric: true, long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', verbose: 'v' }, usage: 'head [OPTIONS] [FILE]...' });
    const o = p.opts;
    const bytes = o.has('c');
    const spec = o.get('c') ?? o.get('n') ?? o.get('#') ?? '10';
    const neg = spec.startsWith('-');
    const { n } = countArg(t, neg ? spec.slice(1) : spec, bytes ? 'bytes' : 'lines');
    const files = p.args.length ? p.args : ['-'];
    let status = 0;
    const take = (text: string) => {
      if (bytes) return neg ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n);
      const lines = text.split('\n');
      const complete = text.endsWith('\n') ? lines.slice(0, -1) : lines;
      const keep = neg ? complete.slice(0, Math.max(0, complete.length - n)) : complete.slice(0, n);
      const all = keep.length === complete.length && !text.endsWith('\n');
      return keep.join('\n') + (keep.length && !all ? '\n' : '');
    };
    for (const [i, a] of files.entries()) {
      if ((files.length > 1 && !o.has('q')) || o.has('v')) t.out(`${i ? '\n' : ''}==> ${a === '-' ? 'standard input' : a} <==\n`);
      if (a === '-' && !neg) {
        // stop reading as soon as we have enough (yes | head)
        const r = lineReader(t.ctx.stdin);
        if (bytes) {
          const s = await r.readChars(n);
          if (s) t.out(s);
        } else {
          for (let k = 0; k < n; k++) {
            const line = await r.readLine();
            if (line === null) break;
            t.out(line);
          }
        }
        continue;
      }
      try {
        t.out(take(await t.readText(a)));
      } catch (e) {
        const w = why(e);
        if (t.gnu) t.err(e instanceof FsError && e.code === 'EISDIR' ? `error reading ${t.q(a)}: ${w}` : `cannot open ${t.q(a)} for reading: ${w}`);
        else t.err(`${a}: ${e instanceof FsError && e.code === 'EISDIR' ? 'Input/output error' : w}`);
        status = 1;
      }
    }
    return status;
  });

export const tail = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, {
      flags: 'fFqv',
      values: 'nc',
      numeric: true,
      long: { 'lines=': 'n', 'bytes=': 'c', follow: 'f', quiet: 'q', verbose: 'v' },
      usage: 'tail [OPTIONS] [FILE]...',
    });
    const o = p.opts;
    const bytes = o.has('c');
    const { n, fromStart } = countArg(t, o.get('c') ?? o.get('n') ?? o.get('#') ?? '10', bytes ? 'bytes' : 'lines');
    const follow = o.has('f') || o.has('F');
    const files = p.args.length ? p.args : ['-'];
    const take = (text: string) => {
      if (bytes) return fromStart ? text.slice(Math.max(0, n - 1)) : text.slice(Math.max(0, text.length - n));
      const lines = text.split('\n');
      const ends = text.endsWith('\n');
      if (ends) lines.pop();
      const keep = fromStart ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
      return keep.join('\n') + (keep.length && (ends || keep.length < lines.length) ? (ends ? '\n' : '') : '');
    };
    let status = 0;
    const sizes = new Map<string, number>();
    for (const [i, a] of files.entries()) {
      if ((files.length > 1 && !o.has('q')) || o.has('v')) t.out(`${i ? '\n' : ''}==> ${a === '-' ? 'standard input' : a} <==\n`);
      try {
        const text = await t.readText(a);
        t.out(take(text));
        sizes.set(a, text.length);
      } catch (e) {
        const w = why(e);
        if (t.gnu) t.err(e instanceof FsError && e.code === 'EISDIR' ? `error reading ${t.q(a)}: ${w}` : `cannot open ${t.q(a)} for reading: ${w}`);
        else t.err(e instanceof FsError && e.code === 'EISDIR' ? `read error: ${w}` : `can't open '${a}': ${w}`);
        status = 1;
      }
    }
    if (!t.gnu && status && sizes.size === 0) t.err('no files');
    if (!follow) return status;
    if (status && !o.has('F') && sizes.size === 0) return 1;
    // tail -f: poll on the virtual clock (a killed process stops in ctx.sleep)
    for (;;) {
      await t.ctx.sleep(1000);
      for (const a of files) {
        if (a === '-' || a === '/dev/null') continue;
        let text: string;
        try {
          text = await t.readText(a);
        } catch {
          continue;
        }
        const old = sizes.get(a) ?? 0;
        if (text.length > old) t.out(text.slice(old));
        else if (text.length < old) {
          t.err(`${a}: file truncated`);
          t.out(text);
        }
        sizes.set(a, text.length);
      }
    }
  });

export const wc = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' }, usage: 'wc [-cmlwL] [FILE]...' });
    const o = p.opts;
    let which = ['l', 'w', 'm', 'c', 'L'].filter((k) => o.has(k));
    if (!which.length) which = ['l', 'w', 'c'];
    const files = p.args.length ? p.args : ['-'];
    const rows: { counts: number[]; name: string | null }[] = [];
    const total = which.map(() => 0);
    let status = 0;
    let regularBytes = 0;
    let onlyStdin = true;
    for (const a of files) {
      let text: string;
      try {
        text = await t.readText(a);
      } catch (e) {
        t.err(`${a}: ${why(e)}`);
        status = 1;
        continue;
      }
      if (a !== '-') {
        onlyStdin = false;
        regularBytes += new TextEncoder().encode(text).length;
      }
      const counts = which.map((k) => {
        switch (k) {
          case 'l':
            return (text.match(/\n/g) ?? []).length;
          case 'w':
            return text.split(/\s+/).filter(Boolean).length;
          case 'c':
            return new TextEncoder().encode(text).length;
          case 'm':
            return [...text].length;
          default:
            return Math.max(0, ...text.split('\n').map((l) => l.length));
        }
      });
      counts.forEach((c, k) => (total[k] = which[k] === 'L' ? Math.max(total[k]!, c) : total[k]! + c));
      rows.push({ counts, name: a === '-' && !p.args.length ? null : a });
    }
    if (files.length > 1) rows.push({ counts: total, name: 'total' });
    let width: number;
    if (t.gnu) {
      if (which.length === 1 && rows.length === 1) width = 1;
      else width = Math.max(onlyStdin ? 7 : 1, String(regularBytes).length);
    } else width = which.length === 1 && rows.length === 1 ? 1 : 9;
    for (const r of rows) {
      const cells = r.counts.map((c) => String(c).padStart(width));
      t.out(cells.join(' ') + (r.name !== null ? ` ${r.name}` : '') + '\n');
    }
    return status;
  });

export const grep = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, {
      flags: 'vinclLqsHhoxwErFRz',
      values: 'efmABC',
      long: {
        'invert-match': 'v',
        'ignore-case': 'i',
        'line-number': 'n',
        count: 'c',
        'files-with-matches': 'l',
        'files-without-match': 'L',
        quiet: 'q',
        silent: 'q',
        'no-messages': 's',
        'with-filename': 'H',
        'no-filename': 'h',
        'only-matching': 'o',
        'line-regexp': 'x',
        'word-regexp': 'w',
        'extended-regexp': 'E',
        'fixed-strings': 'F',
        recursive: 'r',
        'regexp=': 'e',
        'max-count=': 'm',
        'color=': 'K',
        colour: 'K',
        color: 'K',
      },
      usageStatus: 2,
      usage: 'grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
    });
    const o = p.opts;
    let args = p.args;
    let patterns = p.all.filter(([k]) => k === 'e').map(([, v]) => v);
    for (const [k, v] of p.all) {
      if (k !== 'f') continue;
      try {
        patterns.push(...splitLines(await t.readText(v)));
      } catch (e) {
        t.err(`${v}: ${why(e)}`);
        return 2;
      }
    }
    if (!patterns.length) {
      if (!args.length) return t.usageError('', { usageStatus: 2, usage: 'grep [OPTION]... PATTERNS [FILE]...' }), 2;
      patterns = args[0]!.split('\n');
      args = args.slice(1);
    }
    let re: RegExp;
    try {
      const sources = patterns.map((pat) => {
        if (o.has('F')) return pat.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
        return compileRegex(pat, { ere: o.has('E') }).source;
      });
      let src = sources.map((s) => `(?:${s})`).join('|');
      if (o.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (o.has('x')) src = `^(?:${src})$`;
      re = new RegExp(src, o.has('i') ? 'i' : '');
    } catch (e) {
      const msg = e instanceof RegexError ? e.message : 'Invalid regular expression';
      t.err(t.gnu ? msg : `bad regex '${patterns[0]}'`);
      return 2;
    }
    const rec = o.has('r') || o.has('R');
    let files = args.length ? args : [rec ? '.' : '-'];
    if (rec) {
      const expanded: string[] = [];
      const walk = (path: string) => {
        const st = t.tryStat(path);
        if (st?.type === 'dir') for (const n of t.ctx.fs.readdir(t.abs(path))) walk(path === '.' && !args.length ? n : joinPath(path, n));
        else expanded.push(path);
      };
      for (const a of files) walk(a);
      files = expanded;
    }
    const showName = o.has('H') || ((files.length > 1 || rec) && !o.has('h'));
    const max = o.has('m') ? Number(o.get('m')) : Infinity;
    // context lines (-A, -B, -C): `-` after the name and number instead of `:`, `--` between groups
    const contextOf = (k: string): number | null => {
      const v = o.get(k) ?? (k !== 'C' && o.has('C') ? o.get('C') : undefined);
      if (v === undefined) return 0;
      return /^\d+$/.test(v) ? Number(v) : null;
    };
    const after = contextOf('A');
    const before = contextOf('B');
    if (after === null || before === null || contextOf('C') === null) {
      const bad = [o.get('A'), o.get('B'), o.get('C')].find((v) => v !== undefined && !/^\d+$/.test(v));
      t.err(t.gnu ? `${bad}: invalid context length argument` : `invalid number '${bad}'`);
      return 2;
    }
    // `--` between groups: GNU grep once any context is asked for (even 0 lines), busybox only for context lines
    const separated = t.gnu ? o.has('A') || o.has('B') || o.has('C') : before > 0 || after > 0;
    const listing = o.has('l') || o.has('L') || o.has('c');
    let printedGroup = false;
    let matched = false;
    let status = 0;
    for (const a of files) {
      let text: string;
      try {
        text = await t.readText(a);
      } catch (e) {
        if (!o.has('s')) t.err(e instanceof FsError && e.code === 'EISDIR' ? `${a}: Is a directory` : `${a}: ${why(e)}`);
        status = 2;
        continue;
      }
      const name = a === '-' ? (t.gnu ? '(standard input)' : '(standard input)') : a;
      let count = 0;
      const lines = splitLines(text);
      let lastPrinted = -1;
      let afterLeft = 0;
      /** Line j is printed next: `--` first when it does not follow the last one printed. */
      const printing = (j: number) => {
        if (separated && (lastPrinted >= 0 ? j > lastPrinted + 1 : printedGroup)) t.out('--\n');
        lastPrinted = j;
        printedGroup = true;
      };
      const contextLine = (j: number) => {
        printing(j);
        t.out((showName ? `${name}-` : '') + (o.has('n') ? `${j + 1}-` : '') + lines[j] + '\n');
      };
      for (let i = 0; i < lines.length && (count < max || afterLeft > 0); i++) {
        const line = lines[i]!;
        const hit = count < max && re.test(line) !== o.has('v');
        if (!hit) {
          if (afterLeft > 0 && !listing && !o.has('q')) {
            contextLine(i);
            afterLeft--;
          }
          continue;
        }
        count++;
        matched = true;
        if (o.has('q')) return 0;
        if (listing) continue;
        for (let j = Math.max(i - before, lastPrinted + 1); j < i; j++) contextLine(j);
        printing(i);
        afterLeft = after;
        const prefix = (showName ? `${name}:` : '') + (o.has('n') ? `${i + 1}:` : '');
        if (o.has('o') && !o.has('v')) {
          const g = new RegExp(re.source, re.flags + 'g');
          for (const m of line.matchAll(g)) if (m[0]) t.out(prefix + m[0] + '\n');
        } else t.out(prefix + line + '\n');
      }
      if (o.has('c')) t.out((showName ? `${name}:` : '') + count + '\n');
      if (o.has('l') && count) t.out(name + '\n');
      if (o.has('L') && !count) t.out(name + '\n');
    }
    if (status && !(o.has('q') && matched)) return 2;
    return matched ? 0 : 1;
  });

interface SedCmd {
  addr1: Addr | null;
  addr2: Addr | null;
  negate: boolean;
  cmd: string;
  re?: RegExp;
  rep?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  text?: string;
  inRange?: boolean;
}

type Addr = { line: number } | { last: true } | { re: RegExp };

class SedError extends Error {}

function parseSed(script: string, ere: boolean, gnu: boolean, exprNo: number): SedCmd[] {
  const cmds: SedCmd[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(gnu ? `-e expression #${exprNo}, char ${i}: ${msg}` : msg);
  };
  const skipWs = () => {
    while (i < script.length && /[ \t]/.test(script[i]!)) i++;
  };
  const readDelimited = (delim: string): string => {
    let s = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        s += script[i + 1] === delim ? delim : script[i]! + script[i + 1]!;
        i += 2;
        continue;
      }
      if (script[i] === '\n') break;
      s += script[i++];
    }
    if (script[i] !== delim) return fail(gnu ? `unterminated \`s' command` : `unmatched '${delim}'`);
    i++;
    return s;
  };
  const addr = (): Addr | null => {
    skipWs();
    const c = script[i];
    if (c === undefined) return null;
    if (/[0-9]/.test(c)) {
      let n = '';
      while (/[0-9]/.test(script[i] ?? '')) n += script[i++];
      return { line: Number(n) };
    }
    if (c === '$') {
      i++;
      return { last: true };
    }
    if (c === '/' || c === '\\') {
      const d = c === '\\' ? script[++i]! : '/';
      i++;
      let s = '';
      while (i < script.length && script[i] !== d) {
        if (script[i] === '\\' && i + 1 < script.length) {
          s += script[i]! + script[i + 1]!;
          i += 2;
          continue;
        }
        s += script[i++];
      }
      if (script[i] !== d) fail('unterminated address regex');
      i++;
      return { re: compileRegex(s, { ere }) };
    }
    return null;
  };
  while (i < script.length) {
    skipWs();
    if (script[i] === ';' || script[i] === '\n') {
      i++;
      continue;
    }
    if (i >= script.length) break;
    const c: SedCmd = { addr1: addr(), addr2: null, negate: false, cmd: '' };
    if (c.addr1 && script[i] === ',') {
      i++;
      c.addr2 = addr();
    }
    skipWs();
    if (script[i] === '!') {
      c.negate = true;
      i++;
      skipWs();
    }
    const cmd = script[i++];
    if (cmd === undefined) fail('missing command');
    c.cmd = cmd!;
    switch (cmd) {
      case 's': {
        const d = script[i++];
        if (d === undefined || d === '\n' || d === '\\') fail(`unterminated \`s' command`);
        const pat = readDelimited(d!);
        const rep = readDelimited(d!);
        let flags = '';
        while (i < script.length && /[gpiIme0-9]/.test(script[i]!)) flags += script[i++];
        c.global = flags.includes('g');
        c.print = flags.includes('p');
        const nth = /\d+/.exec(flags);
        c.nth = nth ? Number(nth[0]) : 1;
        try {
          c.re = compileRegex(pat, { ere, icase: /[iI]/.test(flags), global: true });
        } catch (e) {
          fail(e instanceof RegexError ? e.message : 'invalid regex');
        }
        c.rep = rep;
        break;
      }
      case 'y': {
        const d = script[i++]!;
        const a = readDelimited(d);
        const b = readDelimited(d);
        if ([...a].length !== [...b].length) fail('strings for `y\' command are different lengths');
        c.text = a + '\0' + b;
        break;
      }
      case 'a':
      case 'i':
      case 'c': {
        skipWs();
        if (script[i] === '\\') {
          i++;
          if (script[i] === '\n') i++;
        }
        let s = '';
        while (i < script.length && script[i] !== '\n') s += script[i++];
        c.text = s.replace(/\\(.)/g, '$1');
        break;
      }
      case 'p':
      case 'd':
      case 'q':
      case '=':
      case 'n':
      case 'N':
      case 'P':
      case 'D':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
        break;
      case '}':
      case '{':
        break;
      default:
        fail(`unknown command: \`${cmd}'`);
    }
    cmds.push(c);
  }
  return cmds;
}

function substitute(line: string, c: SedCmd): { out: string; done: boolean } {
  let n = 0;
  let done = false;
  const re = c.re!;
  re.lastIndex = 0;
  const out = line.replace(re, (...m: unknown[]) => {
    n++;
    const whole = m[0] as string;
    if ((!c.global && n !== c.nth) || (c.global && n < c.nth!)) return whole;
    done = true;
    const groups = m.slice(1, -2) as (string | undefined)[];
    return c.rep!.replace(/\\(\d)|\\n|\\t|\\(.)|&/g, (tok: string, d?: string, lit?: string) => {
      if (tok === '&') return whole;
      if (d !== undefined) return d === '0' ? whole : (groups[Number(d) - 1] ?? '');
      if (tok === '\\n') return '\n';
      if (tok === '\\t') return '\t';
      return lit ?? '';
    });
  });
  return { out, done };
}

export const sed = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, {
      flags: 'nrEsi',
      values: 'ef',
      long: { quiet: 'n', silent: 'n', 'regexp-extended': 'r', 'in-place': 'i', 'expression=': 'e', 'file=': 'f', separate: 's' },
      usage: 'sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...',
    });
    const o = p.opts;
    const ere = o.has('r') || o.has('E');
    let args = p.args;
    const scripts = p.all.filter(([k]) => k === 'e' || k === 'f');
    const texts: string[] = [];
    for (const [k, v] of scripts) {
      if (k === 'e') texts.push(v);
      else {
        try {
          texts.push(await t.readText(v));
        } catch (e) {
          t.err(`couldn't open file ${v}: ${why(e)}`);
          return 1;
        }
      }
    }
    if (!texts.length) {
      if (!args.length) {
        if (t.gnu) {
          t.ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
          return 1;
        }
        return t.usageError('', { usage: 'sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...' });
      }
      texts.push(args[0]!);
      args = args.slice(1);
    }
    let cmds: SedCmd[];
    try {
      cmds = texts.flatMap((s, k) => parseSed(s, ere, t.gnu, k + 1));
    } catch (e) {
      if (e instanceof SedError) {
        t.err(e.message);
        return 1;
      }
      throw e;
    }
    const quiet = o.has('n');
    const run = (text: string, emit: (s: string) => void): boolean => {
      const lines = splitLines(text);
      const noEol = text !== '' && !text.endsWith('\n');
      let hold = '';
      for (const c of cmds) c.inRange = false;
      for (let li = 0; li < lines.length; li++) {
        let line = lines[li]!;
        const lineNo = li + 1;
        const isLast = li === lines.length - 1;
        let deleted = false;
        const appends: string[] = [];
        const matches = (a: Addr) => ('line' in a ? a.line === lineNo : 'last' in a ? isLast : a.re.test(line));
        const selected = (c: SedCmd): boolean => {
          let r: boolean;
          if (!c.addr1) r = true;
          else if (!c.addr2) r = matches(c.addr1);
          else if (c.inRange) {
            const end = 'line' in c.addr2 ? lineNo >= c.addr2.line : matches(c.addr2);
            if (end) c.inRange = false;
            r = true;
          } else if (matches(c.addr1)) {
            const end = 'line' in c.addr2 ? c.addr2.line <= lineNo : false;
            c.inRange = !end;
            r = true;
          } else r = false;
          return r !== c.negate;
        };
        let quit = false;
        for (const c of cmds) {
          if (!selected(c)) continue;
          switch (c.cmd) {
            case 's': {
              const r = substitute(line, c);
              line = r.out;
              if (r.done && c.print) emit(line + '\n');
              break;
            }
            case 'y': {
              const [a, b] = c.text!.split('\0') as [string, string];
              const from = [...a];
              const to = [...b];
              line = [...line].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)]! : ch)).join('');
              break;
            }
            case 'p':
              emit(line + '\n');
              break;
            case 'd':
              deleted = true;
              break;
            case '=':
              emit(`${lineNo}\n`);
              break;
            case 'a':
              appends.push(c.text! + '\n');
              break;
            case 'i':
              emit(c.text! + '\n');
              break;
            case 'c':
              emit(c.text! + '\n');
              deleted = true;
              break;
            case 'h':
              hold = line;
              break;
            case 'H':
              hold += '\n' + line;
              break;
            case 'g':
              line = hold;
              break;
            case 'G':
              line += '\n' + hold;
              break;
            case 'x':
              [line, hold] = [hold, line];
              break;
            case 'q':
              quit = true;
              break;
          }
          if (deleted || quit) break;
        }
        if (!deleted && !quiet) emit(line + (isLast && noEol ? '' : '\n'));
        for (const a of appends) emit(a);
        if (quit) return true;
      }
      return false;
    };
    if (o.has('i')) {
      let status = 0;
      for (const a of args) {
        try {
          const text = await t.readText(a);
          let out = '';
          run(text, (s) => (out += s));
          t.writeText(a, out);
        } catch (e) {
          t.err(t.gnu ? `can't read ${a}: ${why(e)}` : `can't open '${a}': ${why(e)}`);
          status = t.gnu ? 2 : 1;
        }
      }
      return status;
    }
    let text = '';
    let status = 0;
    for (const a of args.length ? args : ['-']) {
      try {
        text += await t.readText(a);
      } catch (e) {
        t.err(t.gnu ? `can't read ${a}: ${why(e)}` : `can't open '${a}': ${why(e)}`);
        status = 2;
      }
    }
    run(text, (s) => t.out(s));
    return status;
  });

export const sort = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, {
      flags: 'rnufbshVcdM',
      values: 'kto',
      long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f', 'human-numeric-sort': 'h', 'key=': 'k', 'field-separator=': 't', 'output=': 'o', stable: 's', 'version-sort': 'V' },
      usageStatus: 2,
      usage: 'sort [-nrugMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...',
    });
    const o = p.opts;
    let text = '';
    for (const a of p.args.length ? p.args : ['-']) {
      try {
        text += await t.readText(a);
        if (text && !text.endsWith('\n')) text += '\n';
      } catch (e) {
        t.err(t.gnu ? `cannot read: ${a}: ${why(e)}` : `${a}: ${why(e)}`);
        return 2;
      }
    }
    const lines = splitLines(text);
    const sep = o.get('t');
    const keys = p.all.filter(([k]) => k === 'k').map(([, v]) => {
      const m = /^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/.exec(v);
      return { start: Number(m?.[1] ?? 1), end: m?.[3] ? Number(m[3]) : null, opts: (m?.[2] ?? '') + (m?.[4] ?? '') };
    });
    const fields = (l: string): string[] => (sep !== undefined ? l.split(sep) : l.split(/(?<=\S)(?=\s)/));
    const keyOf = (l: string, k: { start: number; end: number | null }): string => {
      const fs = fields(l);
      const part = fs.slice(k.start - 1, k.end ?? fs.length).join(sep ?? '');
      return part;
    };
    const num = (s: string): number => {
      const m = /^\s*([-+]?\d*\.?\d+)/.exec(s);
      return m ? Number(m[1]) : 0;
    };
    const hnum = (s: string): number => {
      const m = /^\s*([-+]?\d*\.?\d+)([KMGTP]?)/i.exec(s);
      if (!m) return 0;
      return Number(m[1]) * 1024 ** ' KMGTP'.indexOf((m[2] || ' ').toUpperCase());
    };
    const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const compare = (a: string, b: string, flags: string): number => {
      if (flags.includes('b')) {
        a = a.trimStart();
        b = b.trimStart();
      }
      if (flags.includes('n')) return num(a) - num(b);
      if (flags.includes('h')) return hnum(a) - hnum(b);
      if (flags.includes('f')) return cmpStr(a.toUpperCase(), b.toUpperCase());
      if (flags.includes('V')) return a.localeCompare(b, 'en', { numeric: true });
      return cmpStr(a, b);
    };
    const global = ['n', 'h', 'f', 'b', 'V'].filter((k) => o.has(k)).join('');
    const cmp = (a: string, b: string): number => {
      if (keys.length) {
        for (const k of keys) {
          const r = compare(keyOf(a, k), keyOf(b, k), k.opts || global);
          if (r) return r;
        }
      } else {
        const r = compare(a, b, global);
        if (r) return r;
      }
      return o.has('s') || o.has('u') ? 0 : cmpStr(a, b);
    };
    let sorted = [...lines].sort(cmp);
    if (o.has('r')) sorted.reverse();
    if (o.has('u')) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1]!, l) !== 0);
    const out = sorted.map((l) => l + '\n').join('');
    if (o.has('o')) t.writeText(o.get('o')!, out);
    else t.out(out);
    return 0;
  });

export const uniq = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'cdui', values: 'fs', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' }, usage: 'uniq [-cdui] [-f,s,w N] [INPUT [OUTPUT]]' });
    const o = p.opts;
    let text: string;
    const a = p.args[0] ?? '-';
    try {
      text = await t.readText(a);
    } catch (e) {
      t.err(t.gnu ? `${a}: ${why(e)}` : `can't open '${a}': ${why(e)}`);
      return 1;
    }
    const key = (l: string) => (o.has('i') ? l.toLowerCase() : l);
    const lines = splitLines(text);
    let out = '';
    for (let i = 0; i < lines.length; ) {
      let j = i + 1;
      while (j < lines.length && key(lines[j]!) === key(lines[i]!)) j++;
      const n = j - i;
      if ((!o.has('d') || n > 1) && (!o.has('u') || n === 1)) out += (o.has('c') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n';
      i = j;
    }
    if (p.args[1]) t.writeText(p.args[1], out);
    else t.out(out);
    return 0;
  });

function parseList(spec: string): ((n: number) => boolean) | null {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return null;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

export const cut = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'sn', values: 'dfcb', long: { 'delimiter=': 'd', 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b', 'only-delimited': 's', 'output-delimiter=': 'O' }, usage: 'cut [OPTIONS] [FILE]...' });
    const o = p.opts;
    const spec = o.get('f') ?? o.get('c') ?? o.get('b');
    if (spec === undefined) {
      t.err(t.gnu ? 'you must specify a list of bytes, characters, or fields' : 'expected a list of bytes, characters, or fields');
      if (t.gnu) t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
      return 1;
    }
    const sel = parseList(spec);
    if (!sel) {
      t.err(t.gnu ? `invalid field value ${t.q(spec)}` : `invalid range '${spec}'`);
      return 1;
    }
    const delim = o.get('d') ?? '\t';
    if (o.has('d') && [...delim].length !== 1) {
      t.err(t.gnu ? 'the delimiter must be a single character' : 'the delimiter must be a single character');
      return 1;
    }
    const outDelim = o.get('O') ?? delim;
    let status = 0;
    for (const a of p.args.length ? p.args : ['-']) {
      let text: string;
      try {
        text = await t.readText(a);
      } catch (e) {
        t.err(`${a}: ${why(e)}`);
        status = 1;
        continue;
      }
      for (const line of splitLines(text)) {
        if (o.has('f')) {
          if (!line.includes(delim)) {
            if (!o.has('s')) t.out(line + '\n');
            continue;
          }
          t.out(line.split(delim).filter((_, i) => sel(i + 1)).join(outDelim) + '\n');
        } else {
          t.out([...line].filter((_, i) => sel(i + 1)).join('') + '\n');
        }
      }
    }
    return status;
  });

function expandSet(s: string): string[] {
  const out: string[] = [];
  const classes: Record<string, string> = {
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    lower: 'abcdefghijklmnopqrstuvwxyz',
    digit: '0123456789',
    space: ' \t\n\r\f\v',
    blank: ' \t',
    alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '[' && s[i + 1] === ':') {
      const end = s.indexOf(':]', i + 2);
      const cls = end > 0 ? classes[s.slice(i + 2, end)] : undefined;
      if (cls !== undefined) {
        chars.push(...cls);
        i = end + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < s.length) {
      const n = s[++i]!;
      chars.push(n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : n);
      continue;
    }
    chars.push(c);
  }
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const a = chars[i]!.charCodeAt(0);
      const b = chars[i + 2]!.charCodeAt(0);
      for (let k = a; k <= b; k++) out.push(String.fromCharCode(k));
      i += 2;
    } else out.push(chars[i]!);
  }
  return out;
}

export const tr = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'cdsC', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' }, usage: 'tr [-cds] STRING1 [STRING2]' });
    const o = p.opts;
    const [s1, s2] = p.args;
    if (s1 === undefined || (s2 === undefined && !o.has('d') && !o.has('s'))) {
      if (!t.gnu) return t.usageError('', { usage: 'tr [-cds] STRING1 [STRING2]' });
      t.err(s1 === undefined ? 'missing operand' : `missing operand after ${t.q(s1)}`);
      if (s1 !== undefined) t.ctx.stderr.write('Two strings must be given when translating.\n');
      t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
      return 1;
    }
    const a = expandSet(s1);
    const b = s2 !== undefined ? expandSet(s2) : [];
    const inA = (c: string) => a.includes(c) !== (o.has('c') || o.has('C'));
    const squeezeSet = o.has('d') ? b : s2 !== undefined ? b : a;
    let last = '';
    await pumpStdin(t, (chunk) => {
      let out = '';
      for (const c of chunk) {
        let ch: string | null = c;
        if (o.has('d')) {
          if (inA(c)) ch = null;
        } else if (s2 !== undefined && inA(c)) {
          const idx = o.has('c') ? b.length - 1 : a.indexOf(c);
          ch = b[Math.min(idx, b.length - 1)] ?? c;
        }
        if (ch === null) continue;
        if (o.has('s') && ch === last && squeezeSet.includes(ch)) continue;
        last = ch;
        out += ch;
      }
      t.out(out);
    });
    return 0;
  });

export const tee = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' }, usage: 'tee [-ai] [FILE]...' });
    const files: string[] = [];
    let status = 0;
    for (const a of p.args) {
      try {
        t.writeText(a, '', p.opts.has('a'));
        files.push(a);
      } catch (e) {
        t.err(`${a}: ${why(e)}`);
        status = 1;
      }
    }
    await pumpStdin(t, (c) => {
      t.out(c);
      for (const a of files) t.writeText(a, c, true);
    });
    return status;
  });

function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]!.replace(/\\(.)/g, '$1'));
  return out;
}

export const xargs = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'r0tx', values: 'nIiLd', long: { 'no-run-if-empty': 'r', null: '0', verbose: 't', 'max-args=': 'n', 'replace=': 'I' }, stopAtOperand: true, usage: 'xargs [OPTIONS] [PROG ARGS]' });
    const o = p.opts;
    const cmd = p.args.length ? p.args : ['echo'];
    const text = await lineReader(t.ctx.stdin).readAll();
    let items: string[];
    if (o.has('0')) items = text.split('\0').filter((s, i, all) => s !== '' || i < all.length - 1);
    else if (o.has('d')) items = text.split(o.get('d')!).filter(Boolean);
    else if (o.has('I') || o.has('i')) items = splitLines(text);
    else items = splitArgs(text);
    const run = async (args: string[]): Promise<number> => {
      if (o.has('t')) t.ctx.stderr.write(args.join(' ') + '\n');
      const st = await t.ctx.spawn(args, {});
      if (st === 127) return 127;
      return st === 0 ? 0 : st >= 128 ? 125 : 123;
    };
    let status = 0;
    const repl = o.get('I') ?? (o.has('i') ? o.get('i') || '{}' : undefined);
    if (repl !== undefined) {
      for (const it of items) {
        const s = await run(cmd.map((c) => c.split(repl).join(it)));
        if (s === 127) return 127;
        if (s) status = s;
      }
      return status;
    }
    if (!items.length) {
      if (o.has('r') || !t.gnu) return 0;
      return run(cmd);
    }
    const n = o.has('n') ? Math.max(1, Number(o.get('n'))) : o.has('L') ? Math.max(1, Number(o.get('L'))) : items.length;
    for (let i = 0; i < items.length; i += n) {
      const s = await run([...cmd, ...items.slice(i, i + n)]);
      if (s === 127) return 127;
      if (s) status = s;
    }
    return status;
  });

export const echo = (f: Flavour) =>
  program(f, (t, argv) => {
    let i = 0;
    let newline = true;
    let escapes = false;
    while (i < argv.length && /^-[neE]+$/.test(argv[i]!)) {
      for (const c of argv[i]!.slice(1)) {
        if (c === 'n') newline = false;
        else if (c === 'e') escapes = true;
        else escapes = false;
      }
      i++;
    }
    let text = argv.slice(i).join(' ');
    if (escapes) {
      const r = echoEscapes(text);
      text = r.text;
      if (r.stop) newline = false;
    }
    t.out(newline ? text + '\n' : text);
    return 0;
  });

export const printf = (f: Flavour) =>
  program(f, (t, argv) => {
    const args = argv[0] === '--' ? argv.slice(1) : argv;
    if (!args.length) {
      if (t.gnu) {
        t.err('missing operand');
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return t.usageError('', { usage: 'printf FORMAT [ARG]...' });
    }
    const r = formatPrintf(args[0]!, args.slice(1), f === 'gnu' ? 'gnu' : 'busybox');
    for (const e of r.errors) t.err(e);
    t.out(r.out);
    return r.status;
  });

export const seq = (f: Flavour) =>
  program(f, async (t, argv) => {
    // negative numbers are operands, not options
    const opts: string[] = [];
    const nums: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (/^-?\d*\.?\d+(e[-+]?\d+)?$/i.test(a)) nums.push(a);
      else if (a === '-s' || a === '-f') opts.push(a, argv[++i] ?? '');
      else opts.push(a);
    }
    const p = t.parse(opts, { flags: 'w', values: 'sf', long: { 'separator=': 's', 'equal-width': 'w', 'format=': 'f' }, usage: 'seq [-w] [-s SEP] [FIRST [INC]] LAST' });
    if (!nums.length) {
      if (t.gnu) {
        t.err('missing operand');
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return t.usageError('', { usage: 'seq [-w] [-s SEP] [FIRST [INC]] LAST' });
    }
    const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]!] : nums.length === 2 ? [nums[0]!, '1', nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    const decimals = Math.max(...[first, inc].map((s) => (s.includes('.') ? s.split('.')[1]!.length : 0)));
    const a = Number(first);
    const d = Number(inc);
    const b = Number(last);
    if (d === 0) {
      t.err(t.gnu ? `invalid Zero increment value: ${t.q(inc)}` : 'invalid increment');
      return 1;
    }
    const sep = p.opts.get('s') ?? '\n';
    const values: string[] = [];
    const tick = ticker(t.ctx, 1000);
    for (let k = 0; ; k++) {
      const v = a + k * d;
      if ((d > 0 && v > b + 1e-10) || (d < 0 && v < b - 1e-10)) break;
      values.push(v.toFixed(decimals));
      if (values.length >= 4096) {
        t.out(values.join(sep) + sep);
        values.length = 0;
        await tick();
      }
    }
    if (p.opts.has('w')) {
      const w = Math.max(...values.map((v) => v.length));
      for (let k = 0; k < values.length; k++) {
        const v = values[k]!;
        values[k] = v.startsWith('-') ? '-' + v.slice(1).padStart(w - 1, '0') : v.padStart(w, '0');
      }
    }
    if (values.length) t.out(values.join(sep) + '\n');
    return 0;
  });

export const yes = (f: Flavour) =>
  program(f, async (t, argv) => {
    const line = (argv.length ? argv.join(' ') : 'y') + '\n';
    const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
    // writes until the reader goes away (BrokenPipe) or the process is killed
    for (;;) {
      t.out(chunk);
      await t.ctx.yield();
    }
  });

/** paste's -d list: \n \t \\ and \0 (no delimiter); busybox keeps unknown escapes, GNU drops the backslash. */
function pasteDelims(list: string, gnu: boolean): string[] {
  const out: string[] = [];
  const simple: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '0': '', b: '\b', f: '\f', r: '\r', v: '\v' };
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c !== '\\' || i + 1 >= list.length) out.push(c);
    else {
      const n = list[++i]!;
      out.push(simple[n] ?? (gnu ? n : '\\' + n));
    }
  }
  return out;
}

export const paste = (f: Flavour) =>
  program(f, async (t, argv) => {
    const p = t.parse(argv, { flags: 'sz', values: 'd', long: { 'delimiters=': 'd', serial: 's', 'zero-terminated': 'z' }, usage: 'paste [-d LIST] [-s] [FILE]...' });
    if (!t.gnu && p.opts.has('z')) t.usageError(`invalid option -- 'z'`, { usage: 'paste [-d LIST] [-s] [FILE]...' });
    const list = p.opts.get('d') ?? '\t';
    if (list === '' && !t.gnu) {
      t.err(`-d '' is not supported`);
      return 1;
    }
    const delims = list === '' ? [''] : pasteDelims(list, t.gnu);
    const eol = p.opts.has('z') ? '\0' : '\n';
    // every file is opened before anything is written, as both tools do
    const names = p.args.length ? p.args : ['-'];
    const sources: { lines: string[] | null; at: number }[] = [];
    for (const a of names) {
      if (a === '-') {
        sources.push({ lines: null, at: 0 });
        continue;
      }
      try {
        const text = await t.readText(a);
        const lines = text.split(eol);
        if (lines[lines.length - 1] === '') lines.pop();
        sources.push({ lines, at: 0 });
      } catch (e) {
        t.err(`${a}: ${why(e)}`);
        return 1;
      }
    }
    const stdin = lineReader(t.ctx.stdin);
    const next = async (s: { lines: string[] | null; at: number }): Promise<string | null> => {
      if (s.lines) return s.at < s.lines.length ? s.lines[s.at++]! : null;
      const line = await stdin.readLine();
      return line === null ? null : line.replace(/\n$/, '');
    };
    const tick = ticker(t.ctx);
    if (p.opts.has('s')) {
      for (const s of sources) {
        const lines: string[] = [];
        for (let l = await next(s); l !== null; l = await next(s)) lines.push(l);
        // GNU ends even an empty file's line; busybox writes nothing for it
        if (!lines.length && !t.gnu) continue;
        t.out(lines.map((l, i) => (i ? delims[(i - 1) % delims.length] : '') + l).join('') + eol);
        await tick();
      }
      return 0;
    }
    const done = sources.map(() => false);
    for (;;) {
      const row: (string | null)[] = [];
      for (const [i, s] of sources.entries()) {
        const l = done[i] ? null : await next(s);
        if (l === null) done[i] = true;
        row.push(l);
      }
      if (row.every((l) => l === null)) return 0;
      let out = '';
      let d = 0;
      for (const [i, l] of row.entries()) {
        // busybox skips a finished file together with its delimiter
        if (l === null && !t.gnu) continue;
        const last = i === row.length - 1;
        out += (l ?? '') + (last ? eol : delims[(t.gnu ? i : d++) % delims.length]!);
      }
      t.out(out);
      await tick();
    }
  });
