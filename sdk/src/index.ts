/** @jingzhun/sdk: a typed client for the Jingzhun GraphQL API. */
export { createClient, type Client, type ClientOptions, type ResponseInfo, type Operations } from './client.js';
export { paginate, type ConnectionPage } from './paginate.js';
export * from './errors.js';
export * from './generated/operations.js';
