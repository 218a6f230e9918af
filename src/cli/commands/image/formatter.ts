// docker/cli's formatter.Context (cli/command/formatter/formatter.go) as the
// image commands use it: `table` formats get a header row and tabwriter
// columns, `json` is {{json .}}, `\t` and `\n` typed literally are turned
// into a tab and a newline, and an error in any row prints nothing at all.
import { CliError } from '../../command.ts';
import {
  GO_TYPE,
  TemplateError,
  goJson,
  headerFuncs,
  parseTemplate,
  tabwrite,
  type Template,
  type TemplateFunc,
} from '../../format/index.ts';

/** What docker's MarshalJSON (cli/command/formatter/reflect.go) would encode for a row. */
export const MARSHAL: unique symbol = Symbol('berth.marshalJSON');

interface Marshaler {
  [MARSHAL]?: () => Record<string, unknown>;
}

/**
 * The template functions of a row run: `json` of a formatter context is its
 * MarshalJSON, a map of its methods encoded by json.Marshal (sorted keys,
 * HTML escaped: "<none>" becomes "\u003cnone\u003e").
 */
const rowFuncs: Record<string, TemplateFunc> = {
  json: {
    params: ['any'],
    fn: ([v]) => {
      const m = v !== null && typeof v === 'object' ? (v as Marshaler)[MARSHAL] : undefined;
      if (m) {
        const obj = m.call(v);
        const sorted: Record<string, unknown> = {};
        for (const k of Object.keys(obj).sort()) sorted[k] = obj[k];
        return goJson(sorted, { escapeHTML: true });
      }
      return goJson(v);
    },
  },
};

/** Gives a row object its Go type name (for error messages) and its MarshalJSON. */
export function formatterRow<T extends object>(row: T, goType: string): T {
  Object.defineProperty(row, GO_TYPE, { value: goType, enumerable: false });
  Object.defineProperty(row, MARSHAL, {
    value: () => ({ ...row }),
    enumerable: false,
  });
  return row;
}

/** Parses a --format template as docker/cli does, with its error text. */
export function parseFormat(text: string): Template {
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 1);
    throw e;
  }
}

/** Context.preFormat: the template text a Format runs. */
function finalFormat(format: string): { text: string; table: boolean } {
  let text = format;
  const table = format.startsWith('table');
  if (table) text = text.slice('table'.length);
  else if (format === 'json') text = '{{json .}}';
  text = text.replace(/^ +| +$/g, '');
  text = text.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { text, table };
}

/**
 * Context.Write: renders the rows (and, for a table, the header row executed
 * over `header` with the header functions). Throws CliError on a parse or
 * execution error, before anything is printed.
 */
export function writeFormatted(format: string, rows: object[], header: Record<string, string>): string {
  const { text, table } = finalFormat(format);
  const tmpl = parseFormat(text);
  let body = '';
  for (const row of rows) {
    try {
      body += tmpl.execute(row, { numbers: 'int', funcs: rowFuncs }) + '\n';
    } catch (e) {
      if (e instanceof TemplateError) throw new CliError(`template parsing error: ${e.message}`, 1);
      throw e;
    }
  }
  if (!table) return body;
  let head = '';
  try {
    head = tmpl.execute({ ...header }, { numbers: 'int', funcs: headerFuncs });
  } catch (e) {
    // docker ignores the header's execution errors
    if (!(e instanceof TemplateError)) throw e;
  }
  return tabwrite(head + '\n' + body);
}
