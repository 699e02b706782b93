// The baseline: a minimal broadcast server on raw `ws`, with no GraphQL, no authentication and no
// storage. It is what the machine can do for the same traffic pattern, so the relay's throughput
// is reported as a fraction of it. Protocol (JSON text frames, like graphql-ws):
//   client -> {"t":"join","c":conv}                    joins a room
//   client -> {"t":"send","i":id,"c":conv,"b":body}    server numbers it (per-room seq), serialises
//                                                      the event once, sends it to every other
//                                                      member, then acks {"t":"ack","i":id,"s":seq}
//   server -> {"t":"ev","c":conv,"s":seq,"b":body}
// Run as a child process: prints {"port":N,"msg":"listening"} like the relay's log line.
import { type WebSocket, WebSocketServer } from 'ws';

interface Room {
  seq: number;
  readonly members: Set<WebSocket>;
}

const rooms = new Map<string, Room>();
const room = (conv: string): Room => {
  let r = rooms.get(conv);
  if (r === undefined) {
    r = { seq: 0, members: new Set() };
    rooms.set(conv, r);
  }
  return r;
};

const wss = new WebSocketServer({
  port: Number(process.env.PORT ?? 0),
  host: '127.0.0.1',
  perMessageDeflate: false,
});

wss.on('connection', (socket) => {
  const joined = new Set<Room>();
  socket.on('message', (data) => {
    const m = JSON.parse(String(data)) as { t: string; c: string; i?: string; b?: string };
    const r = room(m.c);
    if (m.t === 'join') {
      r.members.add(socket);
      joined.add(r);
      return;
    }
    if (m.t !== 'send') return;
    const seq = ++r.seq;
    const frame = JSON.stringify({ t: 'ev', c: m.c, s: seq, b: m.b });
    for (const member of r.members) if (member !== socket) member.send(frame);
    socket.send(JSON.stringify({ t: 'ack', i: m.i, s: seq }));
  });
  socket.on('close', () => {
    for (const r of joined) r.members.delete(socket);
  });
});

wss.on('listening', () => {
  const address = wss.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  console.log(JSON.stringify({ port, msg: 'listening' }));
});

// Nothing to persist: drop every socket and go.
const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
