import { describe, expect, it } from 'vitest';
import { JsonError, goJson, goJsonIndent, inspectOutput, quoteJson } from './json.ts';
import { GO_TYPE, goFloat, goInt, typedNil } from './govalue.ts';

describe('goJson (compact, as {{json .}} prints)', () => {
  it('writes no spaces and keeps object key order', () => {
    expect(goJson({ Id: 'abc', Names: ['/web'], State: { Running: true, Pid: 42 } })).toBe(
      '{"Id":"abc","Names":["/web"],"State":{"Running":true,"Pid":42}}',
    );
  });

  it('sorts the keys of Go maps (Map, or GO_TYPE map[...])', () => {
    expect(goJson(new Map([['b', 1], ['a', 2]]))).toBe('{"a":2,"b":1}');
    expect(goJson({ [GO_TYPE]: 'map[string]string', z: '1', a: '2' })).toBe('{"a":"2","z":"1"}');
  });

  it('prints empty and nil values as Go does', () => {
    expect(goJson([])).toBe('[]');
    expect(goJson({})).toBe('{}');
    expect(goJson(null)).toBe('null');
    expect(goJson(undefined)).toBe('null');
    expect(goJson(typedNil('*container.Health'))).toBe('null');
    expect(goJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('formats numbers like encoding/json (float cutoffs 1e-6 and 1e21)', () => {
    expect(goJson([4261550, 1.5, 0, -0, 1e20, 1e21, 1e-6, 1e-7, 123456789012])).toBe(
      '[4261550,1.5,0,-0,100000000000000000000,1e+21,0.000001,1e-7,123456789012]',
    );
    expect(goJson([goInt(3), goFloat(2.5)])).toBe('[3,2.5]');
  });

  it('rejects NaN and infinities with Go error text', () => {
    expect(() => goJson(NaN)).toThrow(JsonError);
    expect(() => goJson(NaN)).toThrow('json: unsupported value: NaN');
    expect(() => goJson([Infinity])).toThrow('json: unsupported value: +Inf');
  });

  it('uses toJSON the way Go uses MarshalJSON', () => {
    expect(goJson({ t: { toJSON: () => '2026-11-23T12:50:53.539Z' } })).toBe('{"t":"2026-11-23T12:50:53.539Z"}');
  });
});

describe('string escaping', () => {
  it('escapes like Go: short forms, \\u00XX lower-case, U+2028/2029 always', () => {
    expect(quoteJson('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quoteJson('\b\f\n\r\t')).toBe('"\\b\\f\\n\\r\\t"');
    expect(quoteJson('\x00\x1b\x1f')).toBe('"\\u0000\\u001b\\u001f"');
    expect(quoteJson('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(quoteJson('héllo 世界 \u{1F600}')).toBe('"héllo 世界 \u{1F600}"');
    expect(quoteJson('\ud800')).toBe('"\\ufffd"');
    expect(quoteJson('\x7f')).toBe('"\x7f"');
  });

  it('leaves <, > and & alone unless HTML escaping is on (Docker turns it off)', () => {
    expect(goJson('sh -c "echo a > b && cat <b"')).toBe('"sh -c \\"echo a > b && cat <b\\""');
    expect(goJson('a > b && c', { escapeHTML: true })).toBe('"a \\u003e b \\u0026\\u0026 c"');
    expect(goJson('<x>', { escapeHTML: true })).toBe('"\\u003cx\\u003e"');
  });
});

describe('goJsonIndent (json.MarshalIndent with four spaces)', () => {
  it('indents nested values and keeps empty ones on one line', () => {
    const v = { Id: 'abc', Args: [], Config: { Env: ['PATH=/bin', 'A=1'], Labels: {} }, Mounts: null };
    expect(goJsonIndent(v)).toBe(
      [
        '{',
        '    "Id": "abc",',
        '    "Args": [],',
        '    "Config": {',
        '        "Env": [',
        '            "PATH=/bin",',
        '            "A=1"',
        '        ],',
        '        "Labels": {}',
        '    },',
        '    "Mounts": null',
        '}',
      ].join('\n'),
    );
  });

  it('supports another indent', () => {
    expect(goJsonIndent([1, [2]], '  ')).toBe('[\n  1,\n  [\n    2\n  ]\n]');
  });
});

describe('inspectOutput (docker inspect without --format)', () => {
  it('prints the objects as one indented array and a newline', () => {
    expect(inspectOutput([{ Id: 'a', State: { Status: 'exited', ExitCode: 0 } }])).toBe(
      '[\n    {\n        "Id": "a",\n        "State": {\n            "Status": "exited",\n            "ExitCode": 0\n        }\n    }\n]\n',
    );
  });

  it('prints [] when nothing was found', () => {
    expect(inspectOutput([])).toBe('[]\n');
  });
});
