// A small, safe expression language for poisoning densities over x in [0, 1].
// User text is tokenised and parsed into an AST by recursive descent; evaluation walks the AST.
// Nothing here ever reaches eval/new Function: the only callable names are the fixed whitelist below.

/** Error raised for any invalid density; `code` maps straight to a GraphQL error code. */
export class DensityError extends Error {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'DensityError';
  }
}

/** A parsed density expression that can be evaluated at any x. */
export interface DensityExpression {
  /** The text it was parsed from (trimmed). */
  readonly source: string;
  /** Value of the expression at x (may be negative or non-finite: see validateDensity). */
  evaluate(x: number): number;
}

/** Longest accepted expression, in characters. */
export const MAX_DENSITY_LENGTH = 200;

type Node =
  | { t: 'num'; v: number }
  | { t: 'x' }
  | { t: 'neg'; a: Node }
  | { t: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: Node; b: Node }
  | { t: 'call'; fn: FnName; args: Node[] };

type Token = { kind: 'num'; value: number; pos: number } | { kind: 'id'; value: string; pos: number } | { kind: 'op'; value: string; pos: number };

/** Standard normal CDF, via the Abramowitz-Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
export function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const FUNCTIONS = {
  sqrt: { arity: [1, 1], f: (a: number[]) => Math.sqrt(a[0]) },
  exp: { arity: [1, 1], f: (a: number[]) => Math.exp(a[0]) },
  log: { arity: [1, 1], f: (a: number[]) => Math.log(a[0]) },
  abs: { arity: [1, 1], f: (a: number[]) => Math.abs(a[0]) },
  phi: { arity: [1, 1], f: (a: number[]) => phi(a[0]) },
  min: { arity: [2, 8], f: (a: number[]) => Math.min(...a) },
  max: { arity: [2, 8], f: (a: number[]) => Math.max(...a) },
} as const;
type FnName = keyof typeof FUNCTIONS;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) throw new DensityError(`invalid number at position ${i + 1}`);
      tokens.push({ kind: 'num', value: Number(m[0]), pos: i });
      i += m[0].length;
    } else if (/[a-zA-Z]/.test(ch)) {
      const m = /^[a-zA-Z]+/.exec(text.slice(i))!;
      tokens.push({ kind: 'id', value: m[0].toLowerCase(), pos: i });
      i += m[0].length;
    } else if ('+-*/^(),'.includes(ch)) {
      tokens.push({ kind: 'op', value: ch, pos: i });
      i++;
    } else {
      throw new DensityError(`unexpected character '${ch}' at position ${i + 1}`);
    }
  }
  return tokens;
}

// Grammar (standard precedence, ^ right-associative and binding tighter than unary minus, as in maths: -x^2 = -(x^2)):
//   expr   := term (('+' | '-') term)*
//   term   := unary (('*' | '/') unary)*
//   unary  := '-' unary | '+' unary | power
//   power  := atom ('^' unary)?
//   atom   := number | 'x' | name '(' expr (',' expr)* ')' | '(' expr ')'
class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  parse(): Node {
    if (this.tokens.length === 0) throw new DensityError('density expression is empty');
    const node = this.expr();
    const rest = this.tokens[this.i];
    if (rest) throw new DensityError(`unexpected '${rest.value}' at position ${rest.pos + 1}`);
    return node;
  }

  private peekOp(...ops: string[]): string | undefined {
    const tok = this.tokens[this.i];
    return tok && tok.kind === 'op' && ops.includes(tok.value) ? tok.value : undefined;
  }

  private expect(op: string): void {
    const tok = this.tokens[this.i];
    if (!tok || tok.kind !== 'op' || tok.value !== op) {
      const where = tok ? `'${tok.value}' at position ${tok.pos + 1}` : 'end of expression';
      throw new DensityError(`expected '${op}' but found ${where}`);
    }
    this.i++;
  }

  private expr(): Node {
    let node = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      node = { t: 'bin', op: op as '+' | '-', a: node, b: this.term() };
    }
    return node;
  }

  private term(): Node {
    let node = this.unary();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      node = { t: 'bin', op: op as '*' | '/', a: node, b: this.unary() };
    }
    return node;
  }

  private unary(): Node {
    const op = this.peekOp('-', '+');
    if (op) {
      this.i++;
      const a = this.unary();
      return op === '-' ? { t: 'neg', a } : a;
    }
    return this.power();
  }

  private power(): Node {
    const base = this.atom();
    if (this.peekOp('^')) {
      this.i++;
      return { t: 'bin', op: '^', a: base, b: this.unary() };
    }
    return base;
  }

  private atom(): Node {
    const tok = this.tokens[this.i];
    if (!tok) throw new DensityError(`expression ends unexpectedly at position ${this.length + 1}`);
    if (tok.kind === 'num') {
      this.i++;
      return { t: 'num', v: tok.value };
    }
    if (tok.kind === 'id') {
      this.i++;
      if (tok.value === 'x') return { t: 'x' };
      if (!(tok.value in FUNCTIONS)) {
        throw new DensityError(`unknown name '${tok.value}' at position ${tok.pos + 1} (allowed: x, ${Object.keys(FUNCTIONS).join(', ')})`);
      }
      const fn = tok.value as FnName;
      this.expect('(');
      const args = [this.expr()];
      while (this.peekOp(',')) {
        this.i++;
        args.push(this.expr());
      }
      this.expect(')');
      const [lo, hi] = FUNCTIONS[fn].arity;
      if (args.length < lo || args.length > hi) {
        throw new DensityError(`${fn}() takes ${lo === hi ? lo : `${lo} to ${hi}`} argument(s), got ${args.length}`);
      }
      return { t: 'call', fn, args };
    }
    if (tok.value === '(') {
      this.i++;
      const node = this.expr();
      this.expect(')');
      return node;
    }
    throw new DensityError(`unexpected '${tok.value}' at position ${tok.pos + 1}`);
  }
}

function evaluateNode(node: Node, x: number): number {
  switch (node.t) {
    case 'num':
      return node.v;
    case 'x':
      return x;
    case 'neg':
      return -evaluateNode(node.a, x);
    case 'call':
      return FUNCTIONS[node.fn].f(node.args.map((a) => evaluateNode(a, x)));
    case 'bin': {
      const a = evaluateNode(node.a, x);
      const b = evaluateNode(node.b, x);
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return Math.pow(a, b);
      }
    }
  }
}

/**
 * Parse a density expression over x (grammar: numbers, x, + - * / ^, parentheses,
 * sqrt exp log abs min max phi). Throws DensityError on any syntax error or over-long input.
 */
export function parseDensityExpression(text: string): DensityExpression {
  if (typeof text !== 'string') throw new DensityError('density expression must be a string');
  const source = text.trim();
  if (source.length > MAX_DENSITY_LENGTH) {
    throw new DensityError(`density expression is ${source.length} characters long; the limit is ${MAX_DENSITY_LENGTH}`);
  }
  const ast = new Parser(tokenize(source), source.length).parse();
  return { source, evaluate: (x: number) => evaluateNode(ast, x) };
}
