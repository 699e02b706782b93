// The web app's build (the root vite.config.ts is vitest's). `npm run build --workspace apps/web`
// writes apps/web/dist, which the relay serves at /. docs/web.md explains the budget and the PWA.
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const BRAND = '#4338ca';
const BACKGROUND = '#0f1222';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(`${pkg.version} (${new Date().toISOString().slice(0, 10)})`),
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      // A new service worker waits until the person accepts the update prompt (src/pwa/).
      registerType: 'prompt',
      // We register it ourselves with workbox-window, so no script is injected.
      injectRegister: false,
      includeAssets: ['icons/logo.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Parley',
        short_name: 'Parley',
        description: 'End-to-end encrypted chat for token and NFT traders.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: BRAND,
        background_color: BACKGROUND,
        categories: ['social', 'finance', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/logo.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // The app shell and every lazy chunk, so the app (and the built-in wallet) opens offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // The relay's own routes are never answered from the cache.
        navigateFallbackDenylist: [/^\/graphql/, /^\/healthz/, /^\/blobs/, /^\/api\//],
        cleanupOutdatedCaches: true,
        // Focuses the app when a new-message notification is clicked (src/pwa/notifications.ts).
        importScripts: ['/sw-notifications.js'],
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // The budget is checked by scripts/bundle-size.ts and e2e/tests/bundle-budget.spec.ts.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Long-lived vendor chunks, cached across app releases. Only what the first screen
          // needs: ethers, @tanstack and workbox-window stay in their lazy chunks.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            {
              name: 'vendor',
              test: /node_modules[\\/](dexie|dexie-react-hooks|i18next|react-i18next|use-sync-external-store)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: { host: 'localhost' },
  preview: { host: 'localhost' },
});
