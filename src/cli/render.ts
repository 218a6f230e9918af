// Lists as docker/cli prints them (cli/command/formatter): a `--format`
// Go template, `table` for aligned columns with a header row, `json` for one
// JSON object per line, and each command's default table.
import type { CliContext } from './command.ts';
import { CliError } from './command.ts';
import { DaemonError } from '../engine/errors/errors.ts';
import { headerFuncs, parseTemplate, tabwrite, TemplateError, type Template } from './format/index.ts';
import { goJson } from './format/index.ts';

export interface ListFormat {
  /** The command's default table format, e.g. `table {{.ID}}\t{{.Image}}`. */
  defaultTable: string;
  /** Header text per field name (`ID` → `CONTAINER ID`). */
  headers: Record<string, string>;
  /** The format `--quiet` uses, e.g. `{{.ID}}`. */
  quiet?: string;
}

/** Resolves `--format` (and `--quiet`) to the template text docker/cli would use. */
export function formatText(format: string | undefined, quiet: boolean, list: ListFormat): string {
  if (quiet && list.quiet) return list.quiet;
  if (!format || format === 'table') return list.defaultTable;
  if (format === 'json') return '{{json .}}';
  // docker/cli turns the two-character escapes \t and \n into tab and newline
  return format.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

function parse(text: string): Template {
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 1);
    throw e;
  }
}

/** Renders rows; a `table` format gets its header row and column alignment. */
export function renderList(text: string, rows: object[], headers: Record<string, string>): string {
  const isTable = text.startsWith('table');
  const body = isTable ? text.replace(/^table\s?/, '') : text;
  const tmpl = parse(body);
  const lines: string[] = [];
  try {
    if (isTable) lines.push(tmpl.execute(headerRow(headers), { numbers: 'int', funcs: headerFuncs }));
    for (const r of rows) lines.push(tmpl.execute(r, { numbers: 'int' }));
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`failed to execute template: ${e.message}`, 1);
    throw e;
  }
  if (!isTable) return lines.map((l) => l + '\n').join('');
  return tabwrite(lines.map((l) => l + '\n').join(''));
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
