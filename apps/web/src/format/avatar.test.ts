import { describe, expect, it } from 'vitest';
import { avatarLook, contrastWithWhite, hslToRgb, readableLightness } from './avatar';

const ME = '0x1111111111111111111111111111111111111111';
const PEER = '0x2222222222222222222222222222222222222222';

describe('avatar', () => {
  it('is stable per address, case-insensitive, with initials from the label', () => {
    const a = avatarLook(PEER, '0xab12…');
    expect(avatarLook(PEER.toUpperCase(), '0xab12…')).toEqual(a);
    expect(a.initials).toBe('AB');
    expect(avatarLook('x', '—')).toMatchObject({ initials: '?' });
    expect(avatarLook(ME, 'x').hue).not.toBe(avatarLook(PEER, 'x').hue);
  });

  it('keeps white initials at WCAG AA contrast for every hue', () => {
    for (let hue = 0; hue < 360; hue++) {
      const l = readableLightness(hue);
      expect(contrastWithWhite(hslToRgb(hue, 0.55, l / 100))).toBeGreaterThanOrEqual(4.5);
    }
    // Blue can stay lighter than yellow and still pass.
    expect(readableLightness(230)).toBeGreaterThan(readableLightness(60));
  });

  it('converts HSL like CSS does', () => {
    expect(hslToRgb(0, 1, 0.5)).toEqual([1, 0, 0]);
    expect(hslToRgb(120, 1, 0.25).map((c) => Math.round(c * 255))).toEqual([0, 128, 0]);
    expect(contrastWithWhite([0, 0, 0])).toBeCloseTo(21, 5);
  });
});
