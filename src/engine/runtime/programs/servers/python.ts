// python 2.7 and 3.x: the version the image's binary is (python2.7,
// python3.12 ...), -V/--version, -c one-liners and scripts of simple
// statements (pyexpr.ts), tracebacks for modules that are not installed,
// and Flask applications (flask.ts).
import type { ProcessContext, Program } from '../../process.ts';
import { basename, findCommand } from '../../resolve.ts';
import { readAll } from '../../sh/io.ts';
import { readText } from './common.ts';
import { flaskCli, parseFlask, runFlask } from './flask.ts';
import { Evaluator, PyError, Unsupported, str, type PyValue } from './pyexpr.ts';
import { importError, imports, installed, pyHost, pythonVersion, traceback, type PythonVersion } from './pyenv.ts';

/**
 * Runs simple statements (imports, assignments, print) line by line. Returns
 * the exit status; reports the first exception with its traceback.
 */
function runStatements(ctx: ProcessContext, v: PythonVersion, lines: string[], file: string, showSource: boolean): number | Unsupported {
  const imported = new Set<string>();
  const ev = new Evaluator(v.py3, new Map(), pyHost(ctx, imported));
  const out = (s: string) => ctx.stdout.write(s);
  for (let n = 0; n < lines.length; n++) {
    for (const stmt of splitStatements(lines[n]!)) {
      const line = n + 1;
      try {
        const mods = imports(stmt);
        if (mods) {
          for (const m of mods) if (!installed(ctx, v, m)) throw importError(v, m);
          if (/^\s*import\s/.test(stmt)) for (const m of mods) imported.add(m);
          continue;
        }
        const printCall = /^print\s*\((.*)\)\s*$/.exec(stmt);
        const printStmt = /^print(?:\s+(.*))?$/.exec(stmt);
        if (printCall && v.py3) {
          out(ev.evalAll(printCall[1]!).map((x) => str(x, true)).join(' ') + '\n');
        } else if (printCall || (printStmt && !v.py3)) {
          // Python 2's print statement: print (a, b) prints the tuple
          const src = printCall ? `(${printCall[1]})` : (printStmt![1] ?? '');
          const vals = ev.evalAll(src);
          out(vals.map((x) => str(x, false)).join(' ') + '\n');
        } else if (printStmt && v.py3) {
          const text = lines[n]!.trim();
          ctx.stderr.write(`  File "${file}", line ${line}\n    ${text}\n    ${'^'.repeat(text.length)}\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n`);
          return 1;
        } else {
          const assign = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$/.exec(stmt);
          if (assign) {
            const [val] = ev.evalAll(assign[2]!);
            ev.vars.set(assign[1]!, val as PyValue);
          } else if (stmt === 'pass') {
            // nothing
          } else {
            ev.evalAll(stmt);
          }
        }
      } catch (e) {
        if (e instanceof PyError) {
          ctx.stderr.write(traceback(v, file, line, showSource ? lines[n]! : null, e));
          return 1;
        }
        if (e instanceof Unsupported) return e;
        throw e;
      }
    }
  }
  return 0;
}

/** Statements of a line: split at semicolons outside strings, comments dropped. */
function splitStatements(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      cur += c;
      if (c === '\\') cur += line[++i] ?? '';
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") {
      q = c;
      cur += c;
    } else if (c === '#') break;
    else if (c === ';') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out.filter(Boolean);
}

// ---------------------------------------------------------------- the program

export const python: Program = async (ctx) => {
  const v = pythonVersion(ctx);
  const args = ctx.argv.slice(1);
  const arg0 = ctx.argv[0] ?? 'python';
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-') && args[i] !== '-') {
    const a = args[i]!;
    if (a === '-V' || a === '--version') {
      // Python 2 prints its version on stderr, Python 3 on stdout
      (v.py3 ? ctx.stdout : ctx.stderr).write(`Python ${v.full}\n`);
      return 0;
    }
    if (a === '-c') {
      const code = args[i + 1];
      if (code === undefined) {
        ctx.stderr.write(`Argument expected for the -c option\nusage: ${arg0} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`);
        return 2;
      }
      return finish(ctx, runStatements(ctx, v, code.split('\n'), '<string>', false));
    }
    if (a === '-u' || a === '-B' || a === '-O' || a === '-s' || a === '-E') {
      i++;
      continue;
    }
    if (a === '-m') {
      const mod = args[i + 1] ?? '';
      if (!installed(ctx, v, mod.split('.')[0]!)) {
        ctx.stderr.write(`${findCommand(ctx.fs, arg0, ctx.env) ?? arg0}: No module named ${mod}\n`);
        return 1;
      }
      if (mod === 'flask') return flaskCli(ctx, v, 'python -m flask', args.slice(i + 2));
      ctx.stderr.write(`Berth: python -m ${mod} is not simulated\n`);
      return 1;
    }
    ctx.stderr.write(`Unknown option: ${a}\nusage: ${arg0} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`);
    return 2;
  }
  const file = args[i];
  if (file === undefined || file === '-') {
    if (ctx.tty && file === undefined) {
      ctx.stderr.write('Berth: the interactive Python prompt is not simulated; use python -c or a script\n');
      return 1;
    }
    const code = await readAll(ctx.stdin);
    return finish(ctx, runStatements(ctx, v, code.split('\n'), '<stdin>', false));
  }
  const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
  const source = readText(ctx.fs, path);
  if (source === null) {
    const shown = v.py3 ? path.replace(/\/\.\//g, '/') : file;
    ctx.stderr.write(`${arg0}: can't open file '${shown}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  // Python 3.9+ shows the script's absolute path in tracebacks
  const shownFile = v.py3 ? path : file;
  const lines = source.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const mods = imports(lines[n]!);
    for (const m of mods ?? []) {
      if (!installed(ctx, v, m)) {
        ctx.stderr.write(traceback(v, shownFile, n + 1, lines[n]!, importError(v, m)));
        return 1;
      }
    }
  }
  // console scripts pip writes into bin/ (`#!/usr/local/bin/python3` ... `from flask.cli import main`)
  if (/^from flask\.cli import main$/m.test(source)) return flaskCli(ctx, v, basename(file), args.slice(i + 1));
  const app = parseFlask(ctx, v, source);
  if (app) {
    if (!app.port) return 0; // the app is defined but never run
    return runFlask(ctx, v, file, basename(file).replace(/\.py$/, ''), app);
  }
  return finish(ctx, runStatements(ctx, v, lines, shownFile, true));
};

function finish(ctx: ProcessContext, r: number | Unsupported): number {
  if (r instanceof Unsupported) {
    ctx.stderr.write(`Berth: this Python is beyond the simulator (it runs imports, assignments and print of simple expressions): ${r.what}\n`);
    return 1;
  }
  return r;
}
