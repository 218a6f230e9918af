// Go's text/template, as `docker ... --format` runs it, over plain JS data.
// Parsing and execution follow Go's code paths closely enough that output
// and error text match: a parse error reads
//   template: :1: function "foo" not defined
// and an execution error
//   template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type ...
// Docker prefixes both with "template parsing error: " (TemplateError.dockerMessage).
//
// Values: see govalue.ts. Plain JS numbers are float64 (what JSON decoded
// into interface{} holds) unless `numbers: 'int'`. Docker 28 runs both
// `docker ps/images --format` and `docker inspect -f` over Go structs, whose
// sizes, PIDs and exit codes are ints, so those callers want 'int'
// ({{.Size}} prints 4261550, not 4.26155e+06).

import { formatValue } from './gofmt.ts';
import { quote, utf8Length } from './strconv.ts';
import { ParseError, nodeString, parse, type ChainNode, type CommandNode, type FieldNode } from './template-parse.ts';
import type { BranchNode, ListNode, Node, NumberNode, PipeNode, TreeSet, VariableNode } from './template-parse.ts';
import {
  FuncError,
  builtinFuncs,
  dockerFuncs,
  elementOf,
  isTrue,
  mapLookup,
  type ParamType,
  type TemplateFunc,
} from './template-funcs.ts';
import {
  GoNil,
  GoNumber,
  NIL_IFACE,
  declaredType,
  elemType,
  goFloat,
  goInt,
  hasField,
  isPlainObject,
  kindOf,
  sortedEntries,
  typeName,
  zeroOf,
  type NumberMode,
} from './govalue.ts';

export { headerFuncs, type TemplateFunc, type ParamType } from './template-funcs.ts';
export { GO_TYPE, GO_STRING, typedNil, goInt, goFloat, type NumberMode } from './govalue.ts';

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'exec',
  ) {
    super(message);
    this.name = 'TemplateError';
  }

  /** What docker/cli prints for it (for parse and execution errors alike). */
  get dockerMessage(): string {
    return `template parsing error: ${this.message}`;
  }
}

export interface ParseOptions {
  /** Functions beyond Go's builtins and Docker's (they must exist at parse time). */
  funcs?: Record<string, TemplateFunc>;
}

export interface ExecOptions {
  /** How plain JS numbers in the data are typed (default float64; Docker's typed data wants 'int'). */
  numbers?: NumberMode;
  /** Go's Option("missingkey=..."); `docker inspect` retries raw JSON with "error". */
  missingKey?: 'default' | 'zero' | 'error';
  /** Replace functions for this run, e.g. headerFuncs for a table's header row. */
  funcs?: Record<string, TemplateFunc>;
}

export interface Template {
  readonly text: string;
  /** Runs the template; throws TemplateError. */
  execute(data: unknown, options?: ExecOptions): string;
}

export function parseTemplate(text: string, options: ParseOptions = {}): Template {
  const funcs = { ...builtinFuncs, ...dockerFuncs, ...options.funcs };
  let trees: TreeSet;
  try {
    trees = parse(text, (name) => Object.prototype.hasOwnProperty.call(funcs, name));
  } catch (e) {
    if (e instanceof ParseError) throw new TemplateError(e.message, 'parse');
    throw e;
  }
  return {
    text,
    execute(data, exec = {}) {
      const state = new State(text, trees, { ...funcs, ...exec.funcs }, exec.numbers ?? 'float64', exec.missingKey ?? 'default');
      return state.run(data);
    },
  };
}

const MISSING: unique symbol = Symbol('missing'); // no value piped in
type Final = unknown;
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
// Go allows 100000 nested {{template}} calls; a JS stack is smaller, so stop
// sooner but say what Go says.
const MAX_DEPTH = 1000;
const GO_MAX_DEPTH = 100000;

