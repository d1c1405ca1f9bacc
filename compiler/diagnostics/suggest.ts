import { closest, distance } from "fastest-levenshtein";

/** The candidate a typo most likely meant, if one is close enough. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates as string[]);
  const limit = best.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3));
  return distance(word, best) <= limit || best.startsWith(word) || word.startsWith(best) ? best : undefined;
}

/** "did you mean `x`?" when a candidate is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const best = closestWord(word, candidates);
  return best === undefined ? undefined : `did you mean \`${best}\`?`;
}

export function oneOf(candidates: readonly string[]): string {
  return candidates.map((c) => `\`${c}\``).join(", ");
}
