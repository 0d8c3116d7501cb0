/**
 * Handlebars templates compiled to a tree of closures. Handlebars' own parser (with its whitespace control) reads
 * the source; this module evaluates the AST with handlebars' semantics in strict, no-escape mode.
 *
 * Why not handlebars' runtime: every top-level call of a compiled handlebars template re-wraps every registered
 * helper and rebuilds its prototype-access tables, about 9 µs a render, a sixth of an item's whole cost; the closure
 * tree renders the same text in about 1 µs. What the project's templates need is covered: text, `{{path}}` (with
 * `this`, `../` and `@index/@first/@last/@key/@root`), helper calls with literal, path, sub-expression and hash
 * arguments, `#if`/`#unless`/`#each`/`#with` with `{{else}}` and `{{else if}}` chains, and registered block helpers.
 * Anything else (partials, decorators, block parameters, `{{#field}}` sections over data, `{{^field}}`, `@../x`) is
 * refused when the template loads, naming its line: a template bug surfaces at start-up, not at item 3,000,000.
 * A differential test renders every shipped template with both engines on generated data.
 *
 * One deliberate difference: handlebars adds two numbers printed side by side at the start of a block (`{{a}}{{b}}`
 * with 1 and 2 gives "3", because its generated code sums them before meeting a string); here they print as "12".
 *
 * Strictness is handlebars': a printed value (`{{x}}`, `{{a.b}}`) must exist or the render throws; a helper's
 * argument may be absent (so `{{#if intro}}` tests an optional field). Only own properties are read (no prototype
 * access): an inherited `constructor` or `__proto__` is absent.
 */
import Handlebars from 'handlebars';

/** A helper as handlebars calls it: `this` is the current context, the options come last. */
export type Helper = (this: unknown, ...args: any[]) => unknown;

export interface HelperOptions {
  name: string;
  hash: Record<string, unknown>;
  data: DataFrame;
  fn(context: unknown, opts?: { data?: DataFrame }): string;
  inverse(context: unknown, opts?: { data?: DataFrame }): string;
}

/** Handlebars' `@` variables; a block that sets some makes a child frame whose `_parent` is the enclosing one. */
export interface DataFrame {
  root: unknown;
  index?: number;
  key?: unknown;
  first?: boolean;
  last?: boolean;
  _parent?: DataFrame;
  [name: string]: unknown;
}

/** The contexts that `../` climbs: a block pushes one only when it changes the context (handlebars 4 semantics). */
interface Depths {
  readonly ctx: unknown;
  readonly up: Depths | null;
}

interface Scope {
  readonly depths: Depths;
  readonly data: DataFrame;
}

type Program = (scope: Scope) => string;
type Expr = (scope: Scope) => unknown;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Handlebars' lookupProperty with the default prototype policy: own properties only. */
function own(parent: unknown, name: string): unknown {
  if (parent === null || parent === undefined) return undefined;
  const p = parent as Record<string, unknown>;
  return hasOwn.call(p, name) ? p[name] : undefined;
}

/** Utils.isEmpty: falsy except 0, or an empty array. */
function isEmpty(value: unknown): boolean {
  if (!value && value !== 0) return true;
  return Array.isArray(value) && value.length === 0;
}

function childFrame(data: DataFrame): DataFrame {
  const frame = Object.assign({}, data) as DataFrame;
  frame._parent = data;
  return frame;
}

const BUILTIN_HELPERS: Record<string, Helper> = {
  if(this: unknown, ...args: unknown[]) {
    if (args.length !== 2) throw new TemplateError('#if requires exactly one argument');
    let conditional = args[0];
    const options = args[1] as HelperOptions;
    if (typeof conditional === 'function') conditional = conditional.call(this);
    if ((!options.hash.includeZero && !conditional) || isEmpty(conditional)) return options.inverse(this);
    return options.fn(this);
  },
  unless(this: unknown, ...args: unknown[]) {
    if (args.length !== 2) throw new TemplateError('#unless requires exactly one argument');
    const options = args[1] as HelperOptions;
    return BUILTIN_HELPERS.if!.call(this, args[0], { ...options, fn: options.inverse, inverse: options.fn });
  },
  each(this: unknown, context: unknown, options?: HelperOptions) {
    if (!options) throw new TemplateError('Must pass iterator to #each');
    if (typeof context === 'function') context = context.call(this);
    const data = childFrame(options.data);
    let out = '';
    let i = 0;
    const step = (value: unknown, key: unknown, index: number, last: boolean) => {
      data.key = key;
      data.index = index;
      data.first = index === 0;
      data.last = last;
      out += options.fn(value, { data });
    };
    if (context !== null && typeof context === 'object') {
      if (Array.isArray(context)) {
        for (const n = context.length; i < n; i++) if (i in context) step(context[i], i, i, i === n - 1);
      } else if (typeof (context as Iterable<unknown>)[Symbol.iterator] === 'function') {
        const values = [...(context as Iterable<unknown>)];
        for (const n = values.length; i < n; i++) step(values[i], i, i, i === n - 1);
      } else {
        const keys = Object.keys(context);
        for (const n = keys.length; i < n; i++) step((context as Record<string, unknown>)[keys[i]!], keys[i], i, i === n - 1);
      }
    }
    return i === 0 ? options.inverse(this) : out;
  },
  with(this: unknown, ...args: unknown[]) {
    if (args.length !== 2) throw new TemplateError('#with requires exactly one argument');
    let context = args[0];
    const options = args[1] as HelperOptions;
    if (typeof context === 'function') context = context.call(this);
    return isEmpty(context) ? options.inverse(this) : options.fn(context, { data: options.data });
  },
};

