// Gunzip for data files. fflate inflates, but it checks neither the CRC-32 nor the length that every
// gzip member ends with, so a truncated or damaged file can inflate "successfully" to wrong bytes (a
// flipped length byte gives a shorter array, a cut trailer gives no error at all). We check both. And a
// few kilobytes of gzip can claim gigabytes, so inflating stops at a cap the caller sets: a reader asks
// for no more than the file's own header promises.
import { Gunzip } from "fflate";
import { FormatError } from "../io/errors.ts";
import { count } from "./dataset.ts";

export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Inflated bytes; `over` when the data holds more than the cap (`bytes` is then its first bytes, unchecked). */
export interface Inflated {
  bytes: Uint8Array;
  over: boolean;
}

/** Input is fed in pieces this size, so a stream over its cap stops within one piece's output. */
const PIECE = 65536;

/** The decompressed bytes of a gzip file of one or more members (as `cat a.gz b.gz` makes), up to `cap`. */
export function gunzip(bytes: Uint8Array, source: string, cap: number): Inflated {
  function fail(problem: string): never {
    throw new FormatError(source, `corrupt gzip data: ${problem}`);
  }
  const chunks: Uint8Array[] = [];
  const memberStarts = [0];
  let total = 0;
  const STOP = Symbol("over the cap");
  try {
    const stream = new Gunzip((chunk) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total > cap) throw STOP;
    });
    stream.onmember = (offset) => memberStarts.push(offset);
    for (let at = 0; at < bytes.length; at += PIECE) {
      stream.push(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
    }
  } catch (e) {
    if (e === STOP) return { bytes: concat(chunks), over: true };
    const message = e instanceof Error ? e.message : String(e);
    fail(message === "unexpected EOF" ? "truncated (the compressed data ends early)" : message);
  }
  const out = concat(chunks);
  // Each member ends in 8 bytes: CRC-32 and length (mod 2^32) of its part of the output, little-endian.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  for (let m = 0; m < memberStarts.length; m++) {
    const end = m + 1 < memberStarts.length ? memberStarts[m + 1] : bytes.length;
    if (end - memberStarts[m] < 18) fail("truncated (a gzip member is at least 18 bytes)");
    const [crc, size] = [view.getUint32(end - 8, true), view.getUint32(end - 4, true)];
    if (at + size > out.length || crc32(out.subarray(at, at + size)) !== crc) {
      fail("the data does not match its CRC-32 checksum (the file is truncated or damaged)");
    }
    at += size;
  }
  if (at !== out.length) fail(`${count(out.length - at)} decompressed bytes are not covered by any checksum`);
  return { bytes: out, over: false };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  if (chunks.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), at += c.length;
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 as gzip defines it (IEEE 802.3, reflected polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
