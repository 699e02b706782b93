import { Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { parseRecipient, shortAddress } from './address';
import { hasValidChecksum } from './address-checksum';

const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const allCaps = '0x52908400098527886E0F7030069857D2E4169EE7';

describe('recipient input', () => {
  it('normalises an address to lowercase and notes whether it was mixed case', () => {
    expect(parseRecipient(`  ${checksummed} `)).toEqual({
      kind: 'address',
      value: checksummed.toLowerCase(),
      mixedCase: true,
    });
    expect(parseRecipient(allCaps)).toEqual({
      kind: 'address',
      value: allCaps.toLowerCase(),
      mixedCase: false,
    });
    expect(parseRecipient(checksummed.toLowerCase())).toEqual({
      kind: 'address',
      value: checksummed.toLowerCase(),
      mixedCase: false,
    });
  });

  it('accepts ENS names, lowercased', () => {
    expect(parseRecipient('Vitalik.eth')).toEqual({ kind: 'ens', value: 'vitalik.eth' });
    expect(parseRecipient('pay.trader.eth')).toEqual({ kind: 'ens', value: 'pay.trader.eth' });
    expect(parseRecipient('ñandú.eth')).toEqual({ kind: 'ens', value: 'ñandú.eth' });
  });

  it.each([
    ['0x123'],
    ['0x52908400098527886E0F7030069857D2E4169EEZ'],
    ['0x52908400098527886E0F7030069857D2E4169EE7aa'],
    ['vitalik'],
    ['vitalik .eth'],
    ['.eth'],
    ['a..eth'],
    ['name.e'],
    [`${'a'.repeat(260)}.eth`],
  ])('refuses %s', (input) => {
    expect(parseRecipient(input)).toBe('invalid');
  });

  it('says when nothing was typed', () => {
    expect(parseRecipient('   ')).toBe('empty');
  });

  it('checks EIP-55 checksums', () => {
    expect(hasValidChecksum(checksummed)).toBe(true);
    expect(hasValidChecksum(checksummed.replace('F3E', 'f3E'))).toBe(false);
    const fresh = Wallet.createRandom().address;
    expect(hasValidChecksum(fresh)).toBe(true);
  });

  it('shortens an address for display and leaves other text alone', () => {
    expect(shortAddress(checksummed.toLowerCase())).toBe('0x5aae…eaed');
    expect(shortAddress('vitalik.eth')).toBe('vitalik.eth');
  });
});
