import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The server serves dist/ at /admin/ on the same origin as /api, so production needs no API base.
 * In `pnpm dev`, /api is proxied to a local server (ADMIN_API_PROXY, default http://127.0.0.1:3000).
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    port: 5174,
    proxy: { '/api': process.env.ADMIN_API_PROXY ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1200,
  },
});
