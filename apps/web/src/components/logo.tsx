// The Parley mark (public/icons/logo.svg), inline so it costs no request.
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg viewBox="0 0 512 512" width={size} height={size} aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="parley-logo-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#5b4cf0" />
          <stop offset="1" stopColor="#2a1f9e" />
        </linearGradient>
      </defs>
      <rect width="512" height="512" rx="116" fill="url(#parley-logo-bg)" />
      <path
        d="M150 118h212a58 58 0 0 1 58 58v132a58 58 0 0 1-58 58H236l-78 58a8 8 0 0 1-12.8-6.4V366h4.8a58 58 0 0 1-58-58V176a58 58 0 0 1 58-58z"
        fill="#fff"
      />
      <g fill="none" stroke="#3b2fd0" strokeWidth="26" strokeLinecap="round" strokeLinejoin="round">
        <path d="M176 200h150m-40-38 40 38-40 38" />
        <path d="M336 284H186m40-38-40 38 40 38" />
      </g>
    </svg>
  );
}
