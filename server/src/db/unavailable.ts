/**
 * A lost or restarting database (issue 13 item 5): the errors that mean "the database cannot
 * be reached now", as opposed to a fault of the request or of our code. A request that meets
 * one is answered 503 with the retryable code SERVICE_UNAVAILABLE and `retry-after`
 * (http/unavailable-plugin.ts), never INTERNAL_SERVER_ERROR: the client should simply retry.
 */

/** Seconds a client is asked to wait before retrying (the pool reconnects within about a second). */
export const RETRY_AFTER_S = 2;

/** SQLSTATE classes and codes: connection exceptions (08), admin/crash shutdown and "cannot connect now" (57P01–57P03), too many connections (53300). */
const STATES = /^(08...|57P0[123]|53300)$/;
/** Node socket errors and the pg driver's own messages for a connection gone. */
const SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|PGlite is closed|is not currently accepting connections|terminating connection due to administrator command/i;

/** Whether this error (or one in its cause chain) means the database is unreachable for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, i = 0; e && i < 6; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && (STATES.test(e.code) || SOCKET.has(e.code))) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  }
  return false;
}

export const unavailableMessage = 'the registry\'s database cannot be reached just now; nothing was changed. Retry in a few seconds';
