// Fault injection per route: what a flaky network or gateway does to a client.
import { Random } from './random.js';

export const FAULT_KINDS = ['500', '502', 'truncated', 'latency', 'drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  /**
   * Which requests: an operationId (`createRender`, `custom_template_jobs_create`), or
   * `METHOD /path` where `*` matches any characters (`GET /v1/renders/*`), or `*` for every vendor route.
   */
  route: string;
  /**
   * - `500`: a vendor-shaped 500, the request is not processed;
   * - `502`: an HTML 502 page as a gateway sends it, not processed;
   * - `truncated`: processed, then the JSON body is cut in half;
   * - `latency`: `latencyMs` added before processing;
   * - `drop`: processed (committed), then the connection is destroyed without an answer.
   */
  kind: FaultKind;
  /** Chance that a matching request gets the fault (0..1, default 1); drawn from the seeded PRNG. */
  probability?: number;
  /** How many times it fires at most (default unlimited). */
  count?: number;
  /** For `latency` (default 1000). */
  latencyMs?: number;
}

export interface FaultState extends FaultRule {
  /** How many times it has fired. */
  fired: number;
}

export function validateFault(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null) throw new TypeError('a fault is an object {route, kind, probability?, count?, latencyMs?}');
  const f = input as Record<string, unknown>;
  if (typeof f.route !== 'string' || f.route === '') throw new TypeError('fault.route must be a non-empty string');
  if (!FAULT_KINDS.includes(f.kind as FaultKind)) throw new TypeError(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (f.probability !== undefined && !(typeof f.probability === 'number' && f.probability >= 0 && f.probability <= 1)) throw new TypeError('fault.probability must be between 0 and 1');
  if (f.count !== undefined && !(Number.isInteger(f.count) && (f.count as number) >= 0)) throw new TypeError('fault.count must be a non-negative integer');
  if (f.latencyMs !== undefined && !(typeof f.latencyMs === 'number' && f.latencyMs >= 0)) throw new TypeError('fault.latencyMs must be a non-negative number');
  const rule: FaultRule = { route: f.route, kind: f.kind as FaultKind };
  if (f.probability !== undefined) rule.probability = f.probability;
  if (f.count !== undefined) rule.count = f.count as number;
  if (f.latencyMs !== undefined) rule.latencyMs = f.latencyMs;
  return rule;
}

/**
 * Parses `--faults`: a JSON array (or object) of rules, or the compact form
 * `route:kind[:p=0.5][:count=1][:ms=300]`, several separated by commas,
 * e.g. `createRender:drop:count=1,GET /v1/renders/*:500:p=0.2`.
 */
export function parseFaults(text: string): FaultRule[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const parsed: unknown = JSON.parse(trimmed);
    return (Array.isArray(parsed) ? parsed : [parsed]).map(validateFault);
  }
  return trimmed.split(',').filter(Boolean).map((part) => {
    const [route, kind, ...opts] = part.split(':').map((s) => s.trim());
    const rule: Record<string, unknown> = { route, kind };
    for (const opt of opts) {
      const [k, v] = opt.split('=');
      const n = Number(v);
      if (k === 'p' || k === 'probability') rule.probability = n;
      else if (k === 'count') rule.count = n;
      else if (k === 'ms' || k === 'latencyMs') rule.latencyMs = n;
      else throw new TypeError(`unknown fault option '${k}' in '${part}'`);
    }
    return validateFault(rule);
  });
}

const globToRegExp = (glob: string) => new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

export class Faults {
  readonly #seed: string | number | undefined;
  #added = 0;
  #rules: Array<FaultState & { match: RegExp; random: Random }> = [];

  /** With a seed, each rule draws from its own stream, so one rule's draws never shift another's. */
  constructor(seed: string | number | undefined, rules: readonly FaultRule[] = []) {
    this.#seed = seed;
    this.set(rules);
  }

  list(): FaultState[] {
    return this.#rules.map(({ match: _match, random: _random, ...rest }) => ({ ...rest }));
  }

  set(rules: readonly FaultRule[]): void {
    this.#rules = [];
    this.#added = 0;
    this.add(rules);
  }

  add(rules: FaultRule | readonly FaultRule[]): void {
    for (const r of Array.isArray(rules) ? (rules as FaultRule[]) : [rules as FaultRule]) {
      const rule = validateFault(r);
      const random = new Random(this.#seed, `faults/${this.#added++}/${rule.route}/${rule.kind}`);
      this.#rules.push({ ...rule, fired: 0, match: globToRegExp(rule.route), random });
    }
  }

  clear(): void {
    this.#rules = [];
    this.#added = 0;
  }

  /** The fault for this request, if one fires; the first matching rule that fires wins. */
  pick(operationId: string, method: string, path: string): FaultState | undefined {
    const line = `${method} ${path}`;
    for (const rule of this.#rules) {
      if (rule.route !== operationId && rule.route !== '*' && !rule.match.test(line)) continue;
      if (rule.count !== undefined && rule.fired >= rule.count) continue;
      if (rule.random.next() >= (rule.probability ?? 1)) continue;
      rule.fired++;
      const { match: _match, random: _random, ...state } = rule;
      return state;
    }
    return undefined;
  }
}
