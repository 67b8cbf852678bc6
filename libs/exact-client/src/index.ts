export * from './entities/accounts';
export * from './http/exact-client';
export * from './http/exact-errors';
export * from './http/exact-hosts';
export * from './http/exact-response';
export * from './http/token-provider';
export * from './odata/odata';
