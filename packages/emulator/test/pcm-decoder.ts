// A test-side decoder for exactly the H.264 subset src/mp4.ts writes (I_PCM and P_Skip macroblocks,
// CAVLC, one slice a picture), so tests can read the pixels of a video back without ffmpeg. It
// checks the syntax as it goes: anything else in the stream is an error.
import { createFile, MP4BoxBuffer } from 'mp4box';

class BitReader {
  #pos = 0;
  constructor(readonly data: Uint8Array) {}
  bit(): number {
    const b = (this.data[this.#pos >> 3]! >> (7 - (this.#pos & 7))) & 1;
    this.#pos++;
    return b;
  }
  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.bit();
    return v;
  }
  ue(): number {
    let zeros = 0;
    while (this.bit() === 0) zeros++;
    return 2 ** zeros - 1 + this.bits(zeros);
  }
  align(): void {
    while (this.#pos & 7) if (this.bit() !== 0) throw new Error('pcm_alignment_zero_bit is not zero');
  }
  bytes(n: number): Uint8Array {
    const start = this.#pos >> 3;
    this.#pos += n * 8;
    return this.data.subarray(start, start + n);
  }
  /** more_rbsp_data(): false when only the stop bit and zero padding are left. */
  more(): boolean {
    const left = this.data.length * 8 - this.#pos;
    if (left <= 0) return false;
    if (left > 8) return true;
    const rest = this.bits(left);
    this.#pos -= left;
    return rest !== 2 ** (left - 1);
  }
}

/** Removes emulation-prevention bytes (00 00 03 → 00 00). */
function rbsp(nal: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0, zeros = 0; i < nal.length; i++) {
    if (zeros >= 2 && nal[i] === 3) {
      zeros = 0;
      continue;
    }
    out.push(nal[i]!);
    zeros = nal[i] === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

/** Each sample of the first video track (length-prefixed NAL units), in decoding order. */
function samples(bytes: Uint8Array): Uint8Array[] {
  const file = createFile();
  const out: Uint8Array[] = [];
  let trackId: number | undefined;
  file.onReady = (info) => {
    trackId = info.videoTracks[0]!.id;
    file.setExtractionOptions(trackId, null, { nbSamples: 1_000_000 });
    file.start();
  };
  file.onSamples = (_id, _user, list) => {
    for (const s of list) out.push(new Uint8Array(s.data!));
  };
  file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.slice().buffer, 0));
  file.flush();
  return out;
}

export interface DecodedFrame {
  /** Luma, `mbW·16` wide. */
  y: Uint8Array;
  /** Chroma, `mbW·8` wide. */
  u: Uint8Array;
  v: Uint8Array;
  stride: number;
}

/** Every frame of `bytes` (an MP4 from src/mp4.ts) as YUV planes of the coded size. */
export function decodeFrames(bytes: Uint8Array, width: number, height: number): DecodedFrame[] {
  const mbW = Math.ceil(width / 16), mbH = Math.ceil(height / 16);
  const stride = mbW * 16;
  let ref: DecodedFrame = { y: new Uint8Array(stride * mbH * 16), u: new Uint8Array((stride / 2) * mbH * 8), v: new Uint8Array((stride / 2) * mbH * 8), stride };
  const frames: DecodedFrame[] = [];
  for (const sample of samples(bytes)) {
    const nal = sample.subarray(4, 4 + new DataView(sample.buffer, sample.byteOffset).getUint32(0));
    const type = nal[0]! & 31;
    const r = new BitReader(rbsp(nal.subarray(1)));
    const cur: DecodedFrame = { y: ref.y.slice(), u: ref.u.slice(), v: ref.v.slice(), stride };
    const put = (mb: number, pcm: Uint8Array) => {
      const mx = mb % mbW, my = Math.floor(mb / mbW);
      for (let y = 0; y < 16; y++) cur.y.set(pcm.subarray(y * 16, y * 16 + 16), (my * 16 + y) * stride + mx * 16);
      for (let y = 0; y < 8; y++) {
        cur.u.set(pcm.subarray(256 + y * 8, 264 + y * 8), (my * 8 + y) * (stride / 2) + mx * 8);
        cur.v.set(pcm.subarray(320 + y * 8, 328 + y * 8), (my * 8 + y) * (stride / 2) + mx * 8);
      }
    };
    r.ue(); // first_mb_in_slice
    const sliceType = r.ue();
    r.ue(); // pps id
    r.bits(4); // frame_num
    if (type === 5) {
      if (sliceType !== 7) throw new Error(`IDR slice type ${sliceType}`);
      r.ue(); // idr_pic_id
      r.bits(2);
      r.ue(); // slice_qp_delta (se 0 = ue 0)
      for (let mb = 0; mb < mbW * mbH; mb++) {
        if (r.ue() !== 25) throw new Error('not an I_PCM macroblock');
        r.align();
        put(mb, r.bytes(384));
      }
    } else {
      if (type !== 1 || sliceType !== 5) throw new Error(`unexpected NAL ${type} / slice ${sliceType}`);
      r.bits(3);
      r.ue(); // slice_qp_delta
      let mb = 0;
      while (mb < mbW * mbH) {
        mb += r.ue(); // skipped: keep the reference
        if (mb >= mbW * mbH || !r.more()) break;
        if (r.ue() !== 30) throw new Error('not an I_PCM macroblock in a P slice');
        r.align();
        put(mb++, r.bytes(384));
      }
    }
    frames.push(cur);
    ref = cur;
  }
  return frames;
}

/** The YUV of frame `f` at pixel (x, y). */
export const yuvAt = (f: DecodedFrame, x: number, y: number): [number, number, number] => [
  f.y[y * f.stride + x]!,
  f.u[(y >> 1) * (f.stride / 2) + (x >> 1)]!,
  f.v[(y >> 1) * (f.stride / 2) + (x >> 1)]!,
];

/** BT.601 limited range, as the encoder writes it. */
export function toYuv([r, g, b]: readonly [number, number, number]): [number, number, number] {
  return [
    Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255),
    Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255),
    Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255),
  ];
}
