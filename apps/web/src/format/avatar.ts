// A stable colour and two-letter monogram per address or name, so people recognise a
// conversation at a glance. The colour is darkened per hue until white text on it has a
// contrast of at least 4.6:1 (WCAG AA is 4.5:1): yellows and greens need a lower lightness
// than blues to get there.

export interface AvatarLook {
  readonly hue: number;
  readonly background: string;
  readonly initials: string;
}

const SATURATION = 0.55;
const MIN_CONTRAST_WITH_WHITE = 4.6;

function hash(text: string): number {
  // FNV-1a: a cheap, well-spread 32-bit hash; not used for anything secret.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** HSL (h in degrees, s and l in 0..1) to sRGB channels in 0..1. */
export function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastWithWhite(rgb: readonly [number, number, number]): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

/** The highest lightness (in whole percent, at most 40%) that keeps white text readable. */
export function readableLightness(hue: number): number {
  let l = 40;
  while (l > 10 && contrastWithWhite(hslToRgb(hue, SATURATION, l / 100)) < MIN_CONTRAST_WITH_WHITE) l--;
  return l;
}

export function avatarLook(seed: string, label: string): AvatarLook {
  const hue = hash(seed.toLowerCase()) % 360;
  const cleaned = label.replace(/^0x/i, '').replace(/[^\p{L}\p{N}]/gu, '');
  const initials = [...cleaned].slice(0, 2).join('').toUpperCase() || '?';
  return { hue, background: `hsl(${hue} ${SATURATION * 100}% ${readableLightness(hue)}%)`, initials };
}
