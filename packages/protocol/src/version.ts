// PROTOCOL_VERSION changes whenever a wire schema or format changes. schema-hash.test.ts fails
// when a schema changes and this number (with its history line) does not.
//
// History:
//   1: first version: envelope v1, content types text..tx, device log v1, prekey bundles,
//      group control messages.
//   2: trade.proposal gains the optional `note` (committed to by the order's salt); trade contents
//      are specified in full (docs/protocol.md §11).
export const PROTOCOL_VERSION = 2;
