// POSIX basic and extended regular expressions (grep, sed) as JavaScript ones.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

export class RegexError extends Error {}

/** A bracket expression at `i` ('['): its JS form and the index of its ']'. */
function bracket(p: string, i: number): { re: string; end: number } {
  let j = i + 1;
  let out = '[';
  if (p[j] === '^') {
    out += '^';
    j++;
  }
  if (p[j] === ']') {
    out += '\\]';
    j++;
  }
  for (; j < p.length; j++) {
    const c = p[j]!;
    if (c === ']') return { re: out + ']', end: j };
    if (c === '[' && (p[j + 1] === ':' || p[j + 1] === '=' || p[j + 1] === '.')) {
      const close = p.indexOf(p[j + 1]! + ']', j + 2);
      if (close > 0) {
        const name = p.slice(j + 2, close);
        out += p[j + 1] === ':' ? (CLASSES[name] ?? '') : name.replace(/[\\\]^-]/g, '\\$&');
        j = close + 1;
        continue;
      }
    }
    out += c === '\\' || c === '[' ? '\\' + c : c;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

/** Translates a BRE (ere=false) or ERE to a JavaScript RegExp source. */
export function translateRegex(p: string, ere: boolean): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|') || (out === '^' && i === 1);
    if (c === '\\') {
      const n = p[++i];
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (!ere && '(){}|+?'.includes(n)) {
        if (n === '(') depth++;
        if (n === ')') depth--;
        out += n;
      } else if (n >= '1' && n <= '9') out += '\\' + n;
      else if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n)) out += '\\' + n;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += n.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      continue;
    }
    if (c === '[') {
      const b = bracket(p, i);
      out += b.re;
      i = b.end;
      continue;
    }
    if (c === '*' && atStart) {
      out += '\\*';
      continue;
    }
    if (c === '^' && !ere && !atStart) {
      out += '\\^';
      continue;
    }
    if (c === '$' && !ere && i !== p.length - 1 && !(p[i + 1] === '\\' && p[i + 2] === ')')) {
      out += '\\$';
      continue;
    }
    if ('(){}|+?'.includes(c)) {
      if (!ere) out += '\\' + c;
      else {
        if (c === '(') depth++;
        if (c === ')') depth--;
        if (c === '{' && !/^\{[0-9]*(,[0-9]*)?\}/.test(p.slice(i))) out += '\\{';
        else out += c;
      }
      continue;
    }
    out += c === '/' ? '\\/' : c;
  }
  if (depth > 0) throw new RegexError(ere ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(');
  return out;
}

export function compileRegex(p: string, opts: { ere?: boolean; icase?: boolean; global?: boolean } = {}): RegExp {
  return new RegExp(translateRegex(p, !!opts.ere), (opts.icase ? 'i' : '') + (opts.global ? 'g' : ''));
}
