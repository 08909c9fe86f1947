// Browser-safe ledger modules (no node:*), exported as "@liuhen/domain/ledger" for the web client.
export * from './hashing';
export * from './merkle';
export * from './checkpoint';
export * from './note';
export * from './signers';
export * from './tlog-proof';
