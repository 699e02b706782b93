import { describe, expect, it } from 'vitest';
import { checkRpcUrl, isRpcUrl } from './rpc-url';

describe('checkRpcUrl', () => {
  it('accepts https anywhere and http only to this machine', () => {
    expect(checkRpcUrl(' https://eth.example/v3/key ')).toEqual({
      ok: true,
      url: 'https://eth.example/v3/key',
    });
    expect(checkRpcUrl('http://localhost:8545')).toEqual({ ok: true, url: 'http://localhost:8545/' });
    expect(checkRpcUrl('http://127.0.0.1:8545').ok).toBe(true);
    expect(checkRpcUrl('http://[::1]:8545').ok).toBe(true);
  });

  it('refuses plain http to other hosts, other schemes, credentials and junk', () => {
    expect(checkRpcUrl('http://eth.example')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkRpcUrl('http://localhost.evil.example')).toEqual({ ok: false, problem: 'insecure' });
    expect(checkRpcUrl('wss://eth.example')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkRpcUrl('javascript:alert(1)')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkRpcUrl('https://user:pw@eth.example')).toEqual({ ok: false, problem: 'credentials' });
    expect(checkRpcUrl('eth.example')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkRpcUrl('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkRpcUrl(`https://eth.example/${'a'.repeat(3000)}`)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('drops the fragment, and isRpcUrl accepts only stored (normalised) values', () => {
    expect(checkRpcUrl('https://eth.example/#x')).toEqual({ ok: true, url: 'https://eth.example/' });
    expect(isRpcUrl('https://eth.example/')).toBe(true);
    expect(isRpcUrl('https://eth.example')).toBe(false);
    expect(isRpcUrl('http://eth.example/')).toBe(false);
    expect(isRpcUrl(42)).toBe(false);
  });
});
