/**
 * Reading what a native SMT-LIB solver prints: answers, `(error "...")` lines and `get-value`
 * models, as S-expressions. Nothing here trusts the layout of lines: z3 breaks a long model over
 * several lines, and an error may come before or after the answer.
 */

/** An S-expression: a string literal (decoded), an atom (symbol, numeral, keyword) or a list. */
export type Sexpr = { readonly string: string } | { readonly atom: string } | readonly Sexpr[];

export const isList = (expr: Sexpr): expr is readonly Sexpr[] => Array.isArray(expr);
export const atomOf = (expr: Sexpr | undefined): string | undefined => (expr !== undefined && !isList(expr) && 'atom' in expr ? expr.atom : undefined);
export const stringOf = (expr: Sexpr | undefined): string | undefined => (expr !== undefined && !isList(expr) && 'string' in expr ? expr.string : undefined);

/**
 * The body of an SMT-LIB 2.6 string literal (between its quotes) as a JS string of code points:
 * `""` is one quote; `\ud₃d₂d₁d₀` and `\u{d}` to `\u{d₄d₃d₂d₁d₀}` are escapes (code points up to
 * 0x2FFFF); every other character, a lone backslash included, stands for itself.
 */
export function decodeStringLiteral(body: string): string {
  let out = '';
  let index = 0;
  while (index < body.length) {
    const char = body[index]!;
    if (char === '"' && body[index + 1] === '"') {
      out += '"';
      index += 2;
      continue;
    }
    if (char === '\\' && body[index + 1] === 'u') {
      const escape = /^\\u(?:\{([0-9a-fA-F]{1,5})\}|([0-9a-fA-F]{4}))/.exec(body.slice(index, index + 9));
      const code = escape === null ? undefined : parseInt(escape[1] ?? escape[2]!, 16);
      if (escape !== null && code !== undefined && code <= 0x2ffff) {
        out += String.fromCodePoint(code);
        index += escape[0].length;
        continue;
      }
    }
    // A character outside the BMP in the printed text is one code point, not two halves.
    const point = body.codePointAt(index)!;
    out += String.fromCodePoint(point);
    index += point > 0xffff ? 2 : 1;
  }
  return out;
}

/** Every S-expression of a text, in order; an unbalanced tail (a truncated answer) is an error. */
export function parseSexprs(text: string): Sexpr[] {
  const stack: Sexpr[][] = [[]];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === ';') {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end + 1;
    } else if (char === '(') {
      stack.push([]);
      index += 1;
    } else if (char === ')') {
      if (stack.length === 1) throw new Error(`unbalanced ")" at offset ${index}`);
      const list = stack.pop()!;
      stack[stack.length - 1]!.push(list);
      index += 1;
    } else if (char === '"') {
      // The literal ends at a quote not followed by another (`""` is an escaped quote).
      let end = index + 1;
      for (;;) {
        end = text.indexOf('"', end);
        if (end < 0) throw new Error('unterminated string literal');
        if (text[end + 1] !== '"') break;
        end += 2;
      }
      stack[stack.length - 1]!.push({ string: decodeStringLiteral(text.slice(index + 1, end)) });
      index = end + 1;
    } else if (char === '|') {
      const end = text.indexOf('|', index + 1);
      if (end < 0) throw new Error('unterminated quoted symbol');
      stack[stack.length - 1]!.push({ atom: text.slice(index + 1, end) });
      index = end + 1;
    } else {
      const match = /^[^\s()";|]+/.exec(text.slice(index))!;
      stack[stack.length - 1]!.push({ atom: match[0] });
      index += match[0].length;
    }
  }
  if (stack.length !== 1) throw new Error('unbalanced "(": the output ends inside a list');
  return stack[0]!;
}

export type Answer = 'sat' | 'unsat' | 'unknown';

export interface ScriptOutput {
  /** The first `sat`, `unsat` or `unknown` printed, if any. */
  readonly answer: Answer | undefined;
  /** The solver's `(error "...")` messages, those about the `:status` annotation left out. */
  readonly errors: readonly string[];
  /** Whether the solver objected that its answer differs from `(set-info :status ...)`. */
  readonly statusMismatch: boolean;
}

/**
 * z3 prints `(error "line 9 column 10: check annotation that says unsat")` when its answer is
 * not the script's `:status`; a certificate stores the *expected* status, so for a refuted
 * obligation that line is normal and says nothing about the answer, which comes first.
 */
const STATUS_OBJECTION = /check annotation that says|expected (sat|unsat|unknown)|status (sat|unsat|unknown)/i;

/** What a script made the solver print: its answer and its errors. */
export function readScriptOutput(text: string): ScriptOutput {
  let answer: Answer | undefined;
  const errors: string[] = [];
  let statusMismatch = false;
  for (const expr of parseSexprs(text)) {
    const atom = atomOf(expr);
    if (atom === 'sat' || atom === 'unsat' || atom === 'unknown') {
      answer ??= atom;
      continue;
    }
    if (isList(expr) && atomOf(expr[0]) === 'error') {
      const message = stringOf(expr[1]) ?? 'error';
      if (STATUS_OBJECTION.test(message)) statusMismatch = true;
      else errors.push(message);
    }
  }
  return { answer, errors, statusMismatch };
}

/** The values of a `get-value` answer `((t₁ v₁) (t₂ v₂) ...)`, in the order asked. */
export function getValueResults(expr: Sexpr): Sexpr[] {
  if (!isList(expr)) throw new Error('get-value did not answer with a list');
  return expr.map((pair) => {
    if (!isList(pair) || pair.length !== 2) throw new Error('get-value answered something other than (term value) pairs');
    return pair[1]!;
  });
}
