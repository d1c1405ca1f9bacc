// Gunzip for data files. fflate inflates, but it checks neither the CRC-32 nor the length that every
// gzip member ends with, so a truncated or damaged file can inflate "successfully" to wrong bytes (a
// flipped length byte gives a shorter array, a cut trailer gives no error at all). We check both.
import { Gunzip } from "fflate";
import { FormatError } from "../io/errors.ts";
import { count } from "./dataset.ts";

export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The decompressed bytes of a gzip file of one or more members (as `cat a.gz b.gz` makes). */
export function gunzip(bytes: Uint8Array, source: string): Uint8Array {
  function fail(problem: string): never {
    throw new FormatError(source, `corrupt gzip data: ${problem}`);
  }
  const chunks: Uint8Array[] = [];
  const memberStarts = [0];
  try {
    const stream = new Gunzip((chunk) => chunks.push(chunk));
    stream.onmember = (offset) => memberStarts.push(offset);
    stream.push(bytes, true);
  } catch (e) {
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
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
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
