// What the run tests share.

/** Runs `f` with console.log and console.error silenced (a run's progress lines), and returns its result. */
export const quiet = async <T>(f: () => Promise<T>): Promise<T> => {
  const [log, err] = [console.log, console.error];
  console.log = console.error = () => {};
  try {
    return await f();
  } finally {
    [console.log, console.error] = [log, err];
  }
};
