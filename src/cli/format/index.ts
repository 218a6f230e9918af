// Docker's output formatting, reproduced from its Go sources: text/template
// for --format, text/tabwriter for tables, go-units for sizes and
// durations, encoding/json for inspect, and Go's fmt for printing values.

export {
  parseTemplate,
  executeTemplate,
  TemplateError,
  headerFuncs,
  type Template,
  type TemplateFunc,
  type ParamType,
  type ParseOptions,
  type ExecOptions,
} from './template.ts';
export { GO_TYPE, GO_STRING, GoNumber, GoNil, goInt, goFloat, typedNil, type NumberMode } from './govalue.ts';
export { formatValue, sprint, sprintf, sprintln } from './gofmt.ts';
export { TabWriter, tabwrite, dockerTable, displayWidth, DOCKER_TABLE, type TabWriterOptions } from './tabwriter.ts';
export { ALIGN_RIGHT, DISCARD_EMPTY_COLUMNS, TAB_INDENT, DEBUG } from './tabwriter.ts';
export {
  humanSize,
  humanSizeWithPrecision,
  bytesSize,
  humanDuration,
  ago,
  formatGoTime,
  formatRFC3339Nano,
  formatRFC3339,
  GO_ZERO_TIME_MS,
} from './units.ts';
export { goJson, goJsonIndent, inspectOutput, quoteJson, JsonError, type JsonOptions } from './json.ts';
export { formatFloat, quote } from './strconv.ts';
