import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Two pages: the dashboard (index.html) and GraphiQL (graphiql.html), served
 * by the gateway from dist/. Everything is bundled or emitted as a file of
 * our own origin: no CDN, no inline script (the Content-Security-Policy
 * allows none), no data: URL for scripts.
 */
export default defineConfig({
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2_000,
    rollupOptions: {
      input: { index: here('./index.html'), graphiql: here('./graphiql.html') },
      // GraphiQL's dependencies mark modules "use client" (a React Server Components hint that means nothing in a browser bundle).
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