/** The helpers templates may call: the built-in block helpers and the project's own. */
export class HelperRegistry {
  private readonly helpers = new Map<string, Helper>(Object.entries(BUILTIN_HELPERS));

  register(name: string, fn: Helper): void {
    this.helpers.set(name, fn);
  }

  get(name: string): Helper | undefined {
    return this.helpers.get(name);
  }
}

const noop: Program = () => '';

/** Handlebars' scopedId: `this.x` and `./x` always name data, never a helper. */
const SCOPED = /^\.|this\b/;

/** `'' + value` as handlebars appends it: null and undefined print nothing. */
function text(value: unknown): string {
  return value === null || value === undefined ? '' : '' + (value as string);
}

/** Compiles one template source; `where` names it in every error (a file path or id). */
export function compileTemplate(source: string, helpers: HelperRegistry, where: string): (context: unknown) => string {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (e) {
    throw new TemplateError(`${where}: template does not parse: ${(e as Error).message}`);
  }
  const fail = (node: hbs.AST.Node, what: string): never => {
    throw new TemplateError(`${where}:${node.loc?.start.line ?? '?'}: ${what}`);
  };
  const at = (node: hbs.AST.Node) => `${where}:${node.loc?.start.line ?? '?'}`;
  const usesDepths = /\.\.\//.test(source);

  /** A path's value. `strict`: the last part must exist (a printed value); otherwise absent parts give undefined. */
  function path(node: hbs.AST.PathExpression, strict: boolean): Expr {
    const parts = node.parts;
    if (node.data) {
      if (node.depth > 0) fail(node, `'${node.original}': @-variables of enclosing blocks are not supported`);
      return (scope) => walk(scope.data, parts, strict, node);
    }
    const depth = node.depth;
    return (scope) => {
      let d: Depths | null = scope.depths;
      for (let k = 0; k < depth && d; k++) d = d.up;
      return walk(d ? d.ctx : undefined, parts, strict, node);
    };
  }

  function walk(start: unknown, parts: readonly string[], strict: boolean, node: hbs.AST.PathExpression): unknown {
    let value = start;
    const n = parts.length;
    for (let k = 0; k < n; k++) {
      const name = parts[k]!;
      if (strict && k === n - 1) {
        // Handlebars' strict check is `name in obj` on an object; a primitive or a missing name is an error.
        if (!value || (typeof value !== 'object' && typeof value !== 'function') || !(name in value)) {
          throw new TemplateError(`${at(node)}: "${name}" not defined (in '${node.original}')`);
        }
      } else if (value === null || value === undefined) {
        throw new TemplateError(`${at(node)}: "${k > 0 ? parts[k - 1] : name}" not defined (in '${node.original}')`);
      }
      value = own(value, name);
    }
    return value;
  }

  function literal(node: hbs.AST.Expression): Expr | null {
    switch (node.type) {
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral': {
        const v = (node as hbs.AST.StringLiteral).value;
        return () => v;
      }
      case 'UndefinedLiteral':
        return () => undefined;
      case 'NullLiteral':
        return () => null;
      default:
        return null;
    }
  }

  function expr(node: hbs.AST.Expression): Expr {
    const lit = literal(node);
    if (lit) return lit;
    if (node.type === 'PathExpression') return path(node as hbs.AST.PathExpression, false);
    if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      return call(sub.path, sub.params, sub.hash, null, null, true);
    }
    return fail(node, `unsupported expression ${node.type}`);
  }

  function hash(node: hbs.AST.Hash | undefined): (scope: Scope) => Record<string, unknown> {
    const pairs = (node?.pairs ?? []).map((p) => [p.key, expr(p.value)] as const);
    if (pairs.length === 0) return () => ({});
    return (scope) => {
      const h: Record<string, unknown> = {};
      for (const [k, e] of pairs) h[k] = e(scope);
      return h;
    };
  }

  /** A helper call (a sub-expression, a mustache with arguments, or a block). */
  function call(
    pathNode: hbs.AST.PathExpression | hbs.AST.Literal,
    paramNodes: hbs.AST.Expression[],
    hashNode: hbs.AST.Hash | undefined,
    program: Program | null,
    inverse: Program | null,
    mustBeHelper: boolean,
  ): Expr {
    const p = pathNode as hbs.AST.PathExpression;
    if (pathNode.type !== 'PathExpression') return fail(pathNode, `a literal cannot be called as a helper`);
    const name = p.parts.length === 1 && p.depth === 0 && !p.data && !SCOPED.test(p.original) ? p.parts[0]! : null;
    const helper = name === null ? undefined : helpers.get(name);
    if (!helper) {
      if (mustBeHelper) return fail(pathNode, `unknown helper '${p.original}'`);
      return fail(pathNode, `'{{#${p.original}}}' is a section over a data field; use #if, #each or #with`);
    }
    const params = paramNodes.map(expr);
    const hashOf = hash(hashNode);
    const fn = program ?? noop;
    const inv = inverse ?? noop;
    return (scope) => {
      const args: unknown[] = new Array(params.length + 1);
      for (let k = 0; k < params.length; k++) args[k] = params[k]!(scope);
      const options: HelperOptions = {
        name: name!,
        hash: hashOf(scope),
        data: scope.data,
        fn: (ctx, o) => fn(enter(scope, ctx, o?.data, usesDepths)),
        inverse: (ctx, o) => inv(enter(scope, ctx, o?.data, usesDepths)),
      };
      args[params.length] = options;
      return helper.apply(scope.depths.ctx, args);
    };
  }

  function statement(node: hbs.AST.Statement): Program | string {
    switch (node.type) {
      case 'ContentStatement':
        return (node as hbs.AST.ContentStatement).value;
      case 'CommentStatement':
        return '';
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.params.length > 0 || m.hash?.pairs.length) {
          const e = call(m.path, m.params, m.hash, null, null, true);
          return (scope) => text(e(scope));
        }
        if (m.path.type !== 'PathExpression') return fail(m, `a literal cannot be printed as a field`);
        const p = m.path as hbs.AST.PathExpression;
        const scoped = p.depth > 0 || p.data || SCOPED.test(p.original) || p.parts.length !== 1;
        const helper = scoped ? undefined : helpers.get(p.parts[0]!);
        if (helper) {
          const e = call(p, [], m.hash, null, null, true);
          return (scope) => text(e(scope));
        }
        const value = p.parts.length === 0 ? (scope: Scope) => contextAt(scope, p.depth) : path(p, true);
        return (scope) => {
          let v = value(scope);
          if (typeof v === 'function') v = v.call(scope.depths.ctx);
          return text(v);
        };
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        if ((b.program?.blockParams?.length ?? 0) > 0) fail(b, 'block parameters (as |x|) are not supported');
        if (!b.program && b.inverse) fail(b, `'{{^${b.path.original}}}' inverted sections are not supported`);
        const e = call(b.path, b.params, b.hash, b.program ? programOf(b.program) : null, b.inverse ? programOf(b.inverse) : null, false);
        return (scope) => text(e(scope));
      }
      default:
        return fail(node, `${node.type} is not supported in templates`);
    }
  }

  function programOf(node: hbs.AST.Program): Program {
    const parts = node.body.map(statement).filter((s) => s !== '');
    // Adjacent text pieces are joined once here rather than at every render.
    const merged: (Program | string)[] = [];
    for (const s of parts) {
      const last = merged[merged.length - 1];
      if (typeof s === 'string' && typeof last === 'string') merged[merged.length - 1] = last + s;
      else merged.push(s);
    }
    if (merged.length === 0) return noop;
    if (merged.length === 1) {
      const only = merged[0]!;
      return typeof only === 'string' ? () => only : only;
    }
    return (scope) => {
      let out = '';
      for (let k = 0; k < merged.length; k++) {
        const s = merged[k]!;
        out += typeof s === 'string' ? s : s(scope);
      }
      return out;
    };
  }

  const main = programOf(ast);
  return (context: unknown) => main({ depths: { ctx: context, up: null }, data: { root: context } });
}

function contextAt(scope: Scope, depth: number): unknown {
  let d: Depths | null = scope.depths;
  for (let k = 0; k < depth && d; k++) d = d.up;
  return d ? d.ctx : undefined;
}

/**
 * A block's body runs in `ctx`. Where the template climbs with `../`, a new depth is pushed only when the context
 * changes, compared with `!=` as handlebars compares it; elsewhere the chain is never read, so nothing is compared.
 */
function enter(scope: Scope, ctx: unknown, data: DataFrame | undefined, usesDepths: boolean): Scope {
  let depths: Depths;
  if (!usesDepths) depths = { ctx, up: null };
  // eslint-disable-next-line eqeqeq
  else depths = ctx != scope.depths.ctx ? { ctx, up: scope.depths } : scope.depths;
  return { depths, data: data ?? scope.data };
}
