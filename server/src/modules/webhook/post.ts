/**
 * One webhook POST, with a deadline: the outcome is a 2xx, another status with the
 * start of the answer, or the reason no answer came. Redirects are not followed (a
 * 3xx is a failure: the registered URL is where events go), and at most the first
 * bytes of an answer are read.
 */
export interface PostOutcome {
  ok: boolean;
  statusCode: number | null;
  error?: string;
}

const SNIPPET = 200;

/** The first bytes of an answer, then the rest is dropped unread. */
async function snippet(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  let text = '';
  try {
    const decoder = new TextDecoder();
    while (text.length < SNIPPET) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, SNIPPET).trim();
}

export async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const text = await snippet(res).catch(() => '');
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status };
    return { ok: false, statusCode: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ''}` };
  } catch (e) {
    const err = e as Error & { cause?: { message?: string } };
    if (err.name === 'TimeoutError') return { ok: false, statusCode: null, error: `no answer within ${timeoutMs} ms` };
    return { ok: false, statusCode: null, error: `could not reach the endpoint: ${err.cause?.message ?? err.message}` };
  }
}
