// Raw DEFLATE decompression (RFC 1951) for browsers without DecompressionStream("deflate-raw")
// (before 2023); engine.js loads it only there. The same structure as the Swift module RawDeflate's
// Inflate (after Mark Adler's puff.c): canonical Huffman codes decoded bit by bit, every read
// checked; damaged input throws, and the output is capped.

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
  4097, 6145, 8193, 12289, 16385, 24577];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

class InflateError extends Error {}

/** A canonical Huffman code from code lengths: counts per length and symbols in code order. */
function code(lengths) {
  const counts = new Array(16).fill(0);
  for (const length of lengths) counts[length]++;
  let left = 1;
  for (let length = 1; length < 16; length++) {
    left = left * 2 - counts[length];
    if (left < 0) throw new InflateError("over-subscribed code");
  }
  const offsets = new Array(16).fill(0);
  for (let length = 1; length < 15; length++) offsets[length + 1] = offsets[length] + counts[length];
  const symbols = new Array(lengths.length).fill(0);
  lengths.forEach((length, symbol) => { if (length) symbols[offsets[length]++] = symbol; });
  return { counts, symbols };
}

const FIXED_LITERALS = code(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_DISTANCES = code(new Array(30).fill(5));

/** The bytes that `input` (raw DEFLATE, a Uint8Array) stands for; throws on damaged input. */
export function inflate(input, limit = 64 << 20) {
  let position = 0, buffer = 0, count = 0;
  let output = new Uint8Array(Math.min(limit, Math.max(1024, input.length * 4)));
  let size = 0;
  const bits = (n) => {
    while (count < n) {
      if (position >= input.length) throw new InflateError("input ends early");
      buffer |= input[position++] << count;
      count += 8;
    }
    const value = buffer & ((1 << n) - 1);
    buffer >>>= n;
    count -= n;
    return value;
  };
  const put = (byte) => {
    if (size >= limit) throw new InflateError("output too large");
    if (size === output.length) {
      const grown = new Uint8Array(Math.min(limit, output.length * 2));
      grown.set(output);
      output = grown;
    }
    output[size++] = byte;
  };
  const decode = ({ counts, symbols }) => {
    let value = 0, first = 0, index = 0;
    for (let length = 1; length < 16; length++) {
      value |= bits(1);
      const n = counts[length];
      if (value - n < first) return symbols[index + value - first];
      index += n;
      first = (first + n) << 1;
      value <<= 1;
    }
    throw new InflateError("invalid code");
  };
  const codes = (literals, distances) => {
    for (;;) {
      const symbol = decode(literals);
      if (symbol < 256) put(symbol);
      else if (symbol === 256) return;
      else {
        const index = symbol - 257;
        if (index >= 29) throw new InflateError("invalid length");
        const length = LENGTH_BASE[index] + bits(LENGTH_EXTRA[index]);
        const distanceSymbol = decode(distances);
        if (distanceSymbol >= 30) throw new InflateError("invalid distance");
        const distance = DISTANCE_BASE[distanceSymbol] + bits(DISTANCE_EXTRA[distanceSymbol]);
        if (distance > size) throw new InflateError("distance too far back");
        for (let i = 0; i < length; i++) put(output[size - distance]);
      }
    }
  };
  const dynamic = () => {
    const literalCount = bits(5) + 257, distanceCount = bits(5) + 1, codeLengthCount = bits(4) + 4;
    if (literalCount > 286 || distanceCount > 30) throw new InflateError("too many codes");
    const codeLengths = new Array(19).fill(0);
    for (let i = 0; i < codeLengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i]] = bits(3);
    const lengthCode = code(codeLengths);
    const lengths = [];
    while (lengths.length < literalCount + distanceCount) {
      const symbol = decode(lengthCode);
      if (symbol < 16) { lengths.push(symbol); continue; }
      let repeated = 0, times;
      if (symbol === 16) {
        if (!lengths.length) throw new InflateError("repeat without a length");
        repeated = lengths[lengths.length - 1];
        times = 3 + bits(2);
      } else if (symbol === 17) times = 3 + bits(3);
      else times = 11 + bits(7);
      if (lengths.length + times > literalCount + distanceCount) throw new InflateError("too many lengths");
      for (let i = 0; i < times; i++) lengths.push(repeated);
    }
    if (!lengths[256]) throw new InflateError("no end-of-block code");
    codes(code(lengths.slice(0, literalCount)), code(lengths.slice(literalCount)));
  };
  let last = 0;
  do {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      buffer = 0; count = 0;
      if (position + 4 > input.length) throw new InflateError("input ends early");
      const length = input[position] | (input[position + 1] << 8);
      const complement = input[position + 2] | (input[position + 3] << 8);
      position += 4;
      if (length !== (~complement & 0xffff) || position + length > input.length) throw new InflateError("invalid stored block");
      for (let i = 0; i < length; i++) put(input[position + i]);
      position += length;
    } else if (type === 1) codes(FIXED_LITERALS, FIXED_DISTANCES);
    else if (type === 2) dynamic();
    else throw new InflateError("invalid block type");
  } while (!last);
  return output.subarray(0, size);
}
