// Turns any error into a sentence the person can act on, in their language.
import type { TFunction } from 'i18next';
import { isUserRejection } from '../wallet/provider-errors';

function kindOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('kind' in error)) return undefined;
  const kind = (error as { kind: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}

export function describeError(error: unknown, t: TFunction): string {
  if (isUserRejection(error)) return t('errors.declined');
  switch (kindOf(error)) {
    case 'wrong_passphrase':
      return t('errors.wrongPassphrase');
    case 'weak_passphrase':
      return t('errors.weakPassphrase');
    case 'corrupt_keystore':
      return t('errors.corruptKeystore');
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('errors.generic', { message });
}
