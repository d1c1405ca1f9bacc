// The `gan` wrapper passes on the signals it can catch, but one it cannot (SIGKILL) ends it alone, and
// Deno would train on without it. Deno watches its parent instead: once the process that started it is
// gone, a running training is stopped as Ctrl-C stops it (a checkpoint saved), and any other command ends.

const orphanHandlers = new Set<() => void>();

/** While registered, `f` is called (once) instead of exiting when the parent process is gone. */
export function onOrphaned(f: () => void): () => void {
  orphanHandlers.add(f);
  return () => orphanHandlers.delete(f);
}

/** Starts the watch (every half second; it never keeps the process alive by itself). */
export function watchParent(): void {
  const parent = Deno.ppid;
  const timer = setInterval(() => {
    if (Deno.ppid === parent) return;
    clearInterval(timer);
    if (orphanHandlers.size === 0) Deno.exit(129);
    for (const f of orphanHandlers) f();
  }, 500);
  Deno.unrefTimer(timer);
}
