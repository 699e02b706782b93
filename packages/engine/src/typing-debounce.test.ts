import { describe, expect, it } from 'vitest';
import { ManualClock } from '../test/support/manual-clock';
import { TYPING_REPEAT_MS } from './sync/typing';
import { TYPING_IDLE_MS, TypingDebounce } from './typing-debounce';

describe('setTyping debounce', () => {
  it('sends on once per repeat interval while typing, and off after a pause', () => {
    const clock = new ManualClock(0);
    const sent: Array<[string, boolean]> = [];
    const typing = new TypingDebounce(clock, async (c, active) => {
      sent.push([c, active]);
    });
    for (let t = 0; t < TYPING_REPEAT_MS * 2; t += 100) {
      typing.set('c', true);
      clock.advance(100);
    }
    expect(sent).toEqual([
      ['c', true],
      ['c', true],
    ]);
    clock.advance(TYPING_IDLE_MS);
    expect(sent.at(-1)).toEqual(['c', false]);
    expect(sent).toHaveLength(3);
  });

  it('sends off at once when the composer says so, and nothing if it never said on', () => {
    const clock = new ManualClock(0);
    const sent: Array<[string, boolean]> = [];
    const typing = new TypingDebounce(clock, async (c, active) => {
      sent.push([c, active]);
    });
    typing.set('a', false);
    expect(sent).toEqual([]);
    typing.set('a', true);
    typing.set('a', false);
    expect(sent).toEqual([
      ['a', true],
      ['a', false],
    ]);
    clock.advance(TYPING_IDLE_MS * 2);
    expect(sent).toHaveLength(2);
  });
});
