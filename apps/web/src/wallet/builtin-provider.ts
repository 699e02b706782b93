// The built-in wallet as an EIP-1193 provider, so sign-in, device linking and trade proposals
// treat it exactly like an extension. Every signature first goes through `confirm`, which the
// app answers by showing the person what the signature is for and the exact text signed.
import type { Eip1193Provider } from '../../../../packages/engine/src/engine-api';
import {
  ProviderRpcError,
  RPC_INVALID_PARAMS,
  RPC_UNAUTHORIZED,
  RPC_UNSUPPORTED_METHOD,
  RPC_USER_REJECTED,
} from './provider-errors';

/** The part of an ethers Wallet the provider uses. */
export interface MessageSigner {
  readonly address: string;
  signMessage(message: string | Uint8Array): Promise<string>;
  signTypedData(
    domain: Record<string, unknown>,
    types: Record<string, Array<{ name: string; type: string }>>,
    value: Record<string, unknown>,
  ): Promise<string>;
}

export type SignatureRequest =
  | { readonly method: 'personal_sign'; readonly address: string; readonly text: string }
  | {
      readonly method: 'eth_signTypedData_v4';
      readonly address: string;
      /** Pretty-printed typed data, as shown to the person. */
      readonly text: string;
      readonly primaryType: string;
      readonly domain: Record<string, unknown>;
    };

export interface BuiltinProviderOptions {
  readonly chainId: number;
  /** Resolves true when the person approves this exact signature. */
  readonly confirm: (request: SignatureRequest) => Promise<boolean>;
}

type TypeFields = Array<{ name: string; type: string }>;

function invalid(message: string): ProviderRpcError {
  return new ProviderRpcError(RPC_INVALID_PARAMS, message);
}

function paramList(params: unknown): readonly unknown[] {
  if (!Array.isArray(params)) throw invalid('params must be an array');
  return params;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
  return out;
}

/** personal_sign data: 0x-hex means bytes (as MetaMask reads it); anything else is UTF-8 text. */
function readPersonalMessage(data: unknown): { payload: string | Uint8Array; text: string } {
  if (typeof data !== 'string') throw invalid('message must be a string');
  if (/^0x([0-9a-fA-F]{2})*$/.test(data)) {
    const bytes = hexToBytes(data);
    try {
      return { payload: bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { payload: bytes, text: data };
    }
  }
  return { payload: data, text: data };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readTypes(value: unknown): Record<string, TypeFields> {
  if (!isRecord(value)) throw invalid('typed data needs types');
  const types: Record<string, TypeFields> = {};
  for (const [name, fields] of Object.entries(value)) {
    if (!Array.isArray(fields)) throw invalid(`type ${name} must list its fields`);
    types[name] = fields.map((f: unknown) => {
      if (!isRecord(f) || typeof f.name !== 'string' || typeof f.type !== 'string') {
        throw invalid(`type ${name} has a malformed field`);
      }
      return { name: f.name, type: f.type };
    });
  }
  return types;
}

/** The struct types reachable from `primaryType` (ethers wants exactly those, without EIP712Domain). */
function reachableTypes(types: Record<string, TypeFields>, primaryType: string): Record<string, TypeFields> {
  const out: Record<string, TypeFields> = {};
  const visit = (name: string): void => {
    const fields = types[name];
    if (fields === undefined || name in out) return;
    out[name] = fields;
    for (const field of fields) visit(field.type.replace(/(\[\d*\])+$/, ''));
  };
  visit(primaryType);
  if (!(primaryType in out)) throw invalid('primaryType is not among the types');
  return out;
}

function readTypedData(data: unknown) {
  let parsed: unknown = data;
  if (typeof data === 'string') {
    try {
      parsed = JSON.parse(data);
    } catch {
      throw invalid('typed data is not JSON');
    }
  }
  if (!isRecord(parsed)) throw invalid('typed data must be an object');
  const { domain, primaryType, message } = parsed;
  if (!isRecord(domain) || typeof primaryType !== 'string' || !isRecord(message)) {
    throw invalid('typed data needs domain, primaryType and message');
  }
  const types = reachableTypes(readTypes(parsed.types), primaryType);
  return {
    domain,
    primaryType,
    message,
    types,
    text: JSON.stringify({ domain, primaryType, message }, null, 2),
  };
}

export function createBuiltinProvider(
  signer: MessageSigner,
  options: BuiltinProviderOptions,
): Eip1193Provider {
  const address = signer.address.toLowerCase();
  const requireSelf = (value: unknown): void => {
    if (typeof value !== 'string' || value.toLowerCase() !== address) {
      throw new ProviderRpcError(RPC_UNAUTHORIZED, 'the built-in wallet does not hold that address');
    }
  };
  const approve = async (request: SignatureRequest): Promise<void> => {
    if (!(await options.confirm(request))) {
      throw new ProviderRpcError(RPC_USER_REJECTED, 'User rejected the request.');
    }
  };

  return {
    async request({ method, params }) {
      switch (method) {
        case 'eth_requestAccounts':
        case 'eth_accounts':
          return [address];
        case 'eth_chainId':
          return `0x${options.chainId.toString(16)}`;
        case 'net_version':
          return String(options.chainId);
        case 'personal_sign': {
          const [data, from] = paramList(params);
          requireSelf(from);
          const { payload, text } = readPersonalMessage(data);
          await approve({ method, address, text });
          return signer.signMessage(payload);
        }
        case 'eth_signTypedData_v4': {
          const [from, data] = paramList(params);
          requireSelf(from);
          const typed = readTypedData(data);
          await approve({
            method,
            address,
            text: typed.text,
            primaryType: typed.primaryType,
            domain: typed.domain,
          });
          return signer.signTypedData(typed.domain, typed.types, typed.message);
        }
        default:
          throw new ProviderRpcError(
            RPC_UNSUPPORTED_METHOD,
            `the built-in wallet does not support ${method}`,
          );
      }
    },
  };
}
