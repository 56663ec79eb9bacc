// A quick yes for the common case. Checking every request and response with zod's safeParse costs
// more CPU than the rest of a call (it builds an output copy and a result object per value). Almost
// every value is valid, so each schema is compiled once into a plain predicate that answers "zod would
// accept this" (and, for responses, "with no field the spec does not declare"). A `true` is final; a
// `false` only means "not sure": the caller then runs zod itself for the verdict and its issues. Any
// construct the compiler does not know compiles to `false`, so the predicate can only be conservative.
// test/fast-check.test.ts holds it to zod's verdicts.
import type { ZodType } from 'zod';

export type Predicate = (value: unknown) => boolean;

/** `allow`: undeclared fields pass (zod's z.object); `reject`: they make the answer "not sure" (drift). */
export type UnknownFields = 'allow' | 'reject';

// zod 4's schema internals, as far as the compiler reads them.
interface Def {
  type: string;
  format?: string;
  coerce?: boolean;
  checks?: readonly { _zod: { def: CheckDef } }[];
  pattern?: RegExp;
  innerType?: ZodType;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  keyType?: ZodType;
  valueType?: ZodType;
  options?: readonly ZodType[];
  getter?: () => ZodType;
}
interface CheckDef {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
}
interface Internals {
  def: Def;
  values?: ReadonlySet<unknown>;
  /** undefined: the key must be present (zod checks `key in input`), whatever the value schema accepts. */
  optin?: 'optional' | 'defaulted';
}

const internals = (schema: ZodType) => (schema as unknown as { _zod: Internals })._zod;
const NOT_SURE: Predicate = () => false;
const ANY: Predicate = () => true;
/** Formats whose whole zod check is `def.pattern.test(value)`. */
const PATTERN_FORMATS = new Set(['uuid', 'guid', 'datetime', 'date', 'time']);

const compiled: Record<UnknownFields, WeakMap<ZodType, Predicate>> = { allow: new WeakMap<ZodType, Predicate>(), reject: new WeakMap<ZodType, Predicate>() };

/** The predicate for `schema` (compiled once per schema and mode). */
export function fastCheck(schema: ZodType, unknownFields: UnknownFields): Predicate {
  const cache = compiled[unknownFields];
  const pred = cache.get(schema);
  if (pred) return pred;
  // Recursive schemas (z.lazy) meet themselves: the placeholder defers to the finished predicate.
  let done: Predicate = NOT_SURE;
  cache.set(schema, (v) => done(v));
  done = compile(schema, unknownFields);
  cache.set(schema, done);
  return done;
}

function compile(schema: ZodType, mode: UnknownFields): Predicate {
  const { def, values } = internals(schema);
  // Refinements (`.refine`, `.check`) can sit on any schema; only strings, numbers and arrays read theirs here.
  const checked = def.checks !== undefined && def.checks.length > 0;
  if (def.coerce || (checked && def.type !== 'string' && def.type !== 'number' && def.type !== 'array')) return NOT_SURE;
  switch (def.type) {
    case 'string':
      return stringCheck(schema, def);
    case 'number':
      return numberCheck(def);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'unknown':
    case 'any':
      return ANY;
    case 'enum':
    case 'literal':
      return values ? (v) => values.has(v) : NOT_SURE;
    case 'optional':
    case 'default':
    case 'nullable':
      return wrapperCheck(schema, mode);
    case 'lazy':
      return (v) => fastCheck(def.getter!(), mode)(v);
    case 'union':
      return unionCheck(def.options!, mode);
    case 'array':
      return arrayCheck(def, mode);
    case 'record':
      return recordCheck(def, mode);
    case 'object':
      return objectCheck(def, mode);
    default:
      return NOT_SURE;
  }
}

/** optional / default (accept undefined) and nullable (accept null), peeled into one test: `.nullish()` is one closure, not three. */
function wrapperCheck(schema: ZodType, mode: UnknownFields): Predicate {
  let [undef, nul] = [false, false];
  let def = internals(schema).def;
  let inner = schema;
  while (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
    if ((def.checks ?? []).length > 0) return NOT_SURE;
    if (def.type === 'nullable') nul = true;
    else undef = true;
    inner = def.innerType!;
    def = internals(inner).def;
  }
  const base = fastCheck(inner, mode);
  if (undef && nul) return (v) => v == null || base(v);
  return undef ? (v) => v === undefined || base(v) : (v) => v === null || base(v);
}

