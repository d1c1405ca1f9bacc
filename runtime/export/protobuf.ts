// The few Protocol Buffers encodings an ONNX file needs, written by hand: varints, fixed 32-bit floats,
// and length-delimited bytes, strings and nested messages. A message is built as a list of byte runs, so
// a weight of hundreds of megabytes is copied once, into the file, and never through an array of numbers.

const WIRE = { varint: 0, fixed32: 5, bytes: 2 } as const;
const encoder = new TextEncoder();

function varint(v: number | bigint): Uint8Array {
  // int64 fields: a negative value is its 64-bit two's complement (ten bytes)
  let x = BigInt.asUintN(64, BigInt(v));
  const out: number[] = [];
  do {
    let b = Number(x & 0x7fn);
    x >>= 7n;
    if (x) b |= 0x80;
    out.push(b);
  } while (x);
  return Uint8Array.from(out);
}

export class Message {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  private push(b: Uint8Array): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }

  private key(field: number, wire: number): this {
    return this.push(varint((field << 3) | wire));
  }

  /** An int32, int64 or enum field (negative values as int64). */
  int(field: number, v: number | bigint): this {
    return this.key(field, WIRE.varint).push(varint(v));
  }

  float(field: number, v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    return this.key(field, WIRE.fixed32).push(b);
  }

  bytes(field: number, b: Uint8Array): this {
    return this.key(field, WIRE.bytes).push(varint(b.length)).push(b);
  }

  string(field: number, s: string): this {
    return this.bytes(field, encoder.encode(s));
  }

  message(field: number, m: Message): this {
    this.key(field, WIRE.bytes).push(varint(m.size));
    for (const p of m.parts) this.push(p);
    return this;
  }

  /** The encoded message. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
