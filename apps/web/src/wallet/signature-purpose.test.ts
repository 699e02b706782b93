import { describe, expect, it } from 'vitest';
import { classifySignature } from './signature-purpose';

const siwe = [
  'localhost:5173 wants you to sign in with your Ethereum account:',
  '0x1111111111111111111111111111111111111111',
  '',
  'URI: http://localhost:5173',
].join('\n');

const link = [
  'Parley device log',
  'Signing this links a new device…',
  '',
  'Version: 1',
  'Action: link device',
].join('\n');
const revoke = [
  'Parley device log',
  'Signing this revokes a device…',
  '',
  'Version: 1',
  'Action: revoke device',
].join('\n');

describe('classifySignature', () => {
  it('recognises SIWE sign-in, device link and device revoke by their text', () => {
    expect(classifySignature({ method: 'personal_sign', text: siwe })).toBe('sign-in');
    expect(classifySignature({ method: 'personal_sign', text: link })).toBe('link-device');
    expect(classifySignature({ method: 'personal_sign', text: revoke })).toBe('revoke-device');
    expect(classifySignature({ method: 'eth_signTypedData_v4', text: '{}' })).toBe('typed-data');
  });

  it('lets the text win over a hint that disagrees', () => {
    expect(classifySignature({ method: 'personal_sign', text: link }, 'sign-in')).toBe('link-device');
    expect(classifySignature({ method: 'personal_sign', text: siwe }, 'link-device')).toBe('sign-in');
  });

  it('uses the hint only for text it does not recognise', () => {
    expect(classifySignature({ method: 'personal_sign', text: 'hello' }, 'link-device')).toBe('link-device');
    expect(classifySignature({ method: 'personal_sign', text: 'hello' })).toBe('unknown');
    // A device-log title with an unknown action is not treated as a link.
    expect(classifySignature({ method: 'personal_sign', text: 'Parley device log\nAction: other' })).toBe(
      'unknown',
    );
  });
});
