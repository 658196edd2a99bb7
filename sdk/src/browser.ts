/**
 * @jingzhun/sdk in a browser (the `browser` export condition): everything but webhook
 * verification, which needs node:crypto and belongs on a server.
 */
export { createClient, type Client, type ClientOptions, type ResponseInfo, type Operations } from './client.js';
export { paginate, type ConnectionPage, type NodesPage, type EdgesPage } from './paginate.js';
export { follow, type FollowOptions, type FollowedEvent, type ChangesSource } from './follow.js';
export { subscribeChanges, subscribeMatchingNeeds, type MatchedNeed, type SubscribeChangesOptions, type SubscribeMatchingNeedsOptions, type SocketOptions } from './subscribe.js';
export { linkAll, BATCH_SIZE, type LinkAllOptions } from './batch.js';
export { handbook, HANDBOOK_PARTS, type Handbook, type HandbookPart } from './handbook.js';
export * from './errors.js';
export { importFile, getImport, commitImport, importReport, exportRegister, exportResponse, type BulkOptions, type ExportOptions, type ImportJob, type ImportReport, type ImportProblem, type ImportResult } from './bulk.js';
export * from './generated/operations.js';
