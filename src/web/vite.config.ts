/**
 * Build of the web app: `vite build --config src/web/vite.config.ts` (part of `npm run build`)
 * writes dist/web/. Relative asset paths (`base: './'`), so the files work from any static host.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: './',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  worker: { format: 'es' },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      // zod's sources carry annotations Rollup cannot place; they only affect tree-shaking hints.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