/** Plain strings and pattern formats inline; anything with more logic (url, trims) asks zod's own leaf check. */
function stringCheck(schema: ZodType, def: Def): Predicate {
  const lengths = lengthBounds(def.checks ?? []);
  if (lengths === undefined) return leafCheck(schema);
  const { min, max } = lengths;
  if (def.format === undefined) return (v) => typeof v === 'string' && v.length >= min && v.length <= max;
  if (def.format === 'url') return urlCheck(schema, def);
  if (!PATTERN_FORMATS.has(def.format) || !def.pattern) return leafCheck(schema);
  const pattern = def.pattern;
  const matches = remembered((v) => testPattern(pattern, v));
  return (v) => typeof v === 'string' && v.length >= min && v.length <= max && matches(v);
}

/**
 * zod's plain z.url() (no hostname, protocol, normalize or extra checks) accepts exactly what
 * `URL.canParse` accepts after trimming (it also strips tabs and newlines, from the value only).
 */
function urlCheck(schema: ZodType, def: Def): Predicate {
  const plain = !('normalize' in def) && !('hostname' in def) && !('protocol' in def) && (def.checks ?? []).length === 0;
  if (!plain || typeof URL.canParse !== 'function') return leafCheck(schema);
  const parses = remembered((v) => URL.canParse(v.trim()));
  return (v) => typeof v === 'string' && parses(v);
}

const REMEMBERED = 1024;
const REMEMBERED_LENGTH = 2048;

/**
 * `test`, remembering up to 1,024 recent strings that passed: polling and lists read the same ids and
 * URLs again and again, and a set lookup costs a fraction of a regex or URL parse. Verdicts are pure
 * functions of the string, so a remembered pass is exact.
 */
function remembered(test: (value: string) => boolean): (value: string) => boolean {
  let passed = new Set<string>();
  // The last pass first: comparing one string is cheaper still than hashing it for the set.
  let last: string | undefined;
  return (value) => {
    if (value === last || passed.has(value)) return true;
    if (!test(value)) return false;
    if (value.length <= REMEMBERED_LENGTH) {
      if (passed.size >= REMEMBERED) passed = new Set();
      passed.add(value);
      last = value;
    }
    return true;
  };
}

function testPattern(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(value);
}

/** min/max length checks only (anything else: undefined, so the caller asks zod). */
function lengthBounds(checks: NonNullable<Def['checks']>): { min: number; max: number } | undefined {
  let [min, max] = [0, Infinity];
  for (const { _zod } of checks) {
    const c = _zod.def;
    if (c.check === 'min_length' && c.minimum !== undefined) min = Math.max(min, c.minimum);
    else if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max, c.maximum);
    else return undefined;
  }
  return { min, max };
}

/** A scalar leaf checked by zod itself: exact, and still far cheaper than parsing the object around it. */
function leafCheck(schema: ZodType): Predicate {
  return (v) => schema.safeParse(v).success;
}

function numberCheck(def: Def): Predicate {
  const int = def.format !== undefined;
  if (int && def.format !== 'safeint') return NOT_SURE;
  const bounds: Predicate[] = [];
  for (const { _zod } of def.checks ?? []) {
    const { check, value, inclusive } = _zod.def;
    if (typeof value !== 'number') return NOT_SURE;
    if (check === 'greater_than') bounds.push(inclusive ? (v) => (v as number) >= value : (v) => (v as number) > value);
    else if (check === 'less_than') bounds.push(inclusive ? (v) => (v as number) <= value : (v) => (v as number) < value);
    else return NOT_SURE;
  }
  const type: Predicate = int ? (v) => Number.isSafeInteger(v) : (v) => typeof v === 'number' && Number.isFinite(v);
  return bounds.length === 0 ? type : (v) => type(v) && bounds.every((b) => b(v));
}

function unionCheck(options: readonly ZodType[], mode: UnknownFields): Predicate {
  const preds = options.map((o) => fastCheck(o, mode));
  return (v) => preds.some((p) => p(v));
}

