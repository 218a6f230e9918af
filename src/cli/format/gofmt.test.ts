import { describe, expect, it } from 'vitest';
import { formatValue, sprint, sprintf, sprintln } from './gofmt.ts';
import { GO_STRING, GO_TYPE, goFloat, goInt, typedNil } from './govalue.ts';

describe('formatValue (%v as templates print)', () => {
  it('prints JSON-decoded numbers as float64 by default', () => {
    expect(formatValue(137)).toBe('137');
    expect(formatValue(4261550)).toBe('4.26155e+06');
    expect(formatValue(1.5)).toBe('1.5');
  });

  it('prints integral numbers as int in int mode, fractions still as float64', () => {
    expect(formatValue(4261550, 'int')).toBe('4261550');
    expect(formatValue(0.25, 'int')).toBe('0.25');
    expect(formatValue(goFloat(1e6), 'int')).toBe('1e+06');
    expect(formatValue(goInt(1e6))).toBe('1000000');
  });

  it('prints scalars, nil and composites the Go way', () => {
    expect(formatValue(true)).toBe('true');
    expect(formatValue('text')).toBe('text');
    expect(formatValue(null)).toBe('<nil>');
    expect(formatValue(typedNil('*container.Health'))).toBe('<nil>');
    expect(formatValue(['a', 'b'])).toBe('[a b]');
    expect(formatValue([])).toBe('[]');
    expect(formatValue([1, null, 'x'])).toBe('[1 <nil> x]');
    expect(formatValue({ b: 2, a: 1 })).toBe('map[a:1 b:2]');
    expect(formatValue({})).toBe('map[]');
    expect(formatValue(new Map([['z', ['1']], ['a', []]]))).toBe('map[a:[] z:[1]]');
    expect(formatValue({ 'com.example': 'x', 'a.b': 'y' })).toBe('map[a.b:y com.example:x]');
  });

  it('prints structs as {values}, and Stringers through String()', () => {
    const state = { [GO_TYPE]: 'container.State', Status: 'running', Running: true, Pid: 42 };
    expect(formatValue(state, 'int')).toBe('{running true 42}');
    const stringer = { [GO_STRING]: () => '0.0.0.0:8080->80/tcp' };
    expect(formatValue(stringer)).toBe('0.0.0.0:8080->80/tcp');
  });
});

describe('sprint / sprintln', () => {
  it('adds spaces only between two non-string operands', () => {
    expect(sprint(['a', goInt(1), goInt(2), 'b'])).toBe('a1 2b');
    expect(sprint([goInt(1), goInt(2), goInt(3)])).toBe('1 2 3');
    expect(sprint(['a', 'b'])).toBe('ab');
    expect(sprint([null])).toBe('<nil>');
  });

  it('println always spaces and ends the line', () => {
    expect(sprintln([goInt(1), 'a', goInt(3)])).toBe('1 a 3\n');
    expect(sprintln([])).toBe('\n');
  });
});

describe('sprintf', () => {
  it.each<[string, unknown[], string]>([
    ['%s', ['hello'], 'hello'],
    ['%d', [goInt(42)], '42'],
    ['%5d|%-5d|%05d', [goInt(42), goInt(42), goInt(-42)], '   42|42   |-0042'],
    ['%+d % d', [goInt(5), goInt(5)], '+5  5'],
    ['%x %X %#x %o %b', [goInt(255), goInt(255), goInt(255), goInt(8), goInt(5)], 'ff FF 0xff 10 101'],
    ['%c %q %U', [goInt(65), goInt(65), goInt(0x1f600)], "A 'A' U+1F600"],
    ['%.3d', [goInt(7)], '007'],
    ['%f', [goFloat(3.14159)], '3.141590'],
    ['%.2f', [goFloat(3.14159)], '3.14'],
    ['%8.3f|%-8.2f|', [goFloat(3.14159), goFloat(2.5)], '   3.142|2.50    |'],
    ['%08.3f', [goFloat(-3.14159)], '-003.142'],
    ['%e %E', [goFloat(1234.5678), goFloat(1234.5678)], '1.234568e+03 1.234568E+03'],
    ['%g %g %g', [goFloat(0.000012345), goFloat(1e6), goFloat(100)], '1.2345e-05 1e+06 100'],
    ['%v %v', [goFloat(4261550), goInt(4261550)], '4.26155e+06 4261550'],
    ['%.2f', [goFloat(0.125)], '0.12'],
    ['%+.1f', [goFloat(2)], '+2.0'],
    ['%f %v %5.1f|', [goFloat(Infinity), goFloat(-Infinity), goFloat(NaN)], '+Inf -Inf   NaN|'],
    ['%q', ['hi\n"there"'], '"hi\\n\\"there\\""'],
    ['%10s|%-10s|', ['right', 'left'], '     right|left      |'],
    ['%.2s', ['héllo'], 'hé'],
    ['%5s|', ['日本'], '   日本|'],
    ['%x %X % x', ['hi', 'hi', 'hi'], '6869 6869 68 69'],
    ['%t %v', [true, false], 'true false'],
    ['%T %T %T %T %T', ['s', goInt(1), goFloat(1), true, null], 'string int float64 bool <nil>'],
    ['%T %T', [['a'], { a: 1 }], '[]interface {} map[string]interface {}'],
    ['100%%', [], '100%'],
    ['%v', [['a', 'b']], '[a b]'],
    ['%d', [[goInt(1), goInt(2)]], '[1 2]'],
    ['%q', [['a', 'b']], '["a" "b"]'],
    ['%5v|', [['a']], '[    a]|'],
    ['%v', [{ b: 'x', a: 'y' }], 'map[a:y b:x]'],
  ])('%j %j', (format, args, want) => {
    expect(sprintf(format, args)).toBe(want);
  });

  it('complains the way Go does', () => {
    expect(sprintf('%d', ['x'])).toBe('%!d(string=x)');
    expect(sprintf('%s', [goInt(5)])).toBe('%!s(int=5)');
    expect(sprintf('%d', [goFloat(4261550)])).toBe('%!d(float64=4.26155e+06)');
    expect(sprintf('%d', [4261550])).toBe('%!d(float64=4.26155e+06)'); // a float64 from JSON
    expect(sprintf('%d', [4261550], 'int')).toBe('4261550');
    expect(sprintf('%d', [null])).toBe('%!d(<nil>)');
    expect(sprintf('%t', [goInt(1)])).toBe('%!t(int=1)');
    expect(sprintf('%d %d', [goInt(1)])).toBe('1 %!d(MISSING)');
    expect(sprintf('%d', [goInt(1), 'a', goInt(2)])).toBe('1%!(EXTRA string=a, int=2)');
    expect(sprintf('x', [null])).toBe('x%!(EXTRA <nil>)');
    expect(sprintf('%', [])).toBe('%!(NOVERB)');
    expect(sprintf('%z', [goInt(1)])).toBe('%!z(int=1)');
    expect(sprintf('%d', [['a']])).toBe('[%!d(string=a)]');
  });

  it('prints a pointer-typed struct operand with &', () => {
    const c = { [GO_TYPE]: '*formatter.ContainerContext', ID: 'abc' };
    expect(sprintf('%v', [c])).toBe('&{abc}');
    expect(sprintf('%+v', [c])).toBe('&{ID:abc}');
  });
});
