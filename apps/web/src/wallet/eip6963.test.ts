import { describe, expect, it } from 'vitest';
import type { Eip1193Provider } from '../../../../packages/engine/src/engine-api';
import {
  ANNOUNCE_EVENT,
  createWalletDiscovery,
  type DiscoveryTarget,
  LEGACY_UUID,
  parseAnnouncement,
  REQUEST_EVENT,
} from './eip6963';

const ICON = 'data:image/svg+xml;base64,PHN2Zy8+';

function fakeProvider(tag: string): Eip1193Provider & { tag: string } {
  return { tag, request: async () => tag };
}

class FakeWindow extends EventTarget implements DiscoveryTarget {
  ethereum?: unknown;
  requests = 0;
  constructor() {
    super();
    this.addEventListener(REQUEST_EVENT, () => {
      this.requests++;
    });
  }
}

/** A wallet as an extension's content script would install it: it answers every request. */
function installWallet(win: FakeWindow, info: Record<string, unknown>, provider: unknown): void {
  const announce = () =>
    win.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: Object.freeze({ info, provider }) }));
  win.addEventListener(REQUEST_EVENT, announce);
  announce();
}

const info = (uuid: string, name: string) => ({ uuid, name, icon: ICON, rdns: `org.example.${name}` });

describe('EIP-6963 wallet discovery', () => {
  it('asks wallets to announce themselves and lists each one by name and icon', () => {
    const win = new FakeWindow();
    const a = fakeProvider('a');
    const b = fakeProvider('b');
    const discovery = createWalletDiscovery(win);
    // Installed after discovery exists but before it starts: they only answer the request.
    installWallet(win, info('11111111-1111-4111-8111-111111111111', 'Alpha'), a);
    installWallet(win, info('22222222-2222-4222-8222-222222222222', 'Beta'), b);
    discovery.start();
    expect(win.requests).toBe(1);
    const list = discovery.wallets();
    expect(list.map((w) => w.info.name)).toEqual(['Alpha', 'Beta']);
    expect(list[0]?.provider).toBe(a);
    expect(list[1]?.info.icon).toBe(ICON);
    expect(list.every((w) => !w.legacy)).toBe(true);
  });

  it('picks up a wallet that announces itself later and tells subscribers', () => {
    const win = new FakeWindow();
    const discovery = createWalletDiscovery(win);
    discovery.start();
    let notified = 0;
    discovery.subscribe(() => notified++);
    expect(discovery.wallets()).toEqual([]);
    installWallet(win, info('33333333-3333-4333-8333-333333333333', 'Late'), fakeProvider('late'));
    expect(notified).toBe(1);
    expect(discovery.wallets().map((w) => w.info.name)).toEqual(['Late']);
  });

  it('keeps one entry per uuid and keeps the snapshot stable when nothing changed', () => {
    const win = new FakeWindow();
    const p = fakeProvider('p');
    installWallet(win, info('44444444-4444-4444-8444-444444444444', 'Same'), p);
    const discovery = createWalletDiscovery(win);
    discovery.start();
    const first = discovery.wallets();
    discovery.start(); // the wallet answers again
    expect(discovery.wallets()).toHaveLength(1);
    expect(discovery.wallets()).toBe(first);
  });

  it('falls back to window.ethereum only while no wallet has announced itself', () => {
    const win = new FakeWindow();
    const legacy = fakeProvider('legacy');
    win.ethereum = legacy;
    const discovery = createWalletDiscovery(win);
    discovery.start();
    expect(discovery.wallets()).toHaveLength(1);
    expect(discovery.wallets()[0]?.legacy).toBe(true);
    expect(discovery.wallets()[0]?.info.uuid).toBe(LEGACY_UUID);
    expect(discovery.wallets()[0]?.provider).toBe(legacy);
    installWallet(win, info('55555555-5555-4555-8555-555555555555', 'Modern'), fakeProvider('m'));
    expect(discovery.wallets().map((w) => [w.info.name, w.legacy])).toEqual([['Modern', false]]);
  });

  it('ignores a window.ethereum that is not an EIP-1193 provider', () => {
    const win = new FakeWindow();
    win.ethereum = { send: () => undefined };
    const discovery = createWalletDiscovery(win);
    discovery.start();
    expect(discovery.wallets()).toEqual([]);
  });

  it('stops listening after stop()', () => {
    const win = new FakeWindow();
    const discovery = createWalletDiscovery(win);
    discovery.start();
    discovery.stop();
    installWallet(win, info('66666666-6666-4666-8666-666666666666', 'Ignored'), fakeProvider('x'));
    expect(discovery.wallets()).toEqual([]);
  });

  it.each([
    ['no detail', undefined],
    ['no provider', { info: info('u', 'n') }],
    ['a provider without request()', { info: info('u', 'n'), provider: { send() {} } }],
    ['an empty name', { info: info('u', '  '), provider: fakeProvider('p') }],
    ['no uuid', { info: { name: 'n', icon: ICON, rdns: 'r' }, provider: fakeProvider('p') }],
    ['no rdns', { info: { uuid: 'u', name: 'n', icon: ICON }, provider: fakeProvider('p') }],
    [
      'an https icon',
      { info: { ...info('u', 'n'), icon: 'https://tracker.example/x.png' }, provider: fakeProvider('p') },
    ],
    [
      'a data icon that is not an image',
      { info: { ...info('u', 'n'), icon: 'data:text/html,<b>' }, provider: fakeProvider('p') },
    ],
  ])('refuses an announcement with %s', (_what, detail) => {
    expect(parseAnnouncement(detail)).toBeUndefined();
    const win = new FakeWindow();
    const discovery = createWalletDiscovery(win);
    discovery.start();
    win.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail }));
    expect(discovery.wallets()).toEqual([]);
  });

  it('trims and bounds the wallet name it shows', () => {
    const parsed = parseAnnouncement({
      info: info('u', `  ${'W'.repeat(200)}  `),
      provider: fakeProvider('p'),
    });
    expect(parsed?.info.name).toBe('W'.repeat(64));
  });
});
