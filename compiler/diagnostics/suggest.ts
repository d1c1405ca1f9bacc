import { closest, distance } from "fastest-levenshtein";

/** The candidate a typo most likely meant, if one is close enough. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  const limit = best.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3));
  return distance(word, best) <= limit || swapped(word, best) || best.startsWith(word) || word.startsWith(best)
    ? best
    : undefined;
}

/** Two neighbouring letters swapped (`sdg` for `sgd`): one slip, though Levenshtein counts two. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** "did you mean `x`?" when a candidate is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const best = closestWord(word, candidates);
  return best === undefined ? undefined : `did you mean \`${best}\`?`;
}

export function oneOf(candidates: readonly string[]): string {
  return candidates.map((c) => `\`${c}\``).join(", ");
}
