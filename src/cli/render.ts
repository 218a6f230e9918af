// Lists as docker/cli prints them (cli/command/formatter): a `--format`
// Go template, `table` for aligned columns with a header row, `json` for one
// JSON object per line.
import type { CliContext } from './command.ts';
import { CliError } from './command.ts';
import { DaemonError } from '../engine/errors/errors.ts';
import { headerFuncs, parseTemplate, tabwrite, TemplateError, type Template } from './format/index.ts';
import { goJson } from './format/index.ts';

/** Context.parseFormat. */
function parse(text: string): Template {
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 1);
    throw e;
  }
}

/**
 * docker/cli's formatter.Context.Write: renders rows with a Format (what a
 * command's NewXFormat chose: "table ..." for aligned columns under a header
 * row, "json", or a template). Context.preFormat drops "table", trims
 * spaces and turns the two-character escapes \t and \n into tab and
 * newline. Parse and execution errors alike read "template parsing error:";
 * an error in the header row is ignored (its output is discarded).
 */
export function renderList(format: string, rows: object[], headers: Record<string, string>): string {
  const isTable = format.startsWith('table');
  let body = isTable ? format.slice('table'.length) : format === 'json' ? '{{json .}}' : format;
  body = body.replace(/^ +| +$/g, '').replace(/\\[tn]/g, (e) => (e === '\\t' ? '\t' : '\n'));
  const tmpl = parse(body);
  const lines: string[] = [];
  // A format that only names fields (every default table) reads them directly
  // rather than through the interpreter: the same output, several times faster.
  const fields = plainFields(body);
  try {
    for (const r of rows) lines.push((fields && directRow(r, fields)) ?? tmpl.execute(r, { numbers: 'int' }));
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 1);
    throw e;
  }
  const text = lines.map((l) => l + '\n').join('');
  if (!isTable) return text;
  let header = '';
  try {
    header = tmpl.execute(headerRow(headers), { numbers: 'int', funcs: headerFuncs });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
  }
  return tabwrite(header + '\n' + text);
}

/** The header row: each field reads as its column header (docker's header context). */
function headerRow(headers: Record<string, string>): object {
  return { ...headers };
}

export function json(value: unknown): string {
  return goJson(value);
}

/** docker/cli's "Error response from daemon: ..." for an engine error. */
export function daemonMessage(e: DaemonError): string {
  return `Error response from daemon: ${e.message}`;
}

/** Runs `fn` for each argument; errors are printed as docker does and make the status 1. */
export async function eachArg(
  ctx: CliContext,
  args: string[],
  fn: (arg: string) => Promise<string | undefined> | string | undefined,
): Promise<number> {
  const errors: string[] = [];
  for (const a of args) {
    try {
      const out = await fn(a);
      if (out !== undefined) ctx.stdout.write(out + '\n');
    } catch (e) {
      if (e instanceof DaemonError) errors.push(daemonMessage(e));
      else throw e;
    }
  }
  if (errors.length > 0) {
    ctx.stderr.write(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}

/** The field names of a format made only of `{{.Field}}` actions and literal text between them, else undefined. */
function plainFields(body: string): Array<string | { field: string }> | undefined {
  const parts: Array<string | { field: string }> = [];
  const re = /\{\{\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    parts.push(body.slice(at, m.index), { field: m[1]! });
    at = m.index + m[0].length;
  }
  parts.push(body.slice(at));
  return parts.some((p) => typeof p === 'string' && p.includes('{{')) ? undefined : parts;
}

/** A row rendered from plain fields, or undefined when a value is not a string (the interpreter prints those). */
function directRow(row: object, parts: Array<string | { field: string }>): string | undefined {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else {
      const v = (row as Record<string, unknown>)[p.field];
      if (typeof v !== 'string') return undefined;
      out += v;
    }
  }
  return out;
}
