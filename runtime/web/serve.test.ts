// The page's server answers only requests that name it (127.0.0.1:PORT or localhost:PORT): a page on
// another domain that resolves to 127.0.0.1 (DNS rebinding) gets nothing.
import { expect, test } from "vitest";
import { serveCommand } from "./serve.ts";

/** One HTTP/1.1 GET with a chosen Host header, over a raw socket; the status code. */
async function statusFor(port: number, host: string, path = "/session.json"): Promise<number> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    await conn.write(new TextEncoder().encode(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let text = "";
    const buf = new Uint8Array(4096);
    for (let n = await conn.read(buf); n !== null && !text.includes("\r\n"); n = await conn.read(buf)) {
      text += new TextDecoder().decode(buf.subarray(0, n));
    }
    return Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]);
  } finally {
    conn.close();
  }
}

test("gan serve answers 127.0.0.1:PORT and localhost:PORT, and no other Host", async () => {
  const stop = new AbortController();
  let port = 0;
  const quiet = console.error;
  console.error = () => {};
  try {
    await new Promise<void>((resolve) => {
      serveCommand({
        spec: new URL("../../specs/toy-1d.gan", import.meta.url).pathname,
        port: 0,
        signal: stop.signal,
        onListen: (url) => ((port = Number(new URL(url).port)), resolve()),
      });
    });
  } finally {
    console.error = quiet;
  }
  try {
    expect(await statusFor(port, `127.0.0.1:${port}`)).toBe(200);
    expect(await statusFor(port, `localhost:${port}`)).toBe(200);
    expect(await statusFor(port, `rebound.example:${port}`)).toBe(421);
    expect(await statusFor(port, `127.0.0.1:${port + 1}`)).toBe(421);
    expect(await statusFor(port, `rebound.example`, "/data.bin")).toBe(421);
  } finally {
    stop.abort();
  }
}, 60_000);

test("200 concurrent downloads of the training set do not copy it 200 times (peak memory of the server)", async () => {
  const root = new URL("../../", import.meta.url).pathname;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--unstable-webgpu", "--config", `${root}deno.json`, `${root}runtime/cli/main.ts`, "serve"]
      .concat([`${root}specs/mnist-mlp.gan`, "--port", "0"]),
    stderr: "piped",
    stdout: "null",
  }).spawn();
  try {
    const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!/http:\/\/127\.0\.0\.1:\d+\//.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`gan serve ended: ${text}`);
      text += value;
    }
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(text)![0];
    const mb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(Deno.readTextFileSync(`/proc/${child.pid}/status`))![1]) / 1024;
    const before = mb("VmRSS");
    const sizes = await Promise.all(Array.from({ length: 200 }, async () => {
      const r = await fetch(`${url}data.bin`);
      let n = 0;
      for await (const c of r.body!) n += c.length;
      return n;
    }));
    // every download whole: the bundled training split, 8,000 digits of 784 bytes
    expect(new Set(sizes)).toEqual(new Set([8000 * 784]));
    // 108 MB more at the peak when measured; 4.7 GB more when each request copied the set
    expect(mb("VmHWM") - before).toBeLessThan(500);
  } finally {
    child.kill();
    await child.status;
  }
}, 120_000);

test(
  "gan serve DIR runs none of the folder's code in Deno: it reads spec.gan, the browser runs the trainer",
  async () => {
    const dir = await Deno.makeTempDir();
    const root = new URL("../../generated/toy-1d/", import.meta.url).pathname;
    await new Deno.Command("cp", { args: ["-r", root, `${dir}/toy`] }).output();
    const trainer = `${dir}/toy/trainer.ts`;
    // a folder from elsewhere whose trainer.ts does something when it is imported
    await Deno.writeTextFile(
      trainer,
      `(globalThis as Record<string, unknown>).ranInServer = true;\n` + Deno.readTextFileSync(trainer),
    );
    const stop = new AbortController();
    const quiet = console.error;
    console.error = () => {};
    let url = "";
    try {
      await new Promise<void>((resolve) => {
        serveCommand({ spec: `${dir}/toy`, port: 0, signal: stop.signal, onListen: (u) => ((url = u), resolve()) });
      });
      expect((globalThis as Record<string, unknown>).ranInServer).toBeUndefined();
      // a folder that is not a generated one is one line
      await expect(serveCommand({ spec: dir, port: 0 })).rejects.toThrow(
        `${dir} is a folder but not a generated one (no spec.gan and trainer.ts)`,
      );
      expect((await (await fetch(`${url}session.json`)).json()).name).toBe("toy-1d");
      // the browser gets the folder's own trainer.ts, bundled
      expect(await (await fetch(`${url}trainer.js`)).text()).toContain("ranInServer = true");
    } finally {
      console.error = quiet;
      stop.abort();
      await Deno.remove(dir, { recursive: true });
    }
  },
  60_000,
);

test("a class-conditional spec's page gets the training labels (labels.u8, one byte per example); others get 404", async () => {
  const serve = async (spec: string) => {
    const stop = new AbortController();
    const quiet = console.error;
    console.error = () => {};
    let port = 0;
    try {
      await new Promise<void>((resolve) => {
        serveCommand({
          spec: new URL(`../../specs/${spec}`, import.meta.url).pathname,
          port: 0,
          signal: stop.signal,
          onListen: (url) => ((port = Number(new URL(url).port)), resolve()),
        });
      });
    } finally {
      console.error = quiet;
    }
    return { port, stop };
  };
  const a = await serve("acgan-mnist.gan");
  try {
    const labels = new Uint8Array(await (await fetch(`http://127.0.0.1:${a.port}/labels.u8`)).arrayBuffer());
    const session = await (await fetch(`http://127.0.0.1:${a.port}/session.json`)).json();
    expect(labels.length).toBe(session.examples);
    expect(Math.max(...labels)).toBe(9);
    // every digit is there (the bundled split is stratified)
    expect(new Set(labels).size).toBe(10);
  } finally {
    a.stop.abort();
  }
  const t = await serve("toy-1d.gan");
  try {
    const r = await fetch(`http://127.0.0.1:${t.port}/labels.u8`);
    await r.body?.cancel();
    expect(r.status).toBe(404);
  } finally {
    t.stop.abort();
  }
});
