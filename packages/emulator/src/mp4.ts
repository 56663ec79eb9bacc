// A minimal, valid H.264 (Baseline, CAVLC) MP4 writer with no encoder dependency.
//
// Pictures are stored exactly, as I_PCM macroblocks (raw 8-bit samples, no transform, so no encoder
// is needed): the IDR frame codes every macroblock so; a frame where the picture changes is a P slice
// that codes only the changed macroblocks as I_PCM and skips the rest (a skip copies the reference at
// motion vector 0, which is what every skip predicts here, since no macroblock carries motion); every
// other frame is all-skip. Pictures are sampled once a second (see `pictureFrames`). The
// container (ftyp, moov with the track's real width/height/duration, mdat) is written by hand.
class BitWriter {
  #buf = new Uint8Array(1024);
  #len = 0;
  #cur = 0;
  #n = 0;

  #room(extra: number): void {
    if (this.#len + extra <= this.#buf.length) return;
    const next = new Uint8Array(Math.max(this.#buf.length * 2, this.#len + extra));
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }
  bit(b: number): void {
    this.#cur = (this.#cur << 1) | (b & 1);
    if (++this.#n === 8) {
      this.#room(1);
      this.#buf[this.#len++] = this.#cur;
      this.#cur = 0;
      this.#n = 0;
    }
  }
  bits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.bit(Math.floor(value / 2 ** i) & 1);
  }
  /** Exp-Golomb, unsigned. */
  ue(v: number): void {
    const x = v + 1;
    const len = Math.floor(Math.log2(x));
    for (let i = 0; i < len; i++) this.bit(0);
    this.bits(x, len + 1);
  }
  /** Exp-Golomb, signed. */
  se(v: number): void {
    this.ue(v <= 0 ? -2 * v : 2 * v - 1);
  }
  /** Zero bits up to the byte boundary (pcm_alignment_zero_bit). */
  align(): void {
    while (this.#n !== 0) this.bit(0);
  }
  /** Whole bytes, at a byte boundary. */
  bytes(data: Uint8Array): void {
    this.#room(data.length);
    this.#buf.set(data, this.#len);
    this.#len += data.length;
  }
  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  trailing(): Uint8Array {
    this.bit(1);
    while (this.#n !== 0) this.bit(0);
    return this.#buf.subarray(0, this.#len);
  }
}

/** Wraps an RBSP into a NAL unit, inserting emulation-prevention bytes. */
function nal(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + rbsp.length + Math.ceil(rbsp.length / 2));
  out[0] = (refIdc << 5) | type;
  let o = 1;
  let zeros = 0;
  for (let i = 0; i < rbsp.length; i++) {
    const b = rbsp[i]!;
    if (zeros >= 2 && b <= 3) {
      out[o++] = 3;
      zeros = 0;
    }
    out[o++] = b;
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return out.slice(0, o);
}

const LOG2_MAX_FRAME_NUM = 4;

function sps(width: number, height: number, level: number): Uint8Array {
  const w = new BitWriter();
  const mbW = Math.ceil(width / 16);
  const mbH = Math.ceil(height / 16);
  w.bits(66, 8); // profile_idc: Baseline
  w.bits(0xc0, 8); // constraint_set0/1
  w.bits(level, 8);
  w.ue(0); // seq_parameter_set_id
  w.ue(LOG2_MAX_FRAME_NUM - 4);
  w.ue(2); // pic_order_cnt_type 2: output order = decoding order
  w.ue(1); // max_num_ref_frames
  w.bit(0); // gaps_in_frame_num_value_allowed_flag
  w.ue(mbW - 1);
  w.ue(mbH - 1);
  w.bit(1); // frame_mbs_only_flag
  w.bit(1); // direct_8x8_inference_flag
  const cropRight = (mbW * 16 - width) / 2;
  const cropBottom = (mbH * 16 - height) / 2;
  if (cropRight || cropBottom) {
    w.bit(1);
    w.ue(0);
    w.ue(cropRight);
    w.ue(0);
    w.ue(cropBottom);
  } else {
    w.bit(0);
  }
  w.bit(0); // vui_parameters_present_flag
  return nal(3, 7, w.trailing());
}

function pps(): Uint8Array {
  const w = new BitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.bit(0); // entropy_coding_mode_flag: CAVLC
  w.bit(0); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.bit(0); // weighted_pred_flag
  w.bits(0, 2); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26 (QP 26)
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.bit(0); // deblocking_filter_control_present_flag
  w.bit(0); // constrained_intra_pred_flag
  w.bit(0); // redundant_pic_cnt_present_flag
  return nal(3, 8, w.trailing());
}

function rgbToYuv([r, g, b]: readonly [number, number, number]): [number, number, number] {
  const y = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  const u = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
  const v = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
  return [y, u, v];
}

/** A picture as palette indices (see outputs.ts `Picture`). */
export interface Mp4Picture {
  readonly width: number;
  readonly height: number;
  readonly index: Uint8Array;
  readonly palette: readonly (readonly [number, number, number])[];
}

/** A picture in 4:2:0 planes of the coded (macroblock-aligned) size; outside the picture is black. */
interface Planes {
  Y: Uint8Array;
  U: Uint8Array;
  V: Uint8Array;
  /** Luma row length (mbW · 16). */
  cw: number;
}

function planes(pic: Mp4Picture, mbW: number, mbH: number): Planes {
  const yuv = pic.palette.map(rgbToYuv);
  const [lutY, lutU, lutV] = [0, 1, 2].map((c) => Uint8Array.from({ length: 256 }, (_, i) => yuv[i]?.[c] ?? (c === 0 ? 16 : 128))) as [Uint8Array, Uint8Array, Uint8Array];
  const { width, height, index } = pic;
  const cw = mbW * 16, ch = mbH * 16;
  const Y = new Uint8Array(cw * ch).fill(16);
  const U = new Uint8Array((cw / 2) * (ch / 2)).fill(128);
  const V = new Uint8Array((cw / 2) * (ch / 2)).fill(128);
  for (let y = 0; y < height; y++) {
    const row = y * width, out = y * cw;
    for (let x = 0; x < width; x++) Y[out + x] = lutY[index[row + x]!]!;
  }
  for (let y = 0; y + 1 < height; y += 2) {
    const r0 = y * width, r1 = r0 + width, out = (y / 2) * (cw / 2);
    for (let x = 0; x + 1 < width; x += 2) {
      const a = index[r0 + x]!, b = index[r0 + x + 1]!, c = index[r1 + x]!, d = index[r1 + x + 1]!;
      U[out + x / 2] = (lutU[a]! + lutU[b]! + lutU[c]! + lutU[d]! + 2) >> 2;
      V[out + x / 2] = (lutV[a]! + lutV[b]! + lutV[c]! + lutV[d]! + 2) >> 2;
    }
  }
  return { Y, U, V, cw };
}

/** The 384 samples of macroblock (mx, my) in I_PCM order: 256 Y, 64 Cb, 64 Cr. */
function macroblock({ Y, U, V, cw }: Planes, mx: number, my: number): Uint8Array {
  const mb = new Uint8Array(384);
  for (let y = 0; y < 16; y++) {
    const o = (my * 16 + y) * cw + mx * 16;
    mb.set(Y.subarray(o, o + 16), y * 16);
  }
  for (let y = 0; y < 8; y++) {
    const o = (my * 8 + y) * (cw / 2) + mx * 8;
    mb.set(U.subarray(o, o + 8), 256 + y * 8);
    mb.set(V.subarray(o, o + 8), 320 + y * 8);
  }
  return mb;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

/** Whether the 16 pixel rows of macroblock row `my` are identical in both pictures (one comparison a plane). */
function sameRow(a: Planes, b: Planes, my: number): boolean {
  const y0 = my * 16 * a.cw, y1 = y0 + 16 * a.cw, c0 = y0 / 4, c1 = y1 / 4;
  return same(a.Y.subarray(y0, y1), b.Y.subarray(y0, y1)) && same(a.U.subarray(c0, c1), b.U.subarray(c0, c1)) && same(a.V.subarray(c0, c1), b.V.subarray(c0, c1));
}

/** The macroblocks that differ between `prev` and `next` (their samples), by address; unchanged rows are skipped whole. */
function changedMacroblocks(prev: Planes, next: Planes, mbW: number, mbH: number): Map<number, Uint8Array> {
  const changed = new Map<number, Uint8Array>();
  for (let my = 0; my < mbH; my++) {
    if (sameRow(prev, next, my)) continue;
    for (let mx = 0; mx < mbW; mx++) {
      const mb = macroblock(next, mx, my);
      if (!same(mb, macroblock(prev, mx, my))) changed.set(my * mbW + mx, mb);
    }
  }
  return changed;
}

function idrSlice(pic: Planes, mbW: number, mbH: number): Uint8Array {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices)
  w.ue(0); // pic_parameter_set_id
  w.bits(0, LOG2_MAX_FRAME_NUM); // frame_num
  w.ue(0); // idr_pic_id
  w.bit(0); // no_output_of_prior_pics_flag
  w.bit(0); // long_term_reference_flag
  w.se(0); // slice_qp_delta
  for (let my = 0; my < mbH; my++) {
    for (let mx = 0; mx < mbW; mx++) {
      w.ue(25); // mb_type I_PCM
      w.align();
      w.bytes(macroblock(pic, mx, my));
    }
  }
  return nal(3, 5, w.trailing());
}

/** A P slice: the `changed` macroblocks as I_PCM, every other one of the `total` skipped (none changed: an all-skip frame). */
function pSlice(changed: ReadonlyMap<number, Uint8Array>, total: number, frameNum: number): Uint8Array {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(5); // slice_type: P (all slices)
  w.ue(0); // pic_parameter_set_id
  w.bits(frameNum % 2 ** LOG2_MAX_FRAME_NUM, LOG2_MAX_FRAME_NUM);
  w.bit(0); // num_ref_idx_active_override_flag
  w.bit(0); // ref_pic_list_modification_flag_l0
  w.bit(0); // adaptive_ref_pic_marking_mode_flag
  w.se(0); // slice_qp_delta
  let skipped = 0;
  for (let i = 0; i < total; i++) {
    const mb = changed.get(i);
    if (!mb) {
      skipped++;
      continue;
    }
    w.ue(skipped); // mb_skip_run
    skipped = 0;
    w.ue(30); // mb_type: intra in a P slice (5 +) I_PCM (25)
    w.align();
    w.bytes(mb);
  }
  if (skipped > 0) w.ue(skipped);
  return nal(2, 1, w.trailing());
}

// ---- ISO BMFF boxes ----

type Part = Uint8Array | number[];
const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

function concat(parts: readonly Part[]): Uint8Array {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function sampleSizes(samples: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(samples.length * 4);
  const view = new DataView(out.buffer);
  samples.forEach((sample, i) => view.setUint32(i * 4, sample.length));
  return out;
}

function box(type: string, ...parts: Part[]): Uint8Array {
  const body = concat(parts);
  return concat([u32(body.length + 8), ascii(type), body]);
}
const fullBox = (type: string, version: number, flags: number, ...parts: Part[]) =>
  box(type, [version, (flags >>> 16) & 255, (flags >>> 8) & 255, flags & 255], ...parts);

const MATRIX = [...u32(0x00010000), ...u32(0), ...u32(0), ...u32(0), ...u32(0x00010000), ...u32(0), ...u32(0), ...u32(0), ...u32(0x40000000)];

export interface Mp4Options {
  width: number;
  height: number;
  /** Frames per second. */
  fps: number;
  /** Seconds. */
  duration: number;
  /** The picture at a moment of the video, in seconds. */
  picture: (seconds: number) => Mp4Picture;
}

const NONE: ReadonlyMap<number, Uint8Array> = new Map();

/** Distinct pictures per second of video, and at most in all (a 4-hour video stays small and quick). */
const PICTURES_PER_SECOND = 1;
const MAX_PICTURES = 30;

/** The frames at which a new picture is sampled: 0 and then evenly spread. */
export function pictureFrames(frames: number, duration: number): number[] {
  const count = Math.max(1, Math.min(frames, Math.ceil(duration * PICTURES_PER_SECOND), MAX_PICTURES));
  return Array.from({ length: count }, (_, k) => Math.floor((k * frames) / count));
}

/** A playable H.264 MP4 of the given size, frame rate and duration, showing `picture` over time. */
export function encodeMp4({ width, height, fps, duration, picture }: Mp4Options): Uint8Array {
  if (width % 2 || height % 2) throw new RangeError('H.264 4:2:0 needs even dimensions');
  const frames = Math.max(1, Math.round(duration * fps));
  const timescale = 90000;
  const delta = Math.round(timescale / fps);
  const mbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const level = mbs <= 1620 ? 31 : mbs <= 8192 ? 40 : mbs <= 22080 ? 50 : 51;
  const spsNal = sps(width, height, level);
  const ppsNal = pps();

  const mbW = Math.ceil(width / 16);
  const mbH = Math.ceil(height / 16);
  const samples: Uint8Array[] = [];
  const withLength = (n: Uint8Array) => concat([u32(n.length), n]);
  const sampled = new Set(pictureFrames(frames, duration));
  let shown = planes(picture(0), mbW, mbH);
  samples.push(withLength(idrSlice(shown, mbW, mbH)));
  for (let i = 1; i < frames; i++) {
    if (!sampled.has(i)) {
      samples.push(withLength(pSlice(NONE, mbW * mbH, i)));
      continue;
    }
    const next = planes(picture(i / fps), mbW, mbH);
    const changed = changedMacroblocks(shown, next, mbW, mbH);
    samples.push(withLength(pSlice(changed, mbW * mbH, i)));
    shown = next;
  }
  const mdatBody = concat(samples);

  const mediaDuration = frames * delta;
  const movieDuration = Math.round((mediaDuration / timescale) * 1000);
  const avcC = box('avcC', [1, 66, 0xc0, level, 0xff, 0xe1], u16(spsNal.length), spsNal, [1], u16(ppsNal.length), ppsNal);
  const avc1 = box(
    'avc1',
    [0, 0, 0, 0, 0, 0], u16(1), // reserved, data_reference_index
    new Array<number>(16).fill(0),
    u16(width), u16(height),
    u32(0x00480000), u32(0x00480000), u32(0), u16(1),
    [9, ...ascii('reelkit  '), ...new Array<number>(22).fill(0)], // compressorname (32 bytes, Pascal string)
    u16(0x18), u16(0xffff),
    avcC,
  );
  const stbl = (chunkOffset: number) =>
    box(
      'stbl',
      fullBox('stsd', 0, 0, u32(1), avc1),
      fullBox('stts', 0, 0, u32(1), u32(frames), u32(delta)),
      fullBox('stss', 0, 0, u32(1), u32(1)),
      fullBox('stsc', 0, 0, u32(1), u32(1), u32(frames), u32(1)),
      // One buffer for the sample sizes: spreading one argument per frame overflows the call stack on long videos.
      fullBox('stsz', 0, 0, u32(0), u32(frames), sampleSizes(samples)),
      fullBox('stco', 0, 0, u32(1), u32(chunkOffset)),
    );
  const moov = (chunkOffset: number) =>
    box(
      'moov',
      fullBox('mvhd', 0, 0, u32(0), u32(0), u32(1000), u32(movieDuration), u32(0x00010000), u16(0x0100), new Array<number>(10).fill(0), MATRIX, new Array<number>(24).fill(0), u32(2)),
      box(
        'trak',
        fullBox('tkhd', 0, 3, u32(0), u32(0), u32(1), u32(0), u32(movieDuration), new Array<number>(8).fill(0), u16(0), u16(0), u16(0), u16(0), MATRIX, u32(width * 65536), u32(height * 65536)),
        box(
          'mdia',
          fullBox('mdhd', 0, 0, u32(0), u32(0), u32(timescale), u32(mediaDuration), u16(0x55c4), u16(0)),
          fullBox('hdlr', 0, 0, u32(0), ascii('vide'), u32(0), u32(0), u32(0), ascii('VideoHandler'), [0]),
          box(
            'minf',
            fullBox('vmhd', 0, 1, u16(0), u16(0), u16(0), u16(0)),
            box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1))),
            stbl(chunkOffset),
          ),
        ),
      ),
    );
  const ftyp = box('ftyp', ascii('isom'), u32(512), ascii('isom'), ascii('iso2'), ascii('avc1'), ascii('mp41'));
  // moov before mdat ("fast start"); its size does not depend on the offset value.
  const moovSize = moov(0).length;
  const offset = ftyp.length + moovSize + 8;
  return concat([ftyp, moov(offset), box('mdat', mdatBody)]);
}
