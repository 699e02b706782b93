import { useState } from 'react';
import { avatarLook } from '../format/avatar';

/**
 * A coloured monogram, or a picture (an ENS avatar) when `imageUrl` is given and loads; decorative,
 * because the name is always next to it. The monogram stays underneath until the image loads and
 * comes back if it fails.
 */
export function Avatar({
  seed,
  label,
  size = 40,
  imageUrl,
}: {
  seed: string;
  label: string;
  size?: number;
  imageUrl?: string | undefined;
}) {
  const look = avatarLook(seed, label);
  const [failed, setFailed] = useState<string | undefined>();
  const showImage = imageUrl !== undefined && failed !== imageUrl;
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        background: look.background,
        width: size,
        height: size,
        fontSize: size * 0.38,
        ...(showImage ? { position: 'relative', overflow: 'hidden' } : {}),
      }}
    >
      {look.initials}
      {showImage && (
        <img
          src={imageUrl}
          alt=""
          width={size}
          height={size}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailed(imageUrl)}
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'cover' }}
        />
      )}
    </span>
  );
}
