import { avatarLook } from '../format/avatar';

/** A coloured monogram; decorative, because the name is always next to it. */
export function Avatar({ seed, label, size = 40 }: { seed: string; label: string; size?: number }) {
  const look = avatarLook(seed, label);
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ background: look.background, width: size, height: size, fontSize: size * 0.38 }}
    >
      {look.initials}
    </span>
  );
}
