// Edit distances of terms: one edit for typo matches (DamerauDistance.swift), and a bounded
// Levenshtein distance for the "Meinten Sie …" suggestions (suggestions.js, browser only).

const encoder = new TextEncoder();

/** Damerau-Levenshtein distance of exactly one (an exact match is not a typo). */
export function isWithinOne(a, b) {
  const x = encoder.encode(a), y = encoder.encode(b);
  if (x.length === y.length && x.every((v, i) => v === y[i])) return false;
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const same = (p, from, q, to) => p.length - from === q.length - to && p.subarray(from).every((v, k) => v === q[to + k]);
  if (x.length === y.length) {
    if (same(x, i + 1, y, i + 1)) return true;
    return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && same(x, i + 2, y, i + 2);
  }
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  return same(long, i + 1, short, i);
}

/** Levenshtein distance of two terms, or `limit + 1` as soon as it is certainly larger. */
export function editDistance(a, b, limit) {
  const x = [...a], y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[y.length];
}
