// The syntax tree the parser builds and the interpreter walks. Every
// command carries the line it starts on (for `line N:` messages and $LINENO).

/** One piece of a word, before expansion. */
export type Part =
  /** Unquoted text: subject to globbing (and tilde at a word's start). */
  | { t: 'lit'; v: string }
  /** Quoted text ('...', \x, the literal runs inside "..."): taken as is. */
  | { t: 'q'; v: string }
  /** "...": expansions inside are neither split nor globbed. */
  | { t: 'dq'; parts: Part[] }
  | ParamPart
  /** $(...) or `...` */
  | { t: 'cmd'; body: List }
  /** $((...)): the text is expanded, then evaluated. */
  | { t: 'arith'; expr: Word }
  /** ~ or ~user at the start of a word (or after = / : in assignments). */
  | { t: 'tilde'; user: string };

export interface ParamPart {
  t: 'param';
  /** A name, a positional number, or one of @ * # ? $ ! - */
  name: string;
  /**
   * Absent for $x / ${x}. Otherwise one of:
   * - + = ? (with `colon` for :- :+ :=  :?), len (${#x}),
   * # ## % %% (pattern), / // /# /% (replace), sub (${x:off:len}),
   * ^ ^^ , ,, (case, bash).
   */
  op?: string;
  colon?: boolean;
  arg?: Word;
  arg2?: Word;
  /** ${!x} (bash) */
  indirect?: boolean;
  /** ${a[i]}, ${a[@]}, ${a[*]} (bash arrays) */
  index?: '@' | '*' | Word;
}

export interface Word {
  parts: Part[];
  /** The source text, for messages and `set -x`. */
  text: string;
  /** Set when the word expands to exactly this one field, whatever the state. */
  lit?: string;
  /** Whether a command substitution appears anywhere inside (expansion must await it). */
  cmd?: boolean;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redir {
  fd: number;
  op: RedirOp;
  /** The file, the fd number (<& >&), or the here-document's delimiter. */
  target: Word;
  /** Here-document body (expanded unless the delimiter was quoted). */
  body?: Word;
}

export interface Assign {
  name: string;
  value: Word;
  /** VAR+=value (bash) */
  append: boolean;
  /** a=(x y z) (bash) */
  array?: Word[];
  /** a[i]=value (bash) */
  index?: Word;
}

export interface Simple {
  type: 'simple';
  line: number;
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
  /** Set by the interpreter: whether it can run without awaiting. */
  fast?: boolean;
}

export interface Group {
  type: 'group' | 'subshell';
  line: number;
  body: List;
  redirs: Redir[];
}

export interface If {
  type: 'if';
  line: number;
  clauses: { cond: List; body: List }[];
  else: List | null;
  redirs: Redir[];
}

export interface Loop {
  type: 'while' | 'until';
  line: number;
  cond: List;
  body: List;
  redirs: Redir[];
}

export interface For {
  type: 'for';
  line: number;
  name: string;
  /** null: `for x; do` iterates over "$@". */
  items: Word[] | null;
  body: List;
  redirs: Redir[];
}

/** for ((init; cond; step)) (bash) */
export interface ForArith {
  type: 'forarith';
  line: number;
  init: Word;
  cond: Word;
  step: Word;
  body: List;
  redirs: Redir[];
}

export interface CaseItem {
  patterns: Word[];
  body: List;
  /** ;; ends, ;& falls through, ;;& tests the next patterns too (bash). */
  end: ';;' | ';&' | ';;&';
}

export interface Case {
  type: 'case';
  line: number;
  word: Word;
  items: CaseItem[];
  redirs: Redir[];
}

export interface FuncDef {
  type: 'func';
  line: number;
  name: string;
  body: Command;
  /** The function's source text, for `type f`. */
  text: string;
}

/** (( expr )) (bash) */
export interface ArithCmd {
  type: 'arithcmd';
  line: number;
  expr: Word;
  redirs: Redir[];
}

/** [[ ... ]]: words and the operators && || ( ) ! < > between them. */
export interface CondCmd {
  type: 'cond';
  line: number;
  items: (Word | { op: string })[];
  redirs: Redir[];
}

export type Command = Simple | Group | If | Loop | For | ForArith | Case | FuncDef | ArithCmd | CondCmd;

export interface Pipeline {
  type: 'pipeline';
  line: number;
  bang: boolean;
  cmds: Command[];
  /** Stages joined by |& (stderr too). */
  errToo?: boolean[];
  /** `time pipeline` (bash): report the elapsed time on stderr. */
  timed?: boolean;
}

export interface AndOr {
  type: 'andor';
  line: number;
  first: Pipeline;
  rest: { op: '&&' | '||'; pipe: Pipeline }[];
}

export interface List {
  type: 'list';
  items: { cmd: AndOr; bg: boolean }[];
}
