import { randomUUID } from 'node:crypto';

/** A small seeded PRNG (sfc32). With no seed, ids come from crypto and draws from Math.random. */
export class Random {
  readonly #next: () => number;
  readonly #seeded: boolean;

  constructor(seed?: string | number, stream = 'ids') {
    this.#seeded = seed !== undefined;
    if (seed === undefined) {
      this.#next = Math.random;
      return;
    }
    // Hash "seed/stream" into four 32-bit words so separate streams (ids, faults) do not interfere.
    let h = 1779033703 ^ 0;
    const text = `${String(seed)}/${stream}`;
    const words: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < text.length; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
        h = (h << 13) | (h >>> 19);
      }
      h = Math.imul(h ^ (h >>> 16), 2246822507 + round);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      words.push((h ^= h >>> 16) >>> 0);
    }
    let [a, b, c, d] = words as [number, number, number, number];
    this.#next = () => {
      a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
      let t = (a + b) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      d = (d + 1) | 0;
      t = (t + d) | 0;
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    };
  }

  /** A float in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** A version-4 UUID; reproducible when the generator is seeded. */
  uuid(): string {
    if (!this.#seeded) return randomUUID();
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(this.#next() * 256);
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
