import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lex, processWord, processWords } from './lex.ts';
import type { LexOptions } from './lex.ts';

const env = new Map([
  ['PWD', '/home'],
  ['EMPTY', ''],
  ['SPACE', 'abc  def'],
  ['FILE', '/a/b/c.tar.gz'],
  ['NAME', 'world'],
]);

const fails = (word: string, message: string) => ({ ok: false, error: `failed to process ${JSON.stringify(word)}: ${message}` });

describe('processWord: quotes and escapes', () => {
  it.each([
    ['hello', 'hello'],
    ["he'll'o", 'hello'],
    ["he\\'llo", "he'llo"],
    ['abc\\tdef', 'abctdef'],
    ['"abc\\tdef"', 'abc\\tdef'],
    ['"abc\\\\tdef"', 'abc\\tdef'],
    ["'abc\\tdef'", 'abc\\tdef'],
    ['hello\\', 'hello'],
    ['hello\\\\', 'hello\\'],
    ['"hel\'lo"', "hel'lo"],
    ["'\"hello\"'", '"hello"'],
    ["'hello\\'", 'hello\\'],
    ['"a\\"b"', 'a"b'],
    ["안'녕'하세요", '안녕하세요'],
  ])('%s → %s', (word, want) => {
    expect(processWord(word, env)).toEqual({ ok: true, value: want });
  });

  it('refuses an unterminated quote as buildkit does', () => {
    expect(processWord("he'llo", env)).toEqual(fails("he'llo", 'unexpected end of statement while looking for matching single-quote'));
    expect(processWord('"hello', env)).toEqual(fails('"hello', 'unexpected end of statement while looking for matching double-quote'));
    expect(processWord('"hello\\"', env)).toEqual(fails('"hello\\"', 'unexpected end of statement while looking for matching double-quote'));
  });
});

