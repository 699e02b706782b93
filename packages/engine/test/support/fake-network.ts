// Test double for the Network port: the test says when the platform is online (like a browser's
// navigator.onLine and its online/offline events).
import type { Network } from '../../src/ports/network';

export class FakeNetwork implements Network {
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(private online = true) {}

  get onLine(): boolean {
    return this.online;
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const listener of [...this.listeners]) listener(online);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
