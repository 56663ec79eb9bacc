import { describe, expect, it } from 'vitest';
import { DEFAULT_WORDS_PER_SECOND, estimateCredits, estimateJobCredits, vars } from '../src/index.js';

const { text, video } = vars;

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('estimateJobCredits', () => {
  it('takes the length from the spoken text at the stated rate and prices it like estimateCredits', () => {
    // 75 words at 2.5 words/s = 30 s: exactly one standard block.
    const e = estimateJobCredits({ variables: { script: text(words(75)) } }, { operation: 'create' });
    expect(e.durationSeconds).toBe(30);
    expect(e.credits).toBe(estimateCredits({ operation: 'create', durationSeconds: 30 }).credits);
    expect(e.assumption).toMatchObject({ wordsPerSecond: DEFAULT_WORDS_PER_SECOND, spokenWords: 75, spokenSeconds: 30, lengthFrom: 'speech' });
  });

  it('one more word starts a second block, so the estimate doubles', () => {
    const e = estimateJobCredits({ variables: { script: text(words(76)) } }, { operation: 'create' });
    expect(e.billedBlocks).toBe(2);
    expect(e.credits).toBe(10);
  });

  it('uses the longest known media duration when it outlasts the speech', () => {
    const e = estimateJobCredits(
      { variables: { address: text('1 Main St'), tour_video: video('https://cdn.example.com/tour.mp4') } },
      { operation: 'create', mediaSeconds: { tour_video: 61 } },
    );
    expect(e.durationSeconds).toBe(61);
    expect(e.credits).toBe(15);
    expect(e.assumption.lengthFrom).toBe('media');
    expect(e.assumption.text).toContain('tour_video 61 s');
  });

  it('ignores media durations of variables the input does not set', () => {
    const e = estimateJobCredits({ variables: { quote: text('short') } }, { operation: 'create', mediaSeconds: { tour_video: 600 } });
    expect(e.assumption.mediaSeconds).toEqual({});
    expect(e.durationSeconds).toBeLessThan(30);
  });

  it('prices per second for aurora models, from the input model_version when no option overrides it', () => {
    const e = estimateJobCredits({ variables: { script: text(words(25)) }, model_version: 'aurora_v1' }, { operation: 'create', wordsPerSecond: 2 });
    expect(e.model_version).toBe('aurora_v1');
    expect(e.durationSeconds).toBe(12.5);
    expect(e.credits).toBe(13);
    expect(e.assumption.text).toContain('25 spoken words at 2 words/s');
  });

  it('falls back to minimumSeconds when there is nothing to time', () => {
    const e = estimateJobCredits({ variables: { presenter: { type: 'avatar', properties: { avatar_id: 'a1' } } } }, { operation: 'preview', minimumSeconds: 20 });
    expect(e).toMatchObject({ durationSeconds: 20, credits: 1 });
    expect(e.assumption.lengthFrom).toBe('minimum');
  });

  it('refuses a speaking rate of zero and negative media durations', () => {
    expect(() => estimateJobCredits({ variables: { s: text('a') } }, { operation: 'create', wordsPerSecond: 0 })).toThrow(/wordsPerSecond/);
    expect(() => estimateJobCredits({ variables: { v: video('https://x.example/v.mp4') } }, { operation: 'create', mediaSeconds: { v: -1 } })).toThrow(/mediaSeconds\.v/);
  });
});
