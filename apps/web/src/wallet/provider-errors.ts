// EIP-1193 errors (https://eips.ethereum.org/EIPS/eip-1193#provider-errors) and the JSON-RPC
// codes the built-in wallet uses, so callers handle it exactly like an extension.

export const RPC_USER_REJECTED = 4001;
export const RPC_UNAUTHORIZED = 4100;
export const RPC_UNSUPPORTED_METHOD = 4200;
export const RPC_INVALID_PARAMS = -32602;

export class ProviderRpcError extends Error {
  readonly code: number;

  constructor(code: number, message: string) {
    super(message);
    this.name = 'ProviderRpcError';
    this.code = code;
  }
}

/** True when a wallet (any EIP-1193 provider) reports that the person declined the request. */
export function isUserRejection(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === RPC_USER_REJECTED
  );
}
