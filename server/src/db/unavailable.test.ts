/** Which errors mean "the database cannot be reached now" (answered 503), and which are faults (500). */
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

const err = (message: string, code?: string, cause?: unknown) => Object.assign(new Error(message), { code, cause });

describe('isDatabaseUnavailable', () => {
  it('knows a terminated connection, a refused socket, a database not accepting connections, through drizzle\'s wrapping', () => {
    expect(isDatabaseUnavailable(err('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDatabaseUnavailable(err('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(err('Failed query: select 1', undefined, err('database "x" is not currently accepting connections', '55000')))).toBe(true);
    expect(isDatabaseUnavailable(err('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(err('sorry, too many clients already', '53300'))).toBe(true);
  });

  it('does not take a constraint violation, a syntax error or a bug for an outage', () => {
    expect(isDatabaseUnavailable(err('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnavailable(err('syntax error at or near "x"', '42601'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
