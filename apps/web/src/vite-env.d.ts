/// <reference types="vite/client" />

/** The app version (package.json) and build date, injected by vite.config.ts. */
declare const __APP_VERSION__: string;
