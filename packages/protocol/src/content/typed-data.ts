// EIP-712 typed data as carried inside trade contents (docs/protocol.md §9.3). This checks shape
// and size only; the signature and the meaning of the order are checked by packages/crypto
// (EIP-712 hashing and ecrecover) before anything is shown as an offer.
import { z } from 'zod';
import {
  MAX_IDENTIFIER_CHARS,
  MAX_TYPED_DATA_FIELDS,
  MAX_TYPED_DATA_STRING_CHARS,
  MAX_TYPED_DATA_TYPES,
} from '../limits';
import { Address } from '../wire-primitives';
import { ChainId, EthHash32 } from './eth-scalars';

/**
 * A Solidity identifier (type or field name). `__proto__` is refused: as an object key it would
 * be dropped or change a prototype, and then a parsed value would differ from what was signed.
 */
export const Identifier = z
  .string()
  .max(MAX_IDENTIFIER_CHARS)
  .regex(/^(?!__proto__$)[A-Za-z_$][A-Za-z0-9_$]*$/, 'expected an identifier');

/** A field type: an identifier with optional array suffixes, such as `uint256`, `OfferItem[]`. */
export const TypeRef = z
  .string()
  .max(MAX_IDENTIFIER_CHARS)
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]*(\[[0-9]{0,4}\])*$/, 'expected a type name');

export const TypedDataField = z.strictObject({ name: Identifier, type: TypeRef });

const countAtMost = (max: number) => (o: object) => Object.keys(o).length <= max;

export const TypedDataTypes = z
  .record(Identifier, z.array(TypedDataField).max(MAX_TYPED_DATA_FIELDS))
  .refine(countAtMost(MAX_TYPED_DATA_TYPES), `expected at most ${MAX_TYPED_DATA_TYPES} types`);

/** A value in the message. Integers above 2^53 are decimal strings (ethers accepts them so). */
export type TypedDataValue = string | number | boolean | TypedDataValue[] | { [key: string]: TypedDataValue };

export const TypedDataValue: z.ZodType<TypedDataValue> = z.lazy(() =>
  z.union([
    z.string().max(MAX_TYPED_DATA_STRING_CHARS),
    z.number().int(),
    z.boolean(),
    z.array(TypedDataValue).max(MAX_TYPED_DATA_FIELDS),
    TypedDataStruct,
  ]),
);

const TypedDataStruct: z.ZodType<{ [key: string]: TypedDataValue }> = z
  .record(Identifier, TypedDataValue)
  .refine(countAtMost(MAX_TYPED_DATA_FIELDS), `expected at most ${MAX_TYPED_DATA_FIELDS} fields`);

/** The EIP-712 domain; every field is optional in the standard. */
export const TypedDataDomain = z.strictObject({
  name: z.string().max(MAX_IDENTIFIER_CHARS).optional(),
  version: z.string().max(MAX_IDENTIFIER_CHARS).optional(),
  chainId: ChainId.optional(),
  verifyingContract: Address.optional(),
  salt: EthHash32.optional(),
});

export const TypedData = z
  .strictObject({
    types: TypedDataTypes,
    primaryType: Identifier,
    domain: TypedDataDomain,
    message: TypedDataStruct,
  })
  .refine((t) => Object.hasOwn(t.types, t.primaryType), {
    message: 'expected primaryType to name one of types',
    path: ['primaryType'],
  });
export type TypedData = z.infer<typeof TypedData>;
