import { describe, expect, it } from 'vitest';
import {
  GO_TYPE,
  TemplateError,
  executeTemplate,
  goInt,
  headerFuncs,
  parseTemplate,
  typedNil,
  type ExecOptions,
} from './template.ts';

const run = (text: string, data?: unknown, options?: ExecOptions): string => executeTemplate(text, data, options);

/** The error text a template gives (parse or execution). */
function errorOf(text: string, data?: unknown, options?: ExecOptions): string {
  try {
    run(text, data, options);
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
  throw new Error(`no error from ${text}`);
}

describe('fields, dot and variables', () => {
  const data = { Name: 'web', State: { Status: 'running', Health: { Status: 'healthy' } }, Tags: ['a', 'b'] };

  it('reads fields, nested fields, dot and $', () => {
    expect(run('{{.Name}}', data)).toBe('web');
    expect(run('{{.State.Health.Status}}', data)).toBe('healthy');
    expect(run('{{.}}', 'plain')).toBe('plain');
    expect(run('{{with .State}}{{.Status}} of {{$.Name}}{{end}}', data)).toBe('running of web');
    expect(run('{{.Tags}}', data)).toBe('[a b]');
  });

  it('declares and assigns variables, scoped to the enclosing block', () => {
    expect(run('{{$x := .Name}}{{$x}}', data)).toBe('web');
    expect(run('{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}', data)).toBe('2');
    expect(run('{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}', data)).toBe('21');
    expect(run('{{$s := .State}}{{$s.Health.Status}}', data)).toBe('healthy');
  });

  it('pipes values into the last argument and evaluates parentheses', () => {
    expect(run('{{.Name | upper}}', data)).toBe('WEB');
    expect(run('{{.Name | printf "%s-%s" "x"}}', data)).toBe('x-web');
    expect(run('{{printf "%s:%s" (.Name | upper) (index .Tags 1)}}', data)).toBe('WEB:b');
    expect(run('{{(index .Tags 0) | len}}', data)).toBe('1');
    expect(run('{{(.State).Health.Status}}', data)).toBe('healthy');
  });

  it('reads getters and calls methods of class instances', () => {
    class Ctx {
      constructor(private readonly labels: Record<string, string>) {}
      get ID(): string {
        return '3f4e8b2c1a9d';
      }
      Label(name: string): string {
        return this.labels[name] ?? '';
      }
    }
    const c = new Ctx({ 'com.example.app': 'shop' });
    expect(run('{{.ID}} {{.Label "com.example.app"}} [{{.Label "nope"}}]', c)).toBe('3f4e8b2c1a9d shop []');
    expect(run('{{"com.example.app" | .Label}}', c)).toBe('shop');
  });

  it('reads Map entries', () => {
    expect(run('{{.L.a}} {{index .L "b"}}', { L: new Map([['a', '1'], ['b', '2']]) })).toBe('1 2');
  });
});

describe('printing values', () => {
  it('prints <no value> for a missing key and <nil> for nil', () => {
    expect(run('{{.Missing}}', {})).toBe('<no value>');
    expect(run('{{.Missing.Deeper}}', {})).toBe('<no value>');
    expect(run('{{.}}', null)).toBe('<no value>');
    expect(run('{{.Gone}}', { [GO_TYPE]: 'types.Thing', Gone: null })).toBe('<nil>');
    expect(run('{{.Health}}', { [GO_TYPE]: 'types.ContainerState', Health: typedNil('*container.Health') })).toBe(
      '<nil>',
    );
  });

  it('prints a JSON null inside a map as <no value>, as Go does for a nil interface', () => {
    expect(run('{{.Health}}', { Health: null })).toBe('<no value>');
    expect(run('{{index . "Health"}}', { Health: null })).toBe('<no value>');
    expect(run('{{range .}}[{{.}}]{{end}}', ['a', null])).toBe('[a][<no value>]');
    expect(run('{{.}}', ['a', null])).toBe('[a <nil>]');
  });

  it('prints maps with sorted keys and slices with spaces', () => {
    expect(run('{{.Labels}}', { Labels: { 'com.b': 'y', 'com.a': 'x' } })).toBe('map[com.a:x com.b:y]');
    expect(run('{{.Empty}} {{.None}}', { Empty: [], None: {} })).toBe('[] map[]');
  });

  it('prints data numbers as float64 (JSON-decoded) unless told they are ints', () => {
    const img = { Size: 4261550, Small: 137, Ratio: 0.5, Huge: 1980000 };
    expect(run('{{.Size}} {{.Small}} {{.Ratio}} {{.Huge}}', img)).toBe('4.26155e+06 137 0.5 1.98e+06');
    expect(run('{{.Size}} {{.Small}} {{.Ratio}} {{.Huge}}', img, { numbers: 'int' })).toBe('4261550 137 0.5 1980000');
    expect(run('{{.Sizes}}', { Sizes: [1e6, 2] })).toBe('[1e+06 2]');
    expect(run('{{.Sizes}}', { Sizes: [1e6, 2] }, { numbers: 'int' })).toBe('[1000000 2]');
  });

  it('prints literals by their Go type', () => {
    expect(run('{{1}} {{1.5}} {{1e3}} {{1000000.0}} {{-3}} {{0x1F}} {{0b101}} {{0o17}} {{017}} {{1_000}}')).toBe(
      '1 1.5 1000 1e+06 -3 31 5 15 15 1000',
    );
    expect(run("{{'a'}} {{printf \"%c\" 'a'}} {{printf \"%T %T %T\" 1e3 0xef 'x'}}")).toBe('97 a float64 int int');
    expect(run('{{true}} {{false}} {{"s\\tq"}} {{`raw\\n`}}')).toBe('true false s\tq raw\\n');
  });
});

describe('if, else, with and range', () => {
  it('branches on Go truth', () => {
    const t = '{{if .}}yes{{else}}no{{end}}';
    expect([0, 1, '', 'x', [], [0], {}, { a: 1 }, null, true, false].map((v) => run(t, v)).join(' ')).toBe(
      'no yes no yes no yes no yes no yes no',
    );
    expect(run('{{if .Missing}}yes{{else}}no{{end}}', {})).toBe('no');
  });

  it('chains else if and else with', () => {
    const t = '{{if eq . "a"}}A{{else if eq . "b"}}B{{else}}other{{end}}';
    expect(['a', 'b', 'c'].map((v) => run(t, v)).join(',')).toBe('A,B,other');
    expect(run('{{with .X}}x={{.}}{{else with .Y}}y={{.}}{{else}}none{{end}}', { Y: 2 })).toBe('y=2');
    expect(run('{{with .X}}{{.}}{{else}}empty{{end}}', { X: '' })).toBe('empty');
  });

  it('ranges over slices, with index and element variables, and else', () => {
    expect(run('{{range .}}-{{.}}-{{end}}', ['a', 'b'])).toBe('-a--b-');
    expect(run('{{range $i, $v := .}}{{$i}}={{$v}} {{end}}', ['a', 'b'])).toBe('0=a 1=b ');
    expect(run('{{range $v := .}}<{{$v}}>{{end}}', ['a', 'b'])).toBe('<a><b>');
    expect(run('{{range .}}x{{else}}empty{{end}}', [])).toBe('empty');
    expect(run('{{range .Missing}}x{{else}}empty{{end}}', {})).toBe('empty');
    expect(run('{{range .}}x{{else}}empty{{end}}', { [GO_TYPE]: 'types.T', L: null }.L)).toBe('empty');
  });

  it('ranges over maps in sorted key order', () => {
    const labels = { 'com.docker.compose.service': 'web', 'com.docker.compose.project': 'shop', 'a.b': 'c' };
    expect(run('{{range $k, $v := .}}{{$k}}={{$v}};{{end}}', labels)).toBe(
      'a.b=c;com.docker.compose.project=shop;com.docker.compose.service=web;',
    );
    expect(run('{{range .}}{{.}},{{end}}', { two: 2, one: 1, three: 3 })).toBe('1,3,2,');
  });

  it('supports break, continue and ranging over an integer', () => {
    expect(run('{{range .}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}', ['a', 'b', 'c'])).toBe('a');
    expect(run('{{range .}}{{if eq . "b"}}{{continue}}{{end}}{{.}}{{end}}', ['a', 'b', 'c'])).toBe('ac');
    expect(run('{{range 3}}{{.}}{{end}}')).toBe('012');
    expect(run('{{range $i := 2}}[{{$i}}]{{end}}')).toBe('[0][1]');
  });

  it('keeps range variables in the loop', () => {
    expect(run('{{range $x := .}}<{{$foo := $x}}{{$x}}>{{end}}', ['a', 'b'])).toBe('<a><b>');
  });
});

describe('whitespace and comments', () => {
  it('trims around {{- and -}}', () => {
    expect(run('x \r\n\t{{- 3}}')).toBe('x3');
    expect(run('{{3 -}}\n\n\ty')).toBe('3y');
    expect(run('x\n{{-  3   -}}\ny')).toBe('x3y');
    expect(run('{{- range .}}\n  {{.}}\n{{- end}}\n', ['a', 'b'])).toBe('\n  a\n  b\n');
    expect(run('{{-3}}')).toBe('-3'); // a minus without a space is a number
  });

  it('drops comments', () => {
    expect(run('a{{/* note */}}b')).toBe('ab');
    expect(run('a {{- /* note */ -}} b')).toBe('ab');
    expect(run('{{/*\nmulti\nline\n*/}}x')).toBe('x');
  });

  it('allows newlines inside actions', () => {
    expect(run('{{ $x \n := \n "v" \n }}{{$x}}')).toBe('v');
  });
});

describe('builtin functions', () => {
  it('and, or, not return Go values', () => {
    expect(run('{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}')).toBe('false 0 0 1');
    expect(run('{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}')).toBe('0 1 true 1');
    expect(run('{{not true}} {{not false}} {{not ""}}')).toBe('false true true');
    expect(run('{{or .Missing "default"}}', {})).toBe('default');
    expect(run('{{and .Missing .Missing.X}}', {})).toBe('<no value>'); // stops before the second
  });

  it('compares basic values', () => {
    const cmp = (expr: string): string => run(`{{if ${expr}}}T{{else}}F{{end}}`, { Three: 3, Four: 4 }, { numbers: 'int' });
    expect(['eq 1 1', 'eq 1 2', 'eq 3 4 5 3', 'ne "a" "b"', 'lt 1.5 2.5', 'le 2 2', 'gt "b" "a"', 'ge 1 2'].map(cmp)).toEqual(
      ['T', 'F', 'T', 'T', 'T', 'T', 'T', 'F'],
    );
    expect(cmp('lt .Three .Four')).toBe('T');
    expect(cmp('eq (index "x" 0) \'x\'')).toBe('T');
    expect(run('{{eq .Missing "x"}} {{eq .Missing nil}}', {})).toBe('false true');
  });

  it('len, index and slice', () => {
    expect(run('{{len .}}', ['a', 'b', 'c'])).toBe('3');
    expect(run('{{len .}}', 'héllo')).toBe('6'); // bytes
    expect(run('{{len .}}', { a: 1, b: 2 })).toBe('2');
    expect(run('{{index . 1}}', ['a', 'b'])).toBe('b');
    expect(run('{{index . "k"}}', { k: 'v' })).toBe('v');
    expect(run('{{index . "nope"}}', { k: 'v' })).toBe('<no value>');
    expect(run('{{index . "nope"}}', { [GO_TYPE]: 'map[string]string', k: 'v' })).toBe('');
    expect(run('{{index .M "a" 1}}', { M: { a: ['x', 'y'] } })).toBe('y');
    expect(run('{{index "abc" 1}}')).toBe('98');
    expect(run('{{slice . 1 3}}', ['a', 'b', 'c', 'd'])).toBe('[b c]');
    expect(run('{{slice . 1}} {{slice . 0 2}} {{slice .}}', 'hello')).toBe('ello he hello');
  });

  it('print, printf and println', () => {
    expect(run('{{print "a" 1 2 "b"}}')).toBe('a1 2b');
    expect(run('{{print nil}}')).toBe('<nil>');
    expect(run('{{println 1 2 3}}')).toBe('1 2 3\n');
    expect(run('{{printf "%04x" 127}}')).toBe('007f');
    expect(run('{{printf "%-10s|%5d|%.2f|%q|%v%%" "name" 42 3.14159 "q" true}}')).toBe('name      |   42|3.14|"q"|true%');
    expect(run('{{printf "%d" .Size}}', { Size: 4261550 })).toBe('%!d(float64=4.26155e+06)');
    expect(run('{{printf "%d" .Size}}', { Size: 4261550 }, { numbers: 'int' })).toBe('4261550');
    expect(run('{{printf "%s" .Missing}} {{.Missing | printf "%v"}}', {})).toBe('%!s(<nil>) <nil>');
    expect(run('{{"x" | printf}}')).toBe('x');
  });

  it('html, js and urlquery', () => {
    expect(run('{{html "<script>alert(\\"XSS\\");</script>"}}')).toBe('&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;');
    expect(run('{{js .}}', "It'd be nice.")).toBe("It\\'d be nice.");
    expect(run('{{js "<a href=x>"}}')).toBe('\\u003Ca href\\u003Dx\\u003E');
    expect(run('{{"http://www.example.org/"|urlquery}}')).toBe('http%3A%2F%2Fwww.example.org%2F');
    expect(run('{{urlquery "a b&c"}}')).toBe('a+b%26c');
    expect(run('{{html .Missing}}', {})).toBe('&lt;no value&gt;');
  });

  it('call', () => {
    expect(run('{{call .F "a" "b"}}', { F: (a: string, b: string) => a + '+' + b })).toBe('a+b');
  });
});

describe("Docker's template functions", () => {
  it('json: Go encoding, no HTML escaping, key order kept', () => {
    const c = { Id: 'abc', Cmd: ['sh', '-c', 'echo a > b && cat <b'], Labels: {}, Mounts: [] as unknown[] };
    expect(run('{{json .}}', c)).toBe('{"Id":"abc","Cmd":["sh","-c","echo a > b && cat <b"],"Labels":{},"Mounts":[]}');
    expect(run('{{json .Missing}} {{json .Size}}', { Size: 5 })).toBe('null 5');
    expect(run('{{json .Name}}', { Name: 'web' })).toBe('"web"');
  });

  it('join, split, title, lower, upper', () => {
    expect(run('{{join .Env ","}}', { Env: ['A=1', 'B=2'] })).toBe('A=1,B=2');
    expect(run('{{split .Image ":"}}', { Image: 'nginx:latest' })).toBe('[nginx latest]');
    expect(run('{{index (split .Image ":") 0}}', { Image: 'nginx:latest' })).toBe('nginx');
    expect(run('{{join (split "a-b-c" "-") "+"}}')).toBe('a+b+c');
    expect(run('{{title "hello wide world"}} {{lower "ABC"}} {{upper "abc"}}')).toBe('Hello Wide World abc ABC');
    expect(run('{{title "o\'neil x-ray"}}')).toBe("O'Neil X-Ray");
    expect(run('{{upper "straße"}} {{lower "ΟΔΟΣ"}}')).toBe('STRAßE οδοσ'); // rune by rune, as Go
  });

  it('pad and truncate', () => {
    expect(run('[{{pad .A 2 3}}][{{pad .B 2 3}}]', { A: 'x', B: '' })).toBe('[  x   ][]');
    expect(run('{{truncate .ID 12}}', { ID: '70486ea65d72bc1ea4c6e5b7a8d9e0f1' })).toBe('70486ea65d72');
    expect(run('{{truncate "short" 12}}')).toBe('short');
  });

  it('headerFuncs keep a table header intact', () => {
    const t = parseTemplate('{{.ID}}\t{{.Names | upper}}\t{{join .Networks ","}}\t{{truncate .Image 5}}');
    const header = { ID: 'CONTAINER ID', Names: 'NAMES', Networks: 'NETWORKS', Image: 'IMAGE' };
    expect(t.execute(header, { funcs: headerFuncs })).toBe('CONTAINER ID\tNAMES\tNETWORKS\tIMAGE');
    expect(t.execute({ ID: 'abc', Names: 'web', Networks: ['bridge', 'front'], Image: 'nginx:latest' })).toBe(
      'abc\tWEB\tbridge,front\tnginx',
    );
  });
});

describe('templates', () => {
  it('defines and calls templates, and block', () => {
    expect(run('{{define "t"}}[{{.}}]{{end}}{{template "t" .Name}}', { Name: 'x' })).toBe('[x]');
    expect(run('a{{block "inner" .}}b{{.}}c{{end}}d', 'X')).toBe('abXcd');
  });
});

describe('parse errors read as Go reports them', () => {
  it.each([
    ['{{foo}}', 'template: :1: function "foo" not defined'],
    ['{{if .X}}', 'template: :1: unexpected EOF'],
    ['{{range .X}}{{else}}', 'template: :1: unexpected EOF'],
    ['{{.X', 'template: :1: unclosed action'],
    ['line1\n{{', 'template: :2: unclosed action'],
    ['line1\n{{"x"\n"y"\n', 'template: :4: unclosed action started at :2'],
    ['{{\n\n\n\n\n', 'template: :6: unclosed action started at :1'],
    ['line1\n{{\nx\n}}', 'template: :3: function "x" not defined'],
    ['{{/*}}', 'template: :1: unclosed comment'],
    ['{{/* x */ }}', 'template: :1: comment ends before closing delimiter'],
    ['{{.X (1 2 3}}', 'template: :1: unclosed left paren'],
    ['{{.X 1 2 3 ) }}', 'template: :1: unexpected right paren'],
    ['{{(.X 1 2 3', 'template: :1: unclosed action'],
    ['{{`x`3}}', 'template: :1: unexpected "3" in operand'],
    ['{{a#}}', "template: :1: bad character U+0023 '#'"],
    ['{{.X}', "template: :1: bad character U+007D '}'"],
    ["{{'a}}", 'template: :1: unterminated character constant'],
    ['{{"a}}', 'template: :1: unterminated quoted string'],
    ['{{`a}}', 'template: :1: unterminated raw quoted string'],
    ['hello\n\n{{`unterminated\n\n\n\n}}\n some more\n\n', 'template: :3: unterminated raw quoted string'],
    ['{{0xi}}', 'template: :1: illegal number syntax: "0xi"'],
    ['{{3k}}', 'template: :1: bad number syntax: "3k"'],
    ['{{define "a"}}a{{end}}{{define "a"}}b{{end}}', 'template: :1: template: multiple definition of template "a"'],
    ['{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}', 'template: :1: unexpected ":=" in operand'],
    ['{{$a,$b,$c := 23}}', 'template: :1: too many declarations in command'],
    ['{{with $v, $u := 3}}{{end}}', 'template: :1: too many declarations in with'],
    ['{{$a}}', 'template: :1: undefined variable "$a"'],
    ['{{with $x := 4}}{{end}}{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{true.any}}', 'template: :1: unexpected . after term "true"'],
    ['{{12|false}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{.|printf|"error"}}', 'template: :1: non executable command in pipeline stage 3'],
    ['{{ ( ) }}', 'template: :1: missing value for parenthesized pipeline'],
    ['{{ $v := `\n` }} {{', 'template: :2: unclosed action'],
    ['{{range $k}}{{end}}', 'template: :1: undefined variable "$k"'],
    ['{{range $k,}}{{end}}', 'template: :1: missing value for range'],
    ['{{range $k, .}}{{end}}', 'template: :1: range can only initialize variables'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{if .X}}1{{else}}2{{else}}3{{end}}', 'template: :1: expected end; found {{else}}'],
    ['{{range .}}{{end}} {{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{range .}}{{else}}{{continue}}{{end}}', 'template: :1: {{continue}} outside {{range}}'],
    ['{{printf 3, 4}}', 'template: :1: unexpected "," in operand'],
    ['{{template .X}}', 'template: :1: unexpected ".X" in template clause'],
    ['{{| .X}}', 'template: :1: unexpected "|" in command'],
    ['{{.X ~}}', 'template: :1: unexpected "~" in operand'],
    ['{{.X →}}', "template: :1: unrecognized character in action: U+2192 '→'"],
    ['{{printf "%d" .X | json }}\n{{.Y | bogus}}', 'template: :2: function "bogus" not defined'],
    ['{{"\\q"}}', 'template: :1: invalid syntax'],
    ["{{'xx'}}", 'template: :1: malformed character constant: \'xx\''],
    ['{{99999999999999999999}}', 'template: :1: integer overflow: "99999999999999999999"'],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('marks parse errors and gives the Docker wording', () => {
    try {
      parseTemplate('{{foo}}');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).kind).toBe('parse');
      expect((e as TemplateError).dockerMessage).toBe('template parsing error: template: :1: function "foo" not defined');
    }
  });
});

describe('execution errors read as Go reports them', () => {
  const ctx = { [GO_TYPE]: '*formatter.ContainerContext', ID: 'abc', Names: 'web' };

  it('names the struct type for an unknown field (docker ps --format)', () => {
    expect(errorOf('{{.Foo}}', ctx)).toBe(
      'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(errorOf('{{.ID}} {{.Names.First}}', ctx)).toBe(
      'template: :1:16: executing "" at <.Names.First>: can\'t evaluate field First in type string',
    );
    expect(errorOf('{{.X.Y}}', 0, { numbers: 'int' })).toBe(
      'template: :1:4: executing "" at <.X.Y>: can\'t evaluate field X in type int', // a chain sits at its second field
    );
  });

  it('follows docker inspect: a typed nil pointer, then the raw JSON with missingkey=error', () => {
    const typed = { [GO_TYPE]: 'types.ContainerJSON', State: { [GO_TYPE]: '*container.State', Health: typedNil('*container.Health') } };
    expect(errorOf('{{.State.Health.Status}}', typed)).toBe(
      'template: :1:8: executing "" at <.State.Health.Status>: nil pointer evaluating *container.Health.Status',
    );
    const raw = { State: { Status: 'running' } };
    expect(errorOf('{{.State.Health.Status}}', raw, { missingKey: 'error' })).toBe(
      'template: :1:8: executing "" at <.State.Health.Status>: map has no entry for key "Health"',
    );
    expect(run('{{.State.Health.Status}}', raw)).toBe('<no value>');
  });

  it('missingkey options', () => {
    const m = { [GO_TYPE]: 'map[string]int', x: 99 };
    expect(run('{{.x}} {{.y}}', m)).toBe('99 <no value>');
    expect(run('{{.x}} {{.y}}', m, { missingKey: 'zero' })).toBe('99 0');
    expect(errorOf('{{.x}} {{.y}}', m, { missingKey: 'error' })).toBe(
      'template: :1:9: executing "" at <.y>: map has no entry for key "y"',
    );
    expect(errorOf('{{.x}}', undefined, { missingKey: 'error' })).toBe(
      'template: :1:2: executing "" at <.x>: nil data; no entry for key "x"',
    );
  });

  it('reports function failures with the command', () => {
    expect(errorOf('{{index .Names 5}}', { Names: ['a'] })).toBe(
      'template: :1:2: executing "" at <index .Names 5>: error calling index: index out of range: 5',
    );
    expect(errorOf('{{index .Names 1}}', { Names: ['a'] })).toBe(
      'template: :1:2: executing "" at <index .Names 1>: error calling index: reflect: slice index out of range',
    );
    expect(errorOf('{{index .Names .I}}', { Names: ['a'], I: 0 })).toBe(
      'template: :1:2: executing "" at <index .Names .I>: error calling index: cannot index slice/array with type float64',
    );
    expect(run('{{index .Names .I}}', { Names: ['a'], I: 0 }, { numbers: 'int' })).toBe('a');
    expect(errorOf('{{index . "a"}}', ['a'])).toBe(
      'template: :1:2: executing "" at <index . "a">: error calling index: cannot index slice/array with type string',
    );
    expect(errorOf('{{index . 1}}', { a: 1 })).toBe(
      'template: :1:2: executing "" at <index . 1>: error calling index: value has type int; should be string',
    );
    expect(errorOf('{{index .Missing 1}}', {})).toBe(
      'template: :1:2: executing "" at <index .Missing 1>: error calling index: index of untyped nil',
    );
    expect(errorOf('{{len 3}}')).toBe('template: :1:2: executing "" at <len 3>: error calling len: len of type int');
    expect(errorOf('{{len .Missing}}', {})).toBe(
      'template: :1:2: executing "" at <len .Missing>: error calling len: reflect: call of reflect.Value.Type on zero Value',
    );
    expect(errorOf('{{eq .State.ExitCode 0}}', { State: { ExitCode: 0 } })).toBe(
      'template: :1:2: executing "" at <eq .State.ExitCode 0>: error calling eq: incompatible types for comparison: float64 and int',
    );
    expect(run('{{eq .State.ExitCode 0}}', { State: { ExitCode: 0 } }, { numbers: 'int' })).toBe('true');
    expect(errorOf('{{eq "xy" 1}}')).toBe(
      'template: :1:2: executing "" at <eq "xy" 1>: error calling eq: incompatible types for comparison: string and int',
    );
    expect(errorOf('{{lt true true}}')).toBe(
      'template: :1:2: executing "" at <lt true true>: error calling lt: invalid type for comparison',
    );
    expect(errorOf('{{json .}}', { X: NaN })).toBe(
      'template: :1:2: executing "" at <json .>: error calling json: json: unsupported value: NaN',
    );
  });

  it('checks argument counts and types', () => {
    expect(errorOf('{{join .Env}}', { Env: [] })).toBe(
      'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1',
    );
    expect(errorOf('{{printf}}')).toBe(
      'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0',
    );
    expect(errorOf('{{.Names | join ","}}', { Names: ['a'] })).toBe(
      'template: :1:16: executing "" at <",">: can\'t handle "," for arg of type []string',
    );
    expect(errorOf('{{join .Mixed ","}}', { Mixed: ['a', 1] })).toBe(
      'template: :1:7: executing "" at <.Mixed>: wrong type for value; expected []string; got []interface {}',
    );
    expect(errorOf('{{upper 3}}')).toBe('template: :1:8: executing "" at <3>: expected string; found 3');
    expect(errorOf('{{pad .Name .N 2}}', { Name: 'x', N: 1 })).toBe(
      'template: :1:12: executing "" at <.N>: wrong type for value; expected int; got float64',
    );
    expect(run('{{pad .Name .N 2}}', { Name: 'x', N: 1 }, { numbers: 'int' })).toBe(' x  ');
    expect(errorOf('{{true|printf}}')).toBe(
      'template: :1:7: executing "" at <printf>: wrong type for value; expected string; got bool',
    );
    expect(errorOf('{{upper .Missing}}', {})).toBe('template: :1:8: executing "" at <.Missing>: invalid value; expected string');
  });

  it('rejects arguments to non-functions', () => {
    expect(errorOf('{{3 2}}')).toBe('template: :1:2: executing "" at <3>: can\'t give argument to non-function 3');
    expect(errorOf('{{$x := 1}}{{3 | $x}}')).toBe(
      'template: :1:17: executing "" at <$x>: can\'t give argument to non-function $x',
    );
    expect(errorOf('{{.Names "x"}}', ctx)).toBe(
      'template: :1:2: executing "" at <.Names>: Names has arguments but cannot be invoked as function',
    );
    expect(errorOf('{{.Name "x"}}', { Name: 'n' })).toBe(
      'template: :1:2: executing "" at <.Name>: Name is not a method but has arguments',
    );
    expect(errorOf('{{nil}}')).toBe('template: :1:2: executing "" at <nil>: nil is not a command');
  });

  it('method arity', () => {
    const c = { [GO_TYPE]: '*formatter.ContainerContext', Label: (name: string) => name };
    expect(errorOf('{{.Label}}', c)).toBe('template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0');
    const failing = { [GO_TYPE]: 'T', Fail: () => { throw new Error('boom'); } };
    expect(errorOf('{{.Fail}}', failing)).toBe('template: :1:2: executing "" at <.Fail>: error calling Fail: boom');
    // in a plain map a function is a value, which cannot be printed
    expect(errorOf('{{.F}}', { F: () => 1 })).toBe('template: :1:2: executing "" at <{{.F}}>: can\'t print {{.F}} of type func()');
  });

  it('nil handling', () => {
    expect(errorOf('{{.Health.Status}}', { Health: null })).toBe(
      'template: :1:9: executing "" at <.Health.Status>: nil pointer evaluating interface {}.Status',
    );
    expect(errorOf('{{range .}}{{end}}', 'text')).toBe('template: :1:8: executing "" at <.>: range can\'t iterate over text');
    expect(errorOf('{{range .}}{{end}}', { [GO_TYPE]: 'types.Port', PrivatePort: 80 }, { numbers: 'int' })).toBe(
      'template: :1:8: executing "" at <.>: range can\'t iterate over {80}',
    );
  });

  it('nested templates name themselves and give line and column', () => {
    const text =
      'line 1\nline 2\nline 3\n{{template "one" .}}\n{{define "one"}}{{template "two" .}}{{end}}\n' +
      '{{define "two"}}{{template "three" .}}{{end}}\n{{define "three"}}{{index "hi" $}}{{end}}';
    expect(errorOf(text, goInt(5))).toBe(
      'template: :7:20: executing "three" at <index "hi" $>: error calling index: index out of range: 5',
    );
    expect(errorOf('{{template "nope"}}')).toBe(
      'template: :1:11: executing "" at <{{template "nope"}}>: template "nope" not defined',
    );
  });

  it('marks execution errors and gives the Docker wording', () => {
    try {
      run('{{.Foo}}', ctx);
      expect.unreachable();
    } catch (e) {
      expect((e as TemplateError).kind).toBe('exec');
      expect((e as TemplateError).dockerMessage).toBe(
        'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
      );
    }
  });
});

describe('docker inspect --format examples', () => {
  const container = {
    Id: '3f4e8b2c1a9d0e7f',
    Name: '/web',
    State: { Status: 'running', Running: true, Pid: 4242, ExitCode: 0 },
    Config: {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin', 'NGINX_VERSION=1.27.3'],
      Labels: { maintainer: 'NGINX Docker Maintainers', 'com.example.tier': 'front' },
    },
    NetworkSettings: {
      Networks: { bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1' } },
      Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] },
    },
    Mounts: [{ Type: 'volume', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data' }],
  };
  const opts: ExecOptions = { numbers: 'int' };

  it.each([
    ['{{.State.Status}}', 'running'],
    ['{{.State.Pid}}', '4242'],
    ['{{.Name}} {{.State.Running}}', '/web true'],
    ['{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', '172.17.0.2'],
    ['{{.NetworkSettings.Networks.bridge.Gateway}}', '172.17.0.1'],
    ['{{index .Config.Labels "com.example.tier"}}', 'front'],
    ['{{range $k, $v := .Config.Labels}}{{$k}}={{$v}}\n{{end}}', 'com.example.tier=front\nmaintainer=NGINX Docker Maintainers\n'],
    ['{{json .Config.Labels}}', '{"maintainer":"NGINX Docker Maintainers","com.example.tier":"front"}'],
    ['{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}', '8080'],
    ['{{index .NetworkSettings.Ports "80/tcp"}}', '[map[HostIp:0.0.0.0 HostPort:8080]]'],
    ['{{range .Mounts}}{{.Source}} -> {{.Destination}}{{end}}', '/var/lib/docker/volumes/data/_data -> /data'],
    ['{{range .Config.Env}}{{println .}}{{end}}', 'PATH=/usr/local/sbin:/usr/local/bin\nNGINX_VERSION=1.27.3\n'],
    ['{{if eq .State.ExitCode 0}}ok{{end}}', 'ok'],
    ['{{.Id | printf "%.12s"}}', '3f4e8b2c1a9d'],
    ['{{len .Mounts}}', '1'],
  ])('%j', (text, want) => {
    expect(run(text, container, opts)).toBe(want);
  });
});