function arrayCheck(def: Def, mode: UnknownFields): Predicate {
  const lengths = lengthBounds(def.checks ?? []);
  if (lengths === undefined || !def.element) return NOT_SURE;
  const { min, max } = lengths;
  const item = fastCheck(def.element, mode);
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return false;
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  };
}

/** Records with string keys over plain objects (zod's own test), no symbol keys. */
function recordCheck(def: Def, mode: UnknownFields): Predicate {
  if (!def.keyType || !def.valueType || internals(def.keyType).def.type !== 'string' || (internals(def.keyType).def.checks ?? []).length > 0) return NOT_SURE;
  const item = fastCheck(def.valueType, mode);
  return (v) => {
    if (!isPlainRecord(v) || Object.getOwnPropertySymbols(v).length > 0) return false;
    for (const k in v) if (Object.hasOwn(v, k) && !item(v[k])) return false;
    return true;
  };
}

/**
 * Only plain objects (a class instance or a null-prototype object goes to zod): then `for…in` sees
 * exactly the own enumerable keys, the ones zod reads.
 */
function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function objectCheck(def: Def, mode: UnknownFields): Predicate {
  const catchall = def.catchall ? internals(def.catchall).def.type : undefined;
  // No catchall: undeclared keys are ignored by zod (drift for responses); `never` (.strict()): refused.
  if (catchall !== undefined && catchall !== 'never' && catchall !== 'unknown') return NOT_SURE;
  const shape = def.shape ?? {};
  const fields: Field[] = Object.keys(shape).map((key) => ({ key, check: fastCheck(shape[key]!, mode), required: internals(shape[key]!).optin === undefined }));
  const closed = catchall === 'never' || (catchall === undefined && mode === 'reject');
  const declared = closed ? new Set(Object.keys(shape)) : undefined;
  return (canCompile() && compiledObject(fields, declared)) || interpretedObject(fields, declared);
}

interface Field {
  key: string;
  check: Predicate;
  /** zod requires the key itself (`key in value`), not only a value its schema accepts. */
  required: boolean;
}

/** Closed objects: every enumerable key is a declared one (the keys zod's strict check reads). */
function onlyDeclared(v: Record<string, unknown>, declared: ReadonlySet<string>): boolean {
  for (const k in v) if (!declared.has(k)) return false;
  return true;
}

/**
 * The object check as straight-line code with one property access per declared field (what zod's own
 * JIT does): a loop over the keys makes every access a megamorphic lookup, several times slower.
 */
function compiledObject(fields: readonly Field[], declared: ReadonlySet<string> | undefined): Predicate | undefined {
  const lines = fields.map(({ key, required }, i) => {
    const k = JSON.stringify(key);
    return required ? `if (!(${k} in v) || !c[${i}](v[${k}])) return false;` : `if (!c[${i}](v[${k}])) return false;`;
  });
  const source = `return function check(v) { if (!isPlain(v)) return false;\n${lines.join('\n')}\nreturn declared === undefined || onlyDeclared(v, declared); };`;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- generated from the schema's own keys (JSON-quoted), as zod's JIT does
    return new Function('c', 'isPlain', 'declared', 'onlyDeclared', source)(fields.map((f) => f.check), isPlainRecord, declared, onlyDeclared) as Predicate;
  } catch {
    return undefined;
  }
}

function interpretedObject(fields: readonly Field[], declared: ReadonlySet<string> | undefined): Predicate {
  return (v) => {
    if (!isPlainRecord(v)) return false;
    for (const { key, check, required } of fields) if ((required && !(key in v)) || !check(v[key])) return false;
    return declared === undefined || onlyDeclared(v, declared);
  };
}

let evalAllowed: boolean | undefined;

/** Tests only: forget compiled predicates and compile objects with `new Function` or not (as under a CSP). */
export function resetFastCheck(codeGeneration: boolean | undefined): void {
  compiled.allow = new WeakMap();
  compiled.reject = new WeakMap();
  evalAllowed = codeGeneration;
}
/** Content-Security-Policy can forbid `new Function` in a browser; the interpreted check is the fallback. */
function canCompile(): boolean {
  if (evalAllowed === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- the probe for a CSP that forbids it
      evalAllowed = new Function('return true')() === true;
    } catch {
      evalAllowed = false;
    }
  }
  return evalAllowed;
}
