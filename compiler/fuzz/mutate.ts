// Random mutations of spec text for fuzzing: character- and token-level edits, truncation, random bytes.
// Deterministic for a seed, so a failure names the seed and case that reproduce it.
import { ganLexer } from "../phases/1-parse/lexer.ts";

/** A small seeded generator (mulberry32): fuzz cases must be reproducible, not cryptographic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ",",
  "=",
  "-",
  "^",
  "/",
  "*",
  "#",
  '"',
  "const",
  "gan",
  "\n",
  "0",
  "-1",
  "1e999",
  "NaN",
  "relu",
  "dense(",
  "dropout(keep = 0)",
  "reshape(0)",
  "optimizer",
  "data {",
  "\u00e9",
  "\t",
  "\r\n",
  "\uFEFF",
  "\u0000",
];

export type Mutation = (text: string, random: () => number) => string;

const pick = <T>(xs: readonly T[], random: () => number): T => xs[Math.floor(random() * xs.length)];
const at = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));

function tokenRanges(text: string): [number, number][] {
  return ganLexer.tokenize(text).tokens.map((t) => [t.startOffset, t.startOffset + t.image.length]);
}

export const mutations: Record<string, Mutation> = {
  deleteChar: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1);
  },
  insertSnippet: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(SNIPPETS, r) + t.slice(i);
  },
  swapChars: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1, i + 2) + t.slice(i, i + 1) + t.slice(i + 2);
  },
  deleteToken: (t, r) => {
    const ts = tokenRanges(t);
    if (!ts.length) return t;
    const [s, e] = pick(ts, r);
    return t.slice(0, s) + t.slice(e);
  },
  duplicateToken: (t, r) => {
    const ts = tokenRanges(t);
    if (!ts.length) return t;
    const [s, e] = pick(ts, r);
    return t.slice(0, e) + " " + t.slice(s, e) + t.slice(e);
  },
  swapTokens: (t, r) => {
    const ts = tokenRanges(t);
    if (ts.length < 2) return t;
    const i = Math.floor(r() * (ts.length - 1));
    const [a, b] = [ts[i], ts[i + 1]];
    return t.slice(0, a[0]) + t.slice(b[0], b[1]) + t.slice(a[1], b[0]) + t.slice(a[0], a[1]) + t.slice(b[1]);
  },
  replaceToken: (t, r) => {
    const ts = tokenRanges(t);
    if (!ts.length) return t;
    const [s, e] = pick(ts, r);
    const [s2, e2] = pick(ts, r);
    return t.slice(0, s) + t.slice(s2, e2) + t.slice(e);
  },
  duplicateLines: (t, r) => {
    const lines = t.split("\n");
    const i = Math.floor(r() * lines.length);
    const n = 1 + Math.floor(r() * 4);
    return [...lines.slice(0, i + n), ...lines.slice(i, i + n), ...lines.slice(i + n)].join("\n");
  },
  truncate: (t, r) => t.slice(0, at(t, r)),
  randomBytes: (t, r) => {
    const i = at(t, r);
    const n = 1 + Math.floor(r() * 16);
    const junk = Array.from({ length: n }, () => String.fromCharCode(Math.floor(r() * 0x3000))).join("");
    return t.slice(0, i) + junk + t.slice(i);
  },
};

/** One to three random mutations applied in a row. */
export function mutate(text: string, random: () => number): { text: string; steps: string[] } {
  const names = Object.keys(mutations);
  const steps: string[] = [];
  let out = text;
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    const name = pick(names, random);
    steps.push(name);
    out = mutations[name](out, random);
  }
  return { text: out, steps };
}
