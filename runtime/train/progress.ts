// One status line on a terminal (redrawn in place), plain log lines otherwise.
const enc = new TextEncoder();

export class Progress {
  private readonly tty = Deno.stderr.isTerminal();
  private lastDraw = 0;
  private started = performance.now();
  private startStep = 0;

  constructor(private readonly total: number | undefined) {}

  begin(step: number): void {
    this.started = performance.now();
    this.startStep = step;
  }

  /** Redraws at most 10 times a second on a terminal. */
  update(step: number, metrics?: Record<string, number>): void {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 100 && step !== this.total) return;
    this.lastDraw = now;
    Deno.stderr.writeSync(enc.encode(`\r\x1b[K${this.line(step, metrics)}`));
  }

  /** A log line: on a terminal it is printed above the status line. */
  log(text: string): void {
    if (this.tty) Deno.stderr.writeSync(enc.encode(`\r\x1b[K${text}\n`));
    else console.error(text);
  }

  done(): void {
    if (this.tty) Deno.stderr.writeSync(enc.encode("\n"));
  }

  rate(step: number): number {
    const s = (performance.now() - this.started) / 1000;
    return s > 0 ? (step - this.startStep) / s : 0;
  }

  line(step: number, m?: Record<string, number>): string {
    const rate = this.rate(step);
    const width = 24;
    const bar = this.total
      ? `[${"#".repeat(Math.round((width * step) / this.total)).padEnd(width, ".")}] ${step}/${this.total}`
      : `step ${step}`;
    const eta = this.total && rate > 0 ? ` ETA ${duration((this.total - step) / rate)}` : "";
    const losses = m
      ? ` d_loss ${fmt(m.d_loss)} g_loss ${fmt(m.g_loss)} D(x) ${fmt(m.d_real)} D(G(z)) ${fmt(m.d_fake)}${
        m.penalty === undefined ? "" : ` penalty ${fmt(m.penalty)}`
      }`
      : "";
    return `${bar} ${speed(rate)}${eta}${losses}`;
  }
}

const fmt = (x: number | undefined) => (x === undefined ? "-" : x.toFixed(3));

/** "12.3 steps/s", or "4.2 s/step" when a step takes longer than a second. */
export function speed(stepsPerSecond: number): string {
  if (!(stepsPerSecond > 0)) return "- steps/s";
  return stepsPerSecond >= 1 ? `${stepsPerSecond.toFixed(1)} steps/s` : `${(1 / stepsPerSecond).toFixed(1)} s/step`;
}

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * A bar for counted work that is not training (decoding a folder of images): redrawn in place on a
 * terminal at most 10 times a second, a line at every quarter otherwise. Returns the callback and a
 * function that ends the bar.
 */
export function countBar(label: string): { update: (done: number, total: number) => void; end: () => void } {
  const tty = Deno.stderr.isTerminal();
  const started = performance.now();
  let last = 0;
  let quarter = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = performance.now();
      const rate = done / Math.max(1e-3, (now - started) / 1000);
      const eta = rate > 0 && done < total ? ` ETA ${duration((total - done) / rate)}` : "";
      const line = `${label} [${"#".repeat(Math.round((24 * done) / total)).padEnd(24, ".")}] ${done}/${total}${eta}`;
      if (tty) {
        if (now - last < 100 && done !== total) return;
        last = now;
        drawn = true;
        Deno.stderr.writeSync(new TextEncoder().encode(`\r\x1b[K${line}`));
      } else if (done === total || (4 * done) / total >= quarter + 1) {
        quarter = Math.floor((4 * done) / total);
        console.error(line);
      }
    },
    end() {
      if (tty && drawn) Deno.stderr.writeSync(new TextEncoder().encode("\n"));
    },
  };
}
