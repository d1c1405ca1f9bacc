// Labels as a conditional spec's generated module takes them: each row's class after its values, checked.
import { expect, test } from "vitest";
import { latentRows, withLabels } from "./data.ts";

test("withLabels puts each example's class after its values, and refuses labels that do not fit the spec", () => {
  const x = Float32Array.of(1, 2, 3, 4, 5, 6);
  expect(withLabels(x, 3, undefined, 0, "d")).toBe(x); // no classes: the values themselves, not copied
  expect([...withLabels(x, 3, [7, 2], 10, "d")]).toEqual([1, 2, 3, 7, 4, 5, 6, 2]);
  expect(() => withLabels(x, 3, undefined, 10, "training data")).toThrow(
    "the spec is conditioned on 10 classes: give one label per row",
  );
  expect(() => withLabels(x, 3, [1], 10, "d")).toThrow("1 labels for 2 rows");
  expect(() => withLabels(x, 3, [1, 10], 10, "training data")).toThrow("row 1's label is 10, not a class from 0 to 9");
  expect(() => withLabels(x, 3, [1, 2.5], 10, "d")).toThrow("row 1's label is 2.5");
});

test("latentRows gives row i the class i mod classes unless told", () => {
  const z = Float32Array.of(0.5, -0.5, 1, -1, 2, -2);
  expect([...latentRows(z, 2, undefined, 2)]).toEqual([0.5, -0.5, 0, 1, -1, 1, 2, -2, 0]);
  expect([...latentRows(z, 2, [1, 1, 1], 2)]).toEqual([0.5, -0.5, 1, 1, -1, 1, 2, -2, 1]);
  expect(latentRows(z, 2, undefined, 0)).toBe(z);
});
