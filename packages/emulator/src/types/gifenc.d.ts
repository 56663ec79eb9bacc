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
  const gifenc: { GIFEncoder: (options?: { auto?: boolean; initialCapacity?: number }) => GIFEncoderInstance };
  export default gifenc;
}
