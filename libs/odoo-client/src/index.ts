export * from './models/partners';
export * from './rpc/odoo-errors';
export * from './rpc/odoo-rpc';
