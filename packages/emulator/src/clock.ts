/** The emulator's notion of time. Lifecycles, timestamps and webhooks follow it. */
export interface EmulatorClock {
  readonly mode: 'manual' | 'real';
  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number;
  /** Moves time forward by `ms` (both modes) and moves every render/job on; due webhooks are sent. */
  advance(ms: number): void;
}

export type ClockMode = EmulatorClock['mode'];

/**
 * Manual: time stands still until `advance()`. Real: wall-clock time scaled by `speed` (speed 10 runs a
 * 10-second lifecycle in one second), plus whatever `advance()` added.
 */
export class Clock implements EmulatorClock {
  readonly mode: ClockMode;
  readonly #speed: number;
  readonly #startWall = Date.now();
  #offset = 0;
  #listener: (() => void) | undefined;

  constructor(mode: ClockMode, speed = 1) {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
    this.mode = mode;
    this.#speed = speed;
  }

  get speed(): number {
    return this.#speed;
  }

  now(): number {
    if (this.mode === 'manual') return this.#startWall + this.#offset;
    return Math.floor(this.#startWall + (Date.now() - this.#startWall) * this.#speed + this.#offset);
  }

  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance() takes a non-negative number of ms, got ${ms}`);
    this.#offset += ms;
    this.#listener?.();
  }

  /** The engine subscribes here so that advancing the clock moves renders and jobs on. */
  onAdvance(listener: () => void): void {
    this.#listener = listener;
  }

  /** Real milliseconds until emulator time `at` (for the real clock's timer). */
  realDelayUntil(at: number): number {
    return Math.max(0, (at - this.now()) / this.#speed);
  }
}
