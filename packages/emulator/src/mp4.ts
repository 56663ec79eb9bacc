// A minimal, valid H.264 (Baseline, CAVLC) MP4 writer with no encoder dependency.
//
// Every frame is a flat colour, which needs almost no bitstream: the IDR frame codes the first
// macroblock as Intra16x16 with one DC coefficient per plane (shifting it from grey to the colour)
// and every other macroblock as DC-predicted with no residual, so the colour spreads across the
// picture; each following frame is a P slice whose macroblocks are all skipped. The container
// (ftyp, moov with the track's real width/height/duration, mdat) is written by hand.

class BitWriter {
  readonly #bytes: number[] = [];
  #cur = 0;
  #n = 0;

  bit(b: number): void {
    this.#cur = (this.#cur << 1) | (b & 1);
    if (++this.#n === 8) {
      this.#bytes.push(this.#cur);
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
  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  trailing(): Uint8Array {
    this.bit(1);
    while (this.#n !== 0) this.bit(0);
    return Uint8Array.from(this.#bytes);
  }
}

/** Wraps an RBSP into a NAL unit, inserting emulation-prevention bytes. */
function nal(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
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

/**
 * The level that makes a DC residual closest to `delta` at QP 26: luma steps are (52·L + 32) >> 6,
 * chroma steps (104·L + 32) >> 6 (H.264 8.5.10, LevelScale 208 for QP%6 = 2).
 */
function dcLevel(delta: number, scale: number): number {
  let best = 0;
  for (let l = -400; l <= 400; l++) {
    const r = (scale * l + 32) >> 6;
    if (Math.abs(r - delta) < Math.abs(((scale * best + 32) >> 6) - delta)) best = l;
  }
  return best;
}

/** residual_block_cavlc() for a block whose only non-zero coefficient is the first one. */
function singleCoefficient(w: BitWriter, level: number, chromaDc: boolean): void {
  if (level === 0) {
    if (chromaDc) w.bits(0b01, 2);
    else w.bit(1); // coeff_token TotalCoeff 0, nC 0..1
    return;
  }
  if (Math.abs(level) === 1) {
    if (chromaDc) w.bit(1);
    else w.bits(0b01, 2); // coeff_token TrailingOnes 1, TotalCoeff 1
    w.bit(level < 0 ? 1 : 0);
  } else {
    if (chromaDc) w.bits(0b000111, 6);
    else w.bits(0b000101, 6); // coeff_token TrailingOnes 0, TotalCoeff 1
    // First level after fewer than 3 trailing ones: the decoder adds 2 to levelCode (suffixLength 0).
    const code = (level > 0 ? 2 * level - 2 : -2 * level - 1) - 2;
    if (code < 14) {
      w.bits(1, code + 1); // level_prefix = code
    } else if (code < 30) {
      w.bits(1, 15); // level_prefix 14
      w.bits(code - 14, 4);
    } else {
      w.bits(1, 16); // level_prefix 15
      w.bits(code - 30, 12);
    }
  }
  w.bit(1); // total_zeros 0 (TotalCoeff 1), same code in both tables
}

function rgbToYuv([r, g, b]: readonly [number, number, number]): [number, number, number] {
  const y = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  const u = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
  const v = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
  return [y, u, v];
}

function idrSlice(width: number, height: number, color: readonly [number, number, number]): Uint8Array {
  const total = Math.ceil(width / 16) * Math.ceil(height / 16);
  const [y, u, v] = rgbToYuv(color);
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices)
  w.ue(0); // pic_parameter_set_id
  w.bits(0, LOG2_MAX_FRAME_NUM); // frame_num
  w.ue(0); // idr_pic_id
  w.bit(0); // no_output_of_prior_pics_flag
  w.bit(0); // long_term_reference_flag
  w.se(0); // slice_qp_delta
  for (let mb = 0; mb < total; mb++) {
    const first = mb === 0;
    w.ue(first ? 7 : 3); // I_16x16, DC prediction, chroma CBP 1 (first) or 0, luma CBP 0
    w.ue(0); // intra_chroma_pred_mode: DC
    w.se(0); // mb_qp_delta
    singleCoefficient(w, first ? dcLevel(y - 128, 52) : 0, false);
    if (first) {
      singleCoefficient(w, dcLevel(u - 128, 104), true);
      singleCoefficient(w, dcLevel(v - 128, 104), true);
    }
  }
  return nal(3, 5, w.trailing());
}

function skipSlice(width: number, height: number, frameNum: number): Uint8Array {
  const total = Math.ceil(width / 16) * Math.ceil(height / 16);
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(5); // slice_type: P (all slices)
  w.ue(0); // pic_parameter_set_id
  w.bits(frameNum % 2 ** LOG2_MAX_FRAME_NUM, LOG2_MAX_FRAME_NUM);
  w.bit(0); // num_ref_idx_active_override_flag
  w.bit(0); // ref_pic_list_modification_flag_l0
  w.bit(0); // adaptive_ref_pic_marking_mode_flag
  w.se(0); // slice_qp_delta
  w.ue(total); // mb_skip_run: every macroblock
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
  color: readonly [number, number, number];
}

/** A playable H.264 MP4 of a flat colour with the given size, frame rate and duration. */
export function encodeMp4({ width, height, fps, duration, color }: Mp4Options): Uint8Array {
  if (width % 2 || height % 2) throw new RangeError('H.264 4:2:0 needs even dimensions');
  const frames = Math.max(1, Math.round(duration * fps));
  const timescale = 90000;
  const delta = Math.round(timescale / fps);
  const mbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const level = mbs <= 1620 ? 31 : mbs <= 8192 ? 40 : mbs <= 22080 ? 50 : 51;
  const spsNal = sps(width, height, level);
  const ppsNal = pps();

  const samples: Uint8Array[] = [];
  const withLength = (n: Uint8Array) => concat([u32(n.length), n]);
  samples.push(withLength(idrSlice(width, height, color)));
  for (let i = 1; i < frames; i++) samples.push(withLength(skipSlice(width, height, i)));
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
