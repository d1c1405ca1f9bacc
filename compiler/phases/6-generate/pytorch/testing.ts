// What the PyTorch engine's tests share: Debian's Python with torch (the tests skip with a warning
// without it), and tensors passed to it as raw little-endian float64 files with a JSON index.
export const PYTHON = "/usr/bin/python3";

export const haveTorch = (() => {
  try {
    return new Deno.Command(PYTHON, { args: ["-c", "import torch"], stderr: "null" }).outputSync().success;
  } catch {
    return false;
  }
})();

/** Runs Python code with arguments; returns stdout, and throws with stderr when it fails. */
export async function python(code: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const r = await new Deno.Command(PYTHON, { args: ["-c", code, ...args], env, stdout: "piped", stderr: "piped" })
    .output();
  const err = new TextDecoder().decode(r.stderr);
  if (!r.success) throw new Error(`python failed:\n${err.slice(-4000)}`);
  return new TextDecoder().decode(r.stdout);
}

/** Float64 tensors packed into one file, with [offset, shape] of each by name. */
export class F64Pack {
  private readonly parts: Float64Array[] = [];
  private at = 0;
  readonly index: Record<string, [number, number[]]> = {};

  add(name: string, values: ArrayLike<number>, shape: readonly number[]): void {
    const v = Float64Array.from(values);
    const n = shape.reduce((a, b) => a * b, 1);
    if (v.length !== n) throw new Error(`${name}: ${v.length} values, shape [${shape.join(", ")}]`);
    this.index[name] = [this.at, [...shape]];
    this.parts.push(v);
    this.at += v.length;
  }

  bytes(): Uint8Array {
    const all = new Float64Array(this.at);
    let at = 0;
    for (const p of this.parts) {
      all.set(p, at);
      at += p.length;
    }
    return new Uint8Array(all.buffer);
  }
}

/** The worst relative difference, |a - b| / max(1, |b|). */
export function worstDifference(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let e = 0;
  for (let i = 0; i < got.length; i++) e = Math.max(e, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
  return e;
}
