// gifenc ships no type declarations; these cover the calls the emulator makes.
declare module 'gifenc' {
  export interface GIFEncoderInstance {
    writeFrame(
      index: Uint8Array,
      width: number,
      height: number,
      options?: { palette?: number[][]; delay?: number; repeat?: number; transparent?: boolean; dispose?: number; first?: boolean },
    ): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  type GIFEncoderFn = (options?: { auto?: boolean; initialCapacity?: number }) => GIFEncoderInstance;
  // Node loads the CommonJS build (default = module.exports); bundlers such as Vite load the ESM
  // build, whose default export is the GIFEncoder function itself.
  const gifenc: GIFEncoderFn | { GIFEncoder: GIFEncoderFn };
  export default gifenc;
}
