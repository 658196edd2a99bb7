/** Dates relative to today for tests (YYYY-MM-DD, UTC): steps are dated in the past so posting windows have closed. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
