// The coordinator's side of the load-generator workers: spawns them (through `sh -c` to raise
// the soft open-files limit to the hard one, as spawn-server.ts does for servers), sends typed
// commands and awaits the typed answers. Structured-clone IPC, so typed arrays travel as such.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Command, Reply, Results } from './ipc';
import { REPO } from './spawn-server';

const RAISE_LIMIT = 'ulimit -Sn "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';

export class Worker {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    readonly index: number,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.resolve(m.result);
      else p?.reject(new Error(`worker ${index}: ${m.error}`));
    });
    child.once('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`worker ${index} exited (${code})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call<C extends Command>(command: C): Promise<Results[C['op']]> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (r) => resolve(r as Results[C['op']]), reject });
      this.child.send({ ...command, id });
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

export function startWorkers(count: number): Worker[] {
  return Array.from({ length: count }, (_, i) => {
    const child = spawn(
      'sh',
      ['-c', RAISE_LIMIT, process.execPath, '--import', 'tsx', 'bench/relay/worker.ts'],
      { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' },
    );
    return new Worker(i, child);
  });
}

/** The same command on every worker. */
export function all<C extends Command>(
  workers: readonly Worker[],
  command: C,
): Promise<Array<Results[C['op']]>> {
  return Promise.all(workers.map((w) => w.call(command)));
}
