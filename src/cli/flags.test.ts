import { describe, expect, it } from 'vitest';
import type { FlagSpec } from './command.ts';
import { FlagError, FlagSet, formatGoDuration, parseCPUs, parseGoDuration, parseGoInt, ramInBytes, readCsv } from './flags.ts';
import { goQuote } from '../engine/goquote.ts';

const specs: FlagSpec[] = [
  { name: 'all', shorthand: 'a', type: 'bool', usage: 'Show all' },
  { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Quiet' },
  { name: 'last', shorthand: 'n', type: 'int', default: -1, usage: 'Show n last' },
  { name: 'name', type: 'string', usage: 'Name' },
  { name: 'env', shorthand: 'e', type: 'list', usage: 'Env' },
  { name: 'tag', shorthand: 't', type: 'stringArray', default: ['x'], usage: 'Tags' },
  { name: 'platform', type: 'stringSlice', usage: 'Platforms' },
  { name: 'time', type: 'int', usage: 'Time', hidden: true, deprecated: 'use --timeout instead' },
  { name: 'help', shorthand: 'h', type: 'bool', usage: 'Print usage', hidden: true, shorthandDeprecated: 'use --help' },
];

function parse(args: string[], interspersed = true): FlagSet {
  const fs = new FlagSet(specs);
  fs.interspersed = interspersed;
  fs.parse(args);
  return fs;
}

function parseError(args: string[]): string {
  try {
    parse(args);
  } catch (e) {
    expect(e).toBeInstanceOf(FlagError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${args.join(' ')}`);
}

describe('pflag syntax', () => {
  it('long flags with separate and inline values', () => {
    const fs = parse(['--name', 'a', '--last=3']);
    expect(fs.values()).toMatchObject({ name: 'a', last: 3 });
  });

  it('shorthands: separate, attached, = and bundled bools', () => {
    expect(parse(['-n', '3']).values().last).toBe(3);
    expect(parse(['-n3']).values().last).toBe(3);
    expect(parse(['-n=3']).values().last).toBe(3);
    expect(parse(['-aq']).values()).toMatchObject({ all: true, quiet: true });
    expect(parse(['-aqn5']).values()).toMatchObject({ all: true, quiet: true, last: 5 });
  });

  it('bools take an inline value only', () => {
    expect(parse(['--all=false']).values().all).toBe(false);
    expect(parse(['-a=0']).values().all).toBe(false);
    const fs = parse(['--all', 'false']);
    expect(fs.values().all).toBe(true);
    expect(fs.args).toEqual(['false']);
  });

  it('repeated flags: strings overwrite, arrays replace the default then append, lists append', () => {
    const fs = parse(['--name', 'a', '--name', 'b', '-t', 'y', '-t', 'z', '-e', 'A=1', '-e', 'B=2', '--platform', 'a,b', '--platform', 'c']);
    expect(fs.values()).toMatchObject({ name: 'b', tag: ['y', 'z'], env: ['A=1', 'B=2'], platform: ['a', 'b', 'c'] });
    expect(parse([]).values().tag).toEqual(['x']);
  });

  it('interspersed arguments, `--`, a lone `-`, negative numbers', () => {
    const fs = parse(['x', '-a', 'y', '-', '--', '-q', '--name']);
    expect(fs.args).toEqual(['x', 'y', '-', '-q', '--name']);
    expect(fs.argsLenAtDash).toBe(3);
    expect(fs.values().quiet).toBe(false);
    expect(parse(['-n', '-2']).values().last).toBe(-2);
    expect(parse(['--last', '-5']).values().last).toBe(-5);
  });

  it('without interspersing, flags stop at the first argument', () => {
    const fs = parse(['-a', 'img', '-q', '--name', 'x'], false);
    expect(fs.args).toEqual(['img', '-q', '--name', 'x']);
    expect(fs.values().quiet).toBe(false);
  });

  it('pflag hands every letter of a bundle the original arguments', () => {
    // Only the last letter's view of the remaining arguments counts.
    const fs = parse(['-an', '5', 'x']);
    expect(fs.values()).toMatchObject({ all: true, last: 5 });
    expect(fs.args).toEqual(['x']);
  });

  it('deprecation notices', () => {
    const fs = parse(['--time', '3', '-h']);
    expect(fs.warnings).toEqual(['Flag --time has been deprecated, use --timeout instead\n', 'Flag shorthand -h has been deprecated, use --help\n']);
  });

  it('marks which flags changed', () => {
    expect([...parse(['-a', '--name=x']).changedNames()].sort()).toEqual(['all', 'name']);
  });
});

describe('pflag error texts', () => {
  it.each([
    [['--nosuch'], 'unknown flag: --nosuch'],
    [['--nosuch=1'], 'unknown flag: --nosuch'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-ax'], "unknown shorthand flag: 'x' in -x"],
    [['--name'], 'flag needs an argument: --name'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['-an'], "flag needs an argument: 'n' in -n"],
    [['-nq'], 'invalid argument "q" for "-n, --last" flag: strconv.ParseInt: parsing "q": invalid syntax'],
    [['-n', 'x'], 'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['--last=99999999999999999999'], 'invalid argument "99999999999999999999" for "-n, --last" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
    [['--all=x'], 'invalid argument "x" for "-a, --all" flag: strconv.ParseBool: parsing "x": invalid syntax'],
    [['--help=x'], 'invalid argument "x" for "--help" flag: strconv.ParseBool: parsing "x": invalid syntax'],
    [['---x'], 'bad flag syntax: ---x'],
    [['--=x'], 'bad flag syntax: --=x'],
    [['--platform', 'a"b'], 'invalid argument "a\\"b" for "--platform" flag: parse error on line 1, column 2: bare " in non-quoted-field'],
  ])('%j', (args, message) => {
    expect(parseError(args)).toBe(message);
  });
});

describe('Go value parsing', () => {
  it('integers with base prefixes', () => {
    expect(parseGoInt('0x10', 64)).toBe(16);
    expect(parseGoInt('010', 64)).toBe(8);
    expect(parseGoInt('0b11', 64)).toBe(3);
    expect(parseGoInt('-0o17', 64)).toBe(-15);
    expect(() => parseGoInt('1_000', 64)).toThrow('invalid syntax');
    expect(parseGoInt('0x_10', 64)).toBe(16);
    expect(() => parseGoInt(' 1', 64)).toThrow('strconv.ParseInt: parsing " 1": invalid syntax');
  });

  it('durations', () => {
    expect(parseGoDuration('1h2m3.5s')).toBe(3723.5e9);
    expect(parseGoDuration('300ms')).toBe(300e6);
    expect(parseGoDuration('0')).toBe(0);
    expect(() => parseGoDuration('1')).toThrow('time: missing unit in duration "1"');
    expect(() => parseGoDuration('1x')).toThrow('time: unknown unit "x" in duration "1x"');
    expect(() => parseGoDuration('x')).toThrow('time: invalid duration "x"');
    expect(formatGoDuration(0)).toBe('0s');
    expect(formatGoDuration(90e9)).toBe('1m30s');
    expect(formatGoDuration(1.5e6)).toBe('1.5ms');
  });

  it('sizes, CPUs, csv, quoting', () => {
    expect(ramInBytes('512m')).toBe(512 * 1024 ** 2);
    expect(ramInBytes('1 GiB')).toBe(1024 ** 3);
    expect(ramInBytes('100')).toBe(100);
    expect(() => ramInBytes('12x')).toThrow("invalid suffix: 'x'");
    expect(() => ramInBytes('x')).toThrow("invalid size: 'x'");
    expect(parseCPUs('1.5')).toBe(1.5e9);
    expect(parseCPUs('3/2')).toBe(1.5e9);
    expect(() => parseCPUs('abc')).toThrow('failed to parse abc as a rational number');
    expect(() => parseCPUs('0.0000000001')).toThrow('value is too precise');
    expect(readCsv('a,"b,c",d')).toEqual(['a', 'b,c', 'd']);
    expect(goQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });
});

describe('help lines (FlagUsagesWrapped)', () => {
  it('aligns, shows non-zero defaults and hides hidden flags', () => {
    const fs = new FlagSet(specs);
    expect(fs.usagesWrapped(0)).toBe(
      [
        '  -a, --all                Show all',
        '  -e, --env list           Env',
        '  -n, --last int           Show n last (default -1)',
        '      --name string        Name',
        '      --platform strings   Platforms',
        '  -q, --quiet              Quiet',
        '  -t, --tag stringArray    Tags (default [x])',
        '',
      ].join('\n'),
    );
  });

  it('wraps usage text at the width, avoiding short orphans', () => {
    const fs = new FlagSet([{ name: 'x', type: 'bool', usage: 'one two three four five six seven eight nine ten eleven twelve' }]);
    expect(fs.usagesWrapped(40)).toBe('      --x   one two three four\n            five six seven eight\n            nine ten eleven twelve\n');
  });
});
