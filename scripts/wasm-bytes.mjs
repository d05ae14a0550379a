// Reading and writing a wasm module's bytes: LEB128 numbers and the sections (for
// scripts/post-build.mjs and scripts/order-functions.mjs).

/** An unsigned LEB128 at `pos` of `bytes`: [value, position after it]. */
export function uleb(bytes, pos) {
  return leb(bytes, pos, false);
}

/** A signed LEB128 at `pos` of `bytes` (an `i32.const`'s value): [value, position after it]. */
export function sleb(bytes, pos) {
  return leb(bytes, pos, true);
}

function leb(bytes, pos, signed) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  if (signed && byte & 0x40) value -= 2 ** shift;
  return [value, pos];
}

/** `n` as an unsigned LEB128. */
export function lebBytes(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

/** A non-negative `n` as a signed LEB128. */
export function slebBytes(n) {
  const out = [...lebBytes(n)];
  if (out[out.length - 1] & 0x40) {
    out[out.length - 1] |= 0x80;
    out.push(0);
  }
  return Buffer.from(out);
}

/** The sections of `wasm` in order: each one's id, where it begins (its id byte), where its
 * contents begin and where it ends. */
export function* sections(wasm) {
  let pos = 8;
  while (pos < wasm.length) {
    const [size, start] = uleb(wasm, pos + 1);
    yield { id: wasm[pos], pos, start, end: start + size };
    pos = start + size;
  }
}
