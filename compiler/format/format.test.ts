import { describe, expect, test } from "vitest";
import { parse } from "../phases/1-parse/parse.ts";
import { formatSpec } from "./format.ts";

/** Formats text that must parse cleanly. */
function fmt(text: string): string {
  const { ast, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  return formatSpec(ast, text);
}

/** A copy of a parse tree without source positions (`span`, `nameSpan`, `headerSpan`, ...). */
function stripSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSpans);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "span" && !k.endsWith("Span")) out[k] = stripSpans(v);
  return out;
}

const MNIST = `# The paper's MNIST GAN.
gan "mnist-mlp"

const g_init = uniform(-0.05, 0.05)
const sqrt3 = sqrt(3)

latent {
  dim = 100
  prior = uniform(-sqrt3, sqrt3)
}

generator {
  dense(1200, init = g_init)
  relu
  dense(784, init = g_init, bias_init = data_logit(clip = 1e-7))
  sigmoid  # fused with BCE
  reshape(1, 28, 28)
}

optimizer generator {
  method = sgd
  lr = exp_decay(0.1, rate = 1.000004, floor = 1e-6)
}
`;

const MESSY = `


   # header comment   
gan   mnist     # trailing on header
const   a=1
const b =   -a*(2+3)   ^   2 # why
const c=[ 1 ,2, 3, ]


latent{dim=100 prior=uniform( -1,1, )}
generator {


  dense( 10 ,init=uniform(-0.5,0.5))   relu


  # before sigmoid
  sigmoid



}
empty   {  }
optimizer   generator{method=sgd lr=0.1/1.000004^t}  # after close
# at the end of the file   

`;

const COMMENTS = `# file comment 1

# file comment 2
gan "x"
# after header

const a = 1  # trailing a
# between consts
const b = 2
generator {  # after open brace
  # own line
  dense(10,  # inside call
    init = uniform(-1,  # deeper
      1))  # trailing after call

  relu
  # end of section
}  # after close brace
# before last
latent {
  # only a comment
}
# end of file
`;

/** Nested bodies: a block with parameters, residuals, a shortcut, named values. */
const NESTED = `block  res( ch,k=3 ){residual{relu  # pre-activation
 conv2d(ch, kernel = k, padding = 1)
  shortcut{ conv2d(ch,kernel=1) }
 }}
generator { a=dense(10) residual {

  relu
}
add(a)   res(4)  residual {} }
`;

const SAMPLES = [MNIST, MESSY, COMMENTS, NESTED, 'gan "a\\"b\\\\c"\nx {}\n', "const a = 1\n", "# only\n", ""];

describe("formatSpec: canonical form", () => {
  test("the canonical example is unchanged", () => {
    expect(fmt(MNIST)).toBe(MNIST);
  });

  test("a messy file becomes canonical", () => {
    expect(fmt(MESSY)).toBe(`# header comment
gan "mnist"  # trailing on header

const a = 1
const b = -a * (2 + 3) ^ 2  # why
const c = [1, 2, 3]

latent {
  dim = 100
  prior = uniform(-1, 1)
}

generator {
  dense(10, init = uniform(-0.5, 0.5))
  relu

  # before sigmoid
  sigmoid
}

empty {}

optimizer generator {
  method = sgd
  lr = 0.1 / 1.000004 ^ t
}  # after close
# at the end of the file
`);
  });

  test("nested bodies indent two more spaces each; a block's parameters stay on its line", () => {
    expect(fmt(NESTED)).toBe(`block res(ch, k = 3) {
  residual {
    relu  # pre-activation
    conv2d(ch, kernel = k, padding = 1)
    shortcut {
      conv2d(ch, kernel = 1)
    }
  }
}

generator {
  a = dense(10)
  residual {
    relu
  }
  add(a)
  res(4)
  residual {}
}
`);
    expect(fmt(fmt(NESTED))).toBe(fmt(NESTED));
  });

  test("expressions: operators, unary, parentheses kept as written, numbers as written, strings", () => {
    const src = `const x=(a)+-b-(c-d)*e/f^-g^h
const y=+ 1.50e+3 - .5
const s="say \\"hi\\" \\\\ there"
const l=[]
sec{ layer() other(k=[1,[2]]) }
`;
    expect(fmt(src)).toBe(`const x = (a) + -b - (c - d) * e / f ^ -g ^ h
const y = +1.50e+3 - .5
const s = "say \\"hi\\" \\\\ there"
const l = []

sec {
  layer()
  other(k = [1, [2]])
}
`);
  });

  test("a header name is always a double-quoted string", () => {
    expect(fmt("gan plain")).toBe('gan "plain"\n');
    expect(fmt('gan "q\\"uote\\\\"')).toBe('gan "q\\"uote\\\\"\n');
  });

  test("long lines are never wrapped", () => {
    const args = Array.from({ length: 40 }, (_, i) => `k${i} = ${i}`).join(", ");
    expect(fmt(`g {\n  f(${args})\n}\n`)).toBe(`g {\n  f(${args})\n}\n`);
  });

  test("items get one blank line between them; constants stay together unless the source split them", () => {
    expect(fmt("gan x\nconst a = 1\nconst b = 2\n\n\n\nconst c = 3\ns {}\nt {}\nconst d = 4")).toBe(
      'gan "x"\n\nconst a = 1\nconst b = 2\n\nconst c = 3\n\ns {}\n\nt {}\n\nconst d = 4\n',
    );
  });

  test("blank lines collapse to one, and none follow `{` or precede `}`", () => {
    expect(fmt("s {\n\n\n  a = 1\n\n\n\n  b = 2\n  c = 3\n\n\n}\n\n\n\n\nt {\n  x\n}\n\n\n")).toBe(
      "s {\n  a = 1\n\n  b = 2\n  c = 3\n}\n\nt {\n  x\n}\n",
    );
  });
});

