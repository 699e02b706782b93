// The relay's entry point: the only place that creates concrete adapters.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8787);
const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
    return;
  }
  res.writeHead(404).end();
});
server.listen(port, () => console.log(`parley relay listening on http://localhost:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
