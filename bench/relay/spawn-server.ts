// Starts a server under test (the relay, or the raw ws baseline) as its own process, so /proc
// figures are its alone. It goes through `sh -c` to raise the soft open-files limit to the hard
// one first (Node cannot call setrlimit), then execs node, so the pid is node's. The bound port
// comes from the server's structured "listening" line, as relay/test/helpers/child-relay.ts does.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly child: ChildProcess;
  /** Recent output, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const RAISE_LIMIT = 'ulimit -Sn "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';

export function spawnServer(
  script: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const args = ['-c', RAISE_LIMIT, process.execPath, ...nodeArgs, '--import', 'tsx', script];
  const child = spawn('sh', args, {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let found = false;
  // Keep only the tail: the relay logs for as long as it runs, and the pipe must keep draining.
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start in time:\n${out}`));
    }, timeoutMs);
    child.stderr?.on('data', keep);
    child.stdout?.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (found) return;
      const match = /"port":(\d+)[^\n]*"msg":"listening"/.exec(out);
      if (match?.[1] === undefined || child.pid === undefined) return;
      found = true;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        pid: child.pid,
        port,
        url: `http://127.0.0.1:${port}`,
        child,
        output: () => out,
        async stop() {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (!found) reject(new Error(`${script} exited before listening:\n${out}`));
    });
  });
}