describe("formatSpec: comments", () => {
  test("every kind of placement", () => {
    expect(fmt(COMMENTS)).toBe(`# file comment 1

# file comment 2
gan "x"
# after header

const a = 1  # trailing a
# between consts
const b = 2

generator {  # after open brace
  # own line
  # inside call
  # deeper
  dense(10, init = uniform(-1, 1))  # trailing after call

  relu
  # end of section
}  # after close brace

# before last
latent {
  # only a comment
}
# end of file
`);
  });

  test("an own-line comment is indented like the statement it precedes", () => {
    expect(fmt("g {\n# flush left\n        relu\n       # end\n}\n")).toBe("g {\n  # flush left\n  relu\n  # end\n}\n");
  });

  test("a comment after a statement that shares its line with another stays with the later one", () => {
    expect(fmt("g { dense(1) relu # r\n}\n")).toBe("g {\n  dense(1)\n  relu  # r\n}\n");
  });

  test("comments inside a multi-line const or section head move above it", () => {
    expect(fmt("const a = f(1, # one\n  2)\ng # head\n{\n  relu\n}\n")).toBe(
      "# one\nconst a = f(1, 2)\n\n# head\ng {\n  relu\n}\n",
    );
  });

  test("comment text is kept verbatim except trailing whitespace", () => {
    expect(fmt("#!weird   ##  text \t\ng {}\n")).toBe("#!weird   ##  text\ng {}\n");
  });

  test("every comment's text appears in the output, in order", () => {
    for (const src of SAMPLES) {
      const out = fmt(src);
      let at = 0;
      for (const c of parse(src).ast.comments) {
        const i = out.indexOf(c.text.trimEnd(), at);
        expect(i, `${c.text} in\n${out}`).toBeGreaterThanOrEqual(at);
        at = i + c.text.trimEnd().length;
      }
      expect(parse(out).ast.comments.map((c) => c.text)).toEqual(parse(src).ast.comments.map((c) => c.text.trimEnd()));
    }
  });
});

describe("formatSpec: invariants", () => {
  test.each(SAMPLES.map((s, i) => [i, s]))("sample %i: idempotent, one final newline, no trailing spaces", (_, src) => {
    const once = fmt(src);
    expect(fmt(once)).toBe(once);
    expect(once.endsWith("\n") && !once.endsWith("\n\n")).toBe(true);
    expect(once.split("\n").filter((l) => l !== l.trimEnd())).toEqual([]);
    expect(once).not.toMatch(/\n\n\n/);
  });

  test.each(SAMPLES.map((s, i) => [i, s]))("sample %i: formatting keeps the parse tree", (_, src) => {
    const before = parse(src).ast;
    before.comments = before.comments.map((c) => ({ ...c, text: c.text.trimEnd() }));
    expect(stripSpans(parse(fmt(src)).ast)).toEqual(stripSpans(before));
  });

  test("every bundled spec is canonical and round-trips", () => {
    const dir = new URL("../../specs/", import.meta.url);
    const names = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".gan")).map((e) => e.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      const text = Deno.readTextFileSync(new URL(name, dir));
      expect(fmt(text), name).toBe(text);
      expect(stripSpans(parse(fmt(text)).ast), name).toEqual(stripSpans(parse(text).ast));
    }
  });
});
