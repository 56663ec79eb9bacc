// "Did you mean": one implementation for every vendor's names (Creatomate modification keys,
// Creatify variable names), so the SDK packages cannot suggest differently.

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and transpositions of two
 * adjacent characters each count as one edit, so `Nmae` is one edit from `Name` (Levenshtein says
 * two, which let `Product-Image` tie with `Product-Name`). Case-sensitive; callers fold case.
 * Hand-written (a dozen lines) to keep core's browser bundle free of a dependency for it.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  // Three rolling rows: the row before last is what a transposition looks back to.
  let before: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[t.length]!;
}

export interface Suggestion {
  value: string;
  distance: number;
}

/** The edits a name of `length` characters may be away from a candidate and still be called a typo. */
export const maxTypoEdits = (length: number): number => Math.max(2, Math.floor(length / 3));

/**
 * The candidate closest to `input` (ignoring case) when it is close enough to be a typo, else
 * undefined: nothing is suggested when nothing is close. Between equally close candidates the one
 * whose case matches better wins, then the earlier one, so callers list the candidates they prefer first.
 */
export function closestMatch(input: string, candidates: Iterable<string>): Suggestion | undefined {
  const needle = input.toLowerCase();
  let best: (Suggestion & { exact: number }) | undefined;
  for (const value of candidates) {
    const distance = editDistance(needle, value.toLowerCase());
    if (best && distance > best.distance) continue;
    // Case is ignored for closeness, but between equally close names the one spelt like the input wins.
    const exact = editDistance(input, value);
    if (!best || distance < best.distance || exact < best.exact) best = { value, distance, exact };
  }
  return best && best.distance <= maxTypoEdits(input.length) ? { value: best.value, distance: best.distance } : undefined;
}
