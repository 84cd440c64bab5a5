/** Vite build of the dashboard: web/ in, dist/web out (served by `mizan serve`); charts and graph in lazy chunks. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts and images stay files: the CSP allows no data: fonts.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1100,
    reportCompressedSize: false,
  },
});
