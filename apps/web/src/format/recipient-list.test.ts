import { describe, expect, it } from 'vitest';
import { parseRecipientList } from './recipient-list';

const ME = `0x${'aa'.repeat(20)}`;
const BOB = `0x${'bb'.repeat(20)}`;
const CAROL = `0x${'cc'.repeat(20)}`;

describe('parseRecipientList', () => {
  it('reads addresses and ENS names separated by lines, commas or spaces, without duplicates or me', () => {
    const result = parseRecipientList(
      `${BOB}\n${CAROL}, vitalik.eth\n${BOB.toUpperCase().replace('0X', '0x')} ${ME}`,
      ME,
    );
    expect(result).toEqual({
      ok: true,
      recipients: [
        { kind: 'address', value: BOB, mixedCase: false },
        { kind: 'address', value: CAROL, mixedCase: false },
        { kind: 'ens', value: 'vitalik.eth' },
      ],
    });
  });

  it('names the first bad entry by position', () => {
    expect(parseRecipientList(`${BOB}\n0x1234\n${CAROL}`, ME)).toEqual({
      ok: false,
      error: 'invalid',
      position: 2,
    });
  });

  it('is empty when only blanks or my own address are given', () => {
    expect(parseRecipientList(' \n ', ME)).toEqual({ ok: false, error: 'empty' });
    expect(parseRecipientList(ME, ME)).toEqual({ ok: false, error: 'empty' });
  });
});