describe('processWord: variables', () => {
  it.each([
    ['$PWD', '/home'],
    ['he$PWD', 'he/home'],
    ['${PWD}x', '/homex'],
    ['\\$PWD', '$PWD'],
    ['"\\$PWD"', '$PWD'],
    ['"he\\\\$PWD"', 'he\\/home'],
    ["'$PWD'", '$PWD'],
    ['"he\'$PWD\'"', "he'/home'"],
    ['$.', '$.'],
    ['he$1x', 'hex'],
    ['$NOPE-x', '-x'],
    ['$$', ''],
    ['\\${}', '${}'],
    ['${XXX:-000}', '000'],
    ['${PWD:-000}', '/home'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${XXX-d}', 'd'],
    ['${XXX:+set}', ''],
    ['${PWD:+set}', 'set'],
    ['${EMPTY+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${XXX:-${PWD:-yyy}}', '/home'],
    ['${XXX:-${YYY:-yyy}}', 'yyy'],
    ['${PWD?}', '/home'],
    ['${EMPTY?}', ''],
    ['${XXX:-\\$PWD:}', '$PWD:'],
    ['${FILE%.*}', '/a/b/c.tar'],
    ['${FILE%%.*}', '/a/b/c'],
    ['${FILE#*/}', 'a/b/c.tar.gz'],
    ['${FILE##*/}', 'c.tar.gz'],
    ['${FILE#/x}', '/a/b/c.tar.gz'],
    ['${FILE/.tar/}', '/a/b/c.gz'],
    ['${FILE//\\//_}', '_a_b_c.tar.gz'],
    ['${NAME/o?/0}', 'w0ld'],
    ['${NAME//o*/}', 'w'],
  ])('%s → %s', (word, want) => {
    expect(processWord(word, env)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['${}', 'syntax error: bad substitution'],
    ['he${:x}', 'syntax error: bad substitution'],
    ['${', "syntax error: missing '}'"],
    ['${PWD:-x', "syntax error: missing '}'"],
    ['${PWD', 'unsupported modifier (\ufffd) in substitution'],
    ['${PWD:=000}', 'unsupported modifier (:=) in substitution'],
    ['${PWD:#x}', 'unsupported modifier (:#) in substitution'],
    ['${XXX?}', 'XXX: is not allowed to be unset'],
    ['${EMPTY:?}', 'EMPTY: is not allowed to be empty'],
    ['${EMPTY:?must be set}', 'EMPTY: must be set'],
    ['${FILE/a\\b/x}', 'invalid pattern (a\\b) in substitution: invalid escape \'\\b\''],
  ])('%s fails: %s', (word, message) => {
    expect(processWord(word, env)).toEqual(fails(word, message));
  });

  it('takes the environment as a lookup function too', () => {
    expect(processWord('$A-$B', (n) => (n === 'A' ? 'x' : undefined))).toEqual({ ok: true, value: 'x-' });
  });

  it('reports the names it found and the ones it did not', () => {
    const r = lex('$PWD ${NOPE:-x} $NAME', env);
    expect(r.ok && [...r.matched]).toEqual(['PWD', 'NAME']);
    expect(r.ok && [...r.unmatched]).toEqual(['NOPE']);
  });
});

describe('the escape directive', () => {
  const tick: LexOptions = { escapeToken: '`' };
  it.each([
    ['C:\\path', 'C:\\path'],
    ['a`$PWD', 'a$PWD'],
    ['"a`"b"', 'a"b'],
    ['"C:\\dir"', 'C:\\dir'],
    ['x`', 'x'],
  ])('%s → %s with ` as escape', (word, want) => {
    expect(processWord(word, env, tick)).toEqual({ ok: true, value: want });
  });
});

describe('options for the parser', () => {
  it('skipUnsetEnv leaves unknown references as written', () => {
    expect(processWord('$NOPE ${NOPE} ${NOPE:-x} ${NOPE/a/b} $PWD', env, { skipUnsetEnv: true })).toEqual({
      ok: true,
      value: '$NOPE ${NOPE} ${NOPE:-x} ${NOPE/a/b} /home',
    });
  });
  it('rawQuotes and rawEscapes keep the characters', () => {
    expect(processWord('"a b" \'c\' \\d', env, { rawQuotes: true, rawEscapes: true })).toEqual({ ok: true, value: '"a b" \'c\' \\d' });
  });
  it('skipProcessQuotes treats quotes as text', () => {
    expect(processWords('"a b"', env, { skipProcessQuotes: true })).toEqual({ ok: true, words: ['"a', 'b"'] });
  });
});

describe('processWords: splitting', () => {
  it.each([
    ['hello there', ['hello', 'there']],
    ['  lead  trail  ', ['lead', 'trail']],
    ['hello\\ there', ['hello there']],
    ['hello" there  "', ['hello there  ']],
    ['hello${SPACE}bye', ['helloabc', 'defbye']],
    ['hello"${SPACE}"bye', ['helloabc  defbye']],
    ['hello "${SPACE}"bye', ['hello', 'abc  defbye']],
    ['"" x', ['x']],
    ["hello'\\\\there'", ['hello\\\\there']],
    // buildkit's lexer shares one word buffer with the operand of ${X:-...}:
    // the text before it is lost from the split (the word keeps it).
    ['a${X:-b c}d', ['b', 'cd']],
    // `<<` takes the blanks after it, so a heredoc marker stays one word.
    ['cat << EOF', ['cat', '<< EOF']],
    ['a < b', ['a', '<', 'b']],
  ])('%s → %j', (word, want) => {
    expect(processWords(word, env)).toEqual({ ok: true, words: want });
  });

  it('keeps the whole word in processWord where splitting lost text', () => {
    expect(processWord('a${X:-b c}d', env)).toEqual({ ok: true, value: 'ab cd' });
  });
});

describe('any word', () => {
  const pieces = ['a', ' ', '$', '{', '}', ':', '-', '+', '?', '#', '%', '/', '*', '[', ']', '(', ')', '.', '^', '|', '\\', '`', '"', "'", '<', 'PWD', 'X', '\n', 'é', '1'];
  it('substitutes or fails with a message, with either escape token', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.boolean(), (parts, tick) => {
        const r = lex(parts.join(''), env, { escapeToken: tick ? '`' : '\\' });
        if (!r.ok) expect(r.error).toMatch(/^failed to process /);
      }),
      { numRuns: 3000 },
    );
  });
});
