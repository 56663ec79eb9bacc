// The page: built into dist/web and served by the demo server (which owns the keys).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  // `vite` dev server: the API and webhooks are the demo server's (`pnpm demo`, port 5173).
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:5173' } },
});
