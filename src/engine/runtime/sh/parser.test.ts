import { describe, expect, it } from 'vitest';
import type { Group, If, Loop, Simple } from './ast.ts';
import { type Dialect, ParseError, Parser, syntaxErrorMessage } from './parser.ts';

const parse = (src: string, dialect: Dialect = 'ash') => new Parser(src, { dialect }).parseAll();

function syntax(src: string, dialect: Dialect): string {
  try {
    parse(src, dialect);
  } catch (e) {
    if (e instanceof ParseError) return syntaxErrorMessage(e, dialect);
    throw e;
  }
  return 'ok';
}

describe('parser', () => {
  it('builds simple commands with assignments, words and redirections', () => {
    const l = parse('A=1 B="x y" echo hi "$A" >out 2>&1');
    const c = l.items[0]!.cmd.first.cmds[0] as Simple;
    expect(c.type).toBe('simple');
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c.words.map((w) => w.text)).toEqual(['echo', 'hi', '"$A"']);
    expect(c.words[0]!.lit).toBe('echo');
    expect(c.redirs.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [1, '>', 'out'],
      [2, '>&', '1'],
    ]);
  });

  it('records the line each command starts on', () => {
    const l = parse('echo a\n\nif true\nthen\n  echo b\nfi\nwhile false; do :; done\n');
    const [a, b, c] = l.items.map((i) => i.cmd.first.cmds[0]!);
    expect(a!.line).toBe(1);
    expect(b!.line).toBe(3);
    expect((b as If).clauses[0]!.body.items[0]!.cmd.first.cmds[0]!.line).toBe(5);
    expect(c!.line).toBe(7);
  });

  it('keeps line numbers across here-documents and continuation lines', () => {
    const l = parse('cat <<EOF\none\ntwo\nEOF\necho \\\n  x\necho y\n');
    const lines = l.items.map((i) => i.cmd.first.cmds[0]!.line);
    expect(lines).toEqual([1, 5, 7]);
    const heredoc = (l.items[0]!.cmd.first.cmds[0] as Simple).redirs[0]!;
    expect(heredoc.body!.parts).toEqual([{ t: 'q', v: 'one\ntwo\n' }]);
  });

  it('parses quoted and unquoted here-documents, <<- strips tabs', () => {
    const l = parse("cat <<'E1' <<-E2\n$x\nE1\n\t$y\n\tE2\n");
    const [r1, r2] = (l.items[0]!.cmd.first.cmds[0] as Simple).redirs;
    expect(r1!.body!.lit).toBe('$x\n');
    expect(r2!.body!.parts[0]).toMatchObject({ t: 'param', name: 'y' });
  });

  it('parses pipelines, and-or lists, background and negation', () => {
    const l = parse('! a | b && c || d & e');
    expect(l.items.map((i) => i.bg)).toEqual([true, false]);
    const ao = l.items[0]!.cmd;
    expect(ao.first.bang).toBe(true);
    expect(ao.first.cmds).toHaveLength(2);
    expect(ao.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('parses compound commands and functions', () => {
    const l = parse('f() { local x=1; return 2; }\nfor i in 1 2; do echo $i; done\ncase $x in a|b) echo ab;; *) ;; esac\n( cd /; pwd )\nuntil false; do break; done');
    const kinds = l.items.map((i) => i.cmd.first.cmds[0]!.type);
    expect(kinds).toEqual(['func', 'for', 'case', 'subshell', 'until']);
    const loop = l.items[4]!.cmd.first.cmds[0] as Loop;
    expect(loop.body.items).toHaveLength(1);
    const sub = l.items[3]!.cmd.first.cmds[0] as Group;
    expect(sub.body.items).toHaveLength(2);
  });

  it('parses parameter expansions, command substitution and arithmetic', () => {
    const w = (parse('echo ${x:-a b} ${#y} ${z%%.*} $(echo `echo hi`) $((1 + $n))').items[0]!.cmd.first.cmds[0] as Simple).words;
    expect(w[1]!.parts[0]).toMatchObject({ t: 'param', name: 'x', op: '-', colon: true });
    expect(w[2]!.parts[0]).toMatchObject({ t: 'param', name: 'y', op: 'len' });
    expect(w[3]!.parts[0]).toMatchObject({ t: 'param', name: 'z', op: '%%' });
    expect(w[4]!.parts[0]!.t).toBe('cmd');
    expect(w[4]!.cmd).toBe(true);
    expect(w[5]!.parts[0]!.t).toBe('arith');
  });

  it('expands braces in bash only', () => {
    const words = (src: string, d: Dialect) => (parse(src, d).items[0]!.cmd.first.cmds[0] as Simple).words.map((x) => x.lit ?? x.text);
    expect(words('echo a{b,c}d {1..3}', 'bash')).toEqual(['echo', 'abd', 'acd', '1', '2', '3']);
    expect(words('echo a{b,c}d', 'ash')).toEqual(['echo', 'a{b,c}d']);
  });

  it('words ash syntax errors as busybox does', () => {
    expect(syntax('if true; then fi', 'ash')).toBe('syntax error: unexpected "fi"');
    expect(syntax('if true\nfi', 'ash')).toBe('syntax error: unexpected "fi" (expecting "then")');
    expect(syntax('while true; done', 'ash')).toBe('syntax error: unexpected "done" (expecting "do")');
    expect(syntax('if true; then echo', 'ash')).toBe('syntax error: unexpected end of file (expecting "fi")');
    expect(syntax('echo )', 'ash')).toBe('syntax error: unexpected ")"');
    expect(syntax('a &&', 'ash')).toBe('syntax error: unexpected end of file');
    expect(syntax(';;', 'ash')).toBe('syntax error: unexpected ";;"');
    expect(syntax("echo 'abc", 'ash')).toBe('syntax error: unterminated quoted string');
    expect(syntax('echo ${x', 'ash')).toBe("syntax error: missing '}'");
    expect(syntax('echo $(', 'ash')).toBe('syntax error: unexpected end of file (expecting ")")');
  });

  it('words bash syntax errors as bash does', () => {
    expect(syntax('if true; then fi', 'bash')).toBe("syntax error near unexpected token `fi'");
    expect(syntax('echo )', 'bash')).toBe("syntax error near unexpected token `)'");
    expect(syntax('if true; then echo', 'bash')).toBe('syntax error: unexpected end of file');
    expect(syntax('echo >', 'bash')).toBe("syntax error near unexpected token `newline'");
    expect(syntax('echo "abc', 'bash')).toBe('unexpected EOF while looking for matching `"\'');
  });

  it('reports where the error is and whether more input could complete it', () => {
    const err = (src: string, d: Dialect) => {
      try {
        new Parser(src, { dialect: d, interactive: true }).parseAll();
      } catch (e) {
        return e as ParseError;
      }
      throw new Error('no error');
    };
    expect(err('echo a\nif true\nfi', 'ash')).toMatchObject({ line: 3, incomplete: false });
    expect(err('if true; then', 'bash').incomplete).toBe(true);
    expect(err('echo "open', 'ash').incomplete).toBe(true);
    expect(err('cat <<EOF\nline\n', 'ash').incomplete).toBe(true);
    expect(err('x; fi', 'bash')).toMatchObject({ sourceLine: 'x; fi', token: 'fi' });
  });

  it('parses one complete command at a time', () => {
    const p = new Parser('echo a; echo b\necho c\nif\n', { dialect: 'ash' });
    expect(p.nextCommand()!.items).toHaveLength(2);
    expect(p.nextCommand()!.items).toHaveLength(1);
    expect(() => p.nextCommand()).toThrow(ParseError);
  });
});
