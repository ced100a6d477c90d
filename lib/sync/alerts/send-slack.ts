import type { AlertMessage } from './types';

export class AlertSendError extends Error {
  override name = 'AlertSendError';
}

/**
 * Posts `{ text }` to a Slack-compatible incoming webhook. The URL is a secret: it never appears
 * in the error, which names only the failure (HTTP status and the service's short answer, or the
 * network error code).
 */
export async function sendSlack(webhookUrl: string, message: AlertMessage, options: { timeoutMs: number }): Promise<void> {
  const text = `*${message.subject}*\n${message.text}`;
  let response: Response;
  try {
    response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    throw new AlertSendError(`Webhook not reached: ${networkReason(error, options.timeoutMs)}`);
  }
  if (!response.ok) {
    const answer = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 120);
    throw new AlertSendError(`Webhook answered HTTP ${response.status}${answer ? `: ${answer}` : ''}`);
  }
  await response.body?.cancel().catch(() => undefined);
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return 'network error';
}
