// Serves a `vite build` output as the benchmark does (scripts/bench/serve.ts:
// Brotli/gzip, cache headers), for scripts/dev/compare.mjs and the traces.
// Usage: node --import tsx scripts/dev/serve.mjs DIR PORT
const [dir = 'dist', port = '4307'] = process.argv.slice(2);
const { serveStatic } = await import('../bench/serve.ts');
const server = await serveStatic(dir, Number(port));
console.log(`serving ${dir} at ${server.url}`);