class State {
  private out = '';
  private vars: { name: string; value: unknown }[] = [];
  private node: Node | undefined;
  private name = '';
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly trees: TreeSet,
    private readonly funcs: Record<string, TemplateFunc>,
    private readonly mode: NumberMode,
    private readonly missingKey: 'default' | 'zero' | 'error',
  ) {}

  run(data: unknown): string {
    // nil data is no value at all, as reflect.ValueOf(nil) is invalid in Go
    const dot = data === null ? undefined : elementOf([], data, this.mode);
    this.vars = [{ name: '$', value: dot }];
    this.walk(dot, this.trees.get('')!);
    return this.out;
  }

  // --- errors ---

  private errorf(msg: string): never {
    if (!this.node) throw new TemplateError(`template: ${this.name}: ${msg}`, 'exec');
    const pos = this.node.pos;
    const before = this.text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const line = before.split('\n').length;
    const col = utf8Length(nl < 0 ? before : before.slice(nl + 1)); // Go counts bytes
    throw new TemplateError(
      `template: :${line}:${col}: executing ${quote(this.name)} at <${nodeString(this.node)}>: ${msg}`,
      'exec',
    );
  }

  private at(n: Node): void {
    this.node = n;
  }

  // --- variables ---

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.errorf(`undefined variable: ${name}`);
  }

  // --- walking ---

  private walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node.name, node.pipe);
      case 'text':
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private printValue(n: Node, v: unknown): void {
    this.at(n);
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type func()`);
    this.out += v === undefined || v === NIL_IFACE ? '<no value>' : formatValue(v, this.mode);
  }

  private walkIfOrWith(dot: unknown, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val, this.mode)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const one = (index: unknown, elem: unknown): void => {
        if (decl.length > 0) {
          // With two variables the index comes first; with one, it gets the element.
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.vars[this.vars.length - 1]!.value = elem;
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.vars[this.vars.length - 2]!.value = index;
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      let ran = false;
      const kind = val === null ? 'invalid' : kindOf(val, this.mode); // a nil slice ranges like an empty one
      if (kind === 'slice') {
        const arr = val as unknown[];
        arr.forEach((e, i) => {
          ran = true;
          one(goInt(i), elementOf(arr, e, this.mode));
        });
      } else if (kind === 'map') {
        for (const [k, v] of sortedEntries(val as object)) {
          ran = true;
          one(k, elementOf(val, v, this.mode));
        }
      } else if (kind === 'int') {
        // Go 1.22: range over an integer
        if (decl.length > 1) this.errorf(`can't use ${formatValue(val, this.mode)} to iterate over more than one variable`);
        const n = (val as GoNumber).value;
        for (let i = 0; i < n; i++) {
          ran = true;
          one(goInt(i), goInt(i));
        }
      } else if (kind !== 'invalid') {
        this.errorf(`range can't iterate over ${formatValue(val, this.mode)}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.vars.length = outer;
    }
  }

  private walkTemplate(dot: unknown, name: string, pipe: PipeNode | undefined): void {
    const tree = this.trees.get(name);
    if (!tree) this.errorf(`template ${quote(name)} not defined`);
    if (this.depth === MAX_DEPTH) this.errorf(`exceeded maximum template depth (${GO_MAX_DEPTH})`);
    const newDot = this.evalPipeline(dot, pipe);
    // No dynamic scoping: the called template sees only $.
    const saved = { vars: this.vars, name: this.name };
    this.vars = [{ name: '$', value: newDot }];
    this.name = name;
    this.depth++;
    try {
      this.walk(newDot, tree as ListNode);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.name = saved.name;
    }
  }

  // --- evaluation ---

  private evalPipeline(dot: unknown, pipe: PipeNode | undefined): unknown {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // An interface{} holding nil is no value at all once the command is done.
      if (value === NIL_IFACE) value = undefined;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first.ident, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    return this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  private idealConstant(n: NumberNode): GoNumber {
    this.at(n);
    const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    const runeInt = n.text.startsWith("'");
    if (n.isFloat && !hexInt && !runeInt && /[.eEpP]/.test(n.text)) return goFloat(n.float);
    if (n.isInt) return goInt(Number(n.int));
    return this.errorf(`${n.text} overflows int`);
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: Node[], final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: Node[] | undefined, final: Final): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, 'value', chain.node, true);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: unknown, v: VariableNode, args: Node[] | undefined, final: Final): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    node: Node,
    ident: string[],
    args: Node[] | undefined,
    final: Final,
  ): unknown {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i]!, node, undefined, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1]!, node, args, final, receiver);
  }

  private evalField(
    dot: unknown,
    name: string,
    node: Node,
    args: Node[] | undefined,
    final: Final,
    receiver: unknown,
  ): unknown {
    if (receiver === undefined) {
      if (this.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(name)}`);
      return undefined;
    }
    if (receiver === null || receiver === NIL_IFACE) this.errorf(`nil pointer evaluating interface {}.${name}`);
    if (receiver instanceof GoNil) this.errorf(`nil pointer evaluating ${receiver.type}.${name}`);
    const kind = kindOf(receiver, this.mode);
    const obj = receiver as Record<string, unknown>;
    // Functions are methods, except in a plain map, where they are func values (for call).
    const methods = kind === 'struct' || (kind === 'map' && !(receiver instanceof Map) && !isPlainObject(obj));
    if (methods && hasField(obj, name)) {
      const member = obj[name];
      if (typeof member === 'function') {
        return this.evalCall(dot, methodFunc(member as (...a: unknown[]) => unknown, obj), node, name, args, final);
      }
    }
    const hasArgs = (args !== undefined && args.length > 1) || final !== MISSING;
    if (kind === 'struct' && hasField(obj, name)) {
      if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
      const v = obj[name];
      return typeof v === 'number' ? elementOf(null, v, this.mode) : v;
    }
    if (kind === 'map') {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const { found, value } = mapLookup(receiver as object, name);
      if (found) return elementOf(receiver, value, this.mode);
      if (this.missingKey === 'error') this.errorf(`map has no entry for key ${quote(name)}`);
      return this.missingKey === 'zero' ? zeroOf(elemType(declaredType(receiver))) : undefined;
    }
    return this.errorf(`can't evaluate field ${name} in type ${typeName(receiver, this.mode)}`);
  }

  private evalFunction(dot: unknown, name: string, ident: Node, cmd: Node, args: Node[] | undefined, final: Final): unknown {
    this.at(ident);
    const fn = Object.prototype.hasOwnProperty.call(this.funcs, name) ? this.funcs[name] : undefined;
    if (!fn) this.errorf(`${quote(name)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, name, args, final);
  }

  private evalCall(dot: unknown, fn: TemplateFunc, node: Node, name: string, args: Node[] | undefined, final: Final): unknown {
    const argNodes = args ? args.slice(1) : [];
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    const nParams = fn.params.length;
    if (fn.variadic !== undefined) {
      if (numIn < nParams) this.errorf(`wrong number of args for ${name}: want at least ${nParams} got ${argNodes.length}`);
    } else if (numIn !== nParams) {
      this.errorf(`wrong number of args for ${name}: want ${nParams} got ${numIn}`);
    }
    if (fn === this.funcs.and || fn === this.funcs.or) {
      // and/or stop at the first argument that decides the answer
      const isOr = fn === this.funcs.or;
      let v: unknown;
      for (const a of argNodes) {
        v = this.evalArg(dot, 'value', a);
        if (isTrue(v === NIL_IFACE ? undefined : v, this.mode) === isOr) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }
    const paramType = (i: number): ParamType => (i < nParams ? fn.params[i]! : fn.variadic!);
    const argv = argNodes.map((a, i) => this.evalArg(dot, paramType(i), a));
    if (final !== MISSING) argv.push(this.validateType(final, paramType(numIn - 1)));
    try {
      const result = fn.fn(argv, { mode: this.mode });
      return typeof result === 'number' ? elementOf(null, result, this.mode) : result;
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private validateType(value: unknown, type: ParamType): unknown {
    // A missing value reaches interface{} and reflect.Value parameters as an
    // untyped nil (undefined here); typed parameters reject it.
    if (value === undefined || (value === NIL_IFACE && (type === 'value' || type === 'any'))) {
      if (type === 'value' || type === 'any') return undefined;
      if (type === '[]string') return null;
      return this.errorf(`invalid value; expected ${type}`);
    }
    if (type === 'value' || type === 'any') return value;
    const got = value === NIL_IFACE ? 'interface {}' : typeName(value, this.mode);
    const ok =
      type === '[]string'
        ? value === null || (Array.isArray(value) && (got === '[]string' || value.every((s) => typeof s === 'string')))
        : value !== NIL_IFACE && kindOf(value, this.mode) === type;
    if (!ok) this.errorf(`wrong type for value; expected ${type}; got ${got}`);
    return value;
  }

  /** Evaluates an argument against a parameter type; `untyped` is Go's nil type (chain heads). */
  private evalArg(dot: unknown, type: ParamType, n: Node, untyped = false): unknown {
    this.at(n);
    const check = (v: unknown): unknown => (untyped ? v : this.validateType(v, type));
    switch (n.type) {
      case 'dot':
        return check(dot);
      case 'nil':
        if (type === 'value' || type === 'any') return undefined;
        if (type === '[]string') return null;
        return this.errorf(`cannot assign nil to ${type}`);
      case 'field':
        return check(this.evalFieldNode(dot, n, [n], MISSING));
      case 'variable':
        return check(this.evalVariableNode(dot, n, undefined, MISSING));
      case 'pipe':
        return check(this.evalPipeline(dot, n));
      case 'identifier':
        return check(this.evalFunction(dot, n.ident, n, n, undefined, MISSING));
      case 'chain':
        return check(this.evalChainNode(dot, n, undefined, MISSING));
    }
    switch (type) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return goInt(Number(n.int));
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case '[]string':
        return this.errorf(`can't handle ${nodeString(n)} for arg of type []string`);
    }
    // interface{} / reflect.Value parameters take any literal
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }
}

/** A method found on a data object, called with the object as `this`. */
function methodFunc(f: (...a: unknown[]) => unknown, self: object): TemplateFunc {
  return { params: new Array<ParamType>(f.length).fill('any'), fn: (args) => f.apply(self, args) };
}

/** Parses and runs in one go (throws TemplateError). */
export function executeTemplate(text: string, data: unknown, options?: ExecOptions): string {
  return parseTemplate(text).execute(data, options);
}

// Re-exported for callers that print values outside templates.
export { formatValue } from './gofmt.ts';
export { FuncError };
