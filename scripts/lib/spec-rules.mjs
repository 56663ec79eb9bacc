// Our rules for what a spec change means to the people who use the packages: the one place where
// `redocly diff`'s verdicts are mapped to ours. Everything not listed keeps redocly's verdict.
//
// redocly judges a change as an API provider would. Our consumers are typed SDK users whose reads
// are tolerant (an unknown enum value or extra field in a response is passed through, not rejected),
// so some of its "major" verdicts break nobody here.

/** ruleId → { request?, response? } impact for a change in that direction. */
export const OVERRIDES = {
  // A new value a response may carry: tolerant reads pass it through. In a request: a new option.
  'enum-values-added': {
    request: 'minor',
    response: 'minor',
    why: 'reads are tolerant: a new enum value breaks no reader, and in a request it is a new option',
  },
  // A response field that is now always there: code that handled it missing still compiles and runs.
  'required-properties-added': { response: 'minor', why: 'a response field that became required breaks no reader' },
  // A request field that became optional: every existing call still type-checks.
  'required-properties-removed': { request: 'minor', why: 'a request field that became optional breaks no caller' },
};

const RANK = { none: 0, patch: 1, minor: 2, major: 3 };

export const maxImpact = (impacts) => impacts.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');

/** Whether a change's JSON pointer (redocly's `path`) is in what a caller sends or what it reads. */
export function direction(pointer) {
  if (/\/requestBody\/|\/parameters\//.test(pointer)) return 'request';
  if (/\/responses\//.test(pointer)) return 'response';
  return 'other';
}

/** Our impact of one verdict, and the reason when it differs from redocly's. */
export function judgeVerdict(verdict, where) {
  const override = OVERRIDES[verdict.ruleId];
  const ours = override?.[where];
  if (!ours || ours === verdict.impact) return { impact: verdict.impact };
  return { impact: ours, overridden: `redocly: ${verdict.impact}; ours: ${ours} (${override.why})` };
}

/** The changeset bump a spec impact requires. Below 1.0 semver shifts down one: breaking → minor. */
export function requiredBump(impact, version) {
  const stable = Number(version.split('.')[0]) >= 1;
  if (impact === 'major') return stable ? 'major' : 'minor';
  if (impact === 'minor') return stable ? 'minor' : 'patch';
  if (impact === 'patch') return 'patch';
  return 'none';
}

export const bumpAtLeast = (given, needed) => RANK[given ?? 'none'] >= RANK[needed];
