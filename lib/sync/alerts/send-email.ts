import nodemailer, { type Transporter } from 'nodemailer';
import type { AlertMessage } from './types';
import { AlertSendError } from './send-slack';

/** A store's SMTP server, password already decrypted (never logged, never sent to the browser). */
export interface SmtpConfig {
  host: string;
  port: number;
  user: string | null;
  password: string | null;
  from: string;
}

/** Builds the transport; tests pass nodemailer's JSON or stream transport instead. */
export type TransportFactory = (smtp: SmtpConfig, timeoutMs: number) => Pick<Transporter, 'sendMail'>;

export const smtpTransport: TransportFactory = (smtp, timeoutMs) =>
  nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.port === 465,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Fail rather than hang or fall back to an unencrypted login when the server misbehaves.
    requireTLS: smtp.port === 587,
    logger: false,
    debug: false,
  });

/** Sends one plain-text alert email with the store's SMTP settings, within a time limit. */
export async function sendEmail(
  smtp: SmtpConfig,
  to: string,
  message: AlertMessage,
  options: { timeoutMs: number; transport?: TransportFactory },
): Promise<void> {
  const transport = (options.transport ?? smtpTransport)(smtp, options.timeoutMs);
  try {
    await withTimeout(transport.sendMail({ from: smtp.from, to, subject: message.subject, text: message.text }), options.timeoutMs * 3);
  } catch (error) {
    throw new AlertSendError(`Email not sent: ${smtpReason(error, smtp.password)}`);
  }
}

/** The SMTP error in a sentence, with the password cut out in case a server echoes it. */
function smtpReason(error: unknown, password: string | null): string {
  const raw = error instanceof Error ? [(error as { code?: unknown }).code, error.message].filter((p) => typeof p === 'string' && p).join(' ') : String(error);
  const clean = password ? raw.split(password).join('***') : raw;
  return clean.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown SMTP error';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
