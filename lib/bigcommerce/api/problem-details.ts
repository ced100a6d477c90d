/**
 * Error bodies: V3 answers 422 with problem+json `{status, title, type, errors: {field: msg}}`;
 * V2 answers 400 with `[{status, message, details?}]`. Both become `ValidationDetails`.
 */
import { z } from 'zod';
import type { ValidationDetails } from './errors';

const problemJsonSchema = z.object({
  title: z.string().optional(),
  type: z.string().optional(),
  errors: z.record(z.string(), z.unknown()).optional(),
});

const v2ErrorListSchema = z.array(z.object({ message: z.string().optional(), details: z.unknown().optional() }));

function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function parseValidationDetails(text: string): ValidationDetails {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { title: text.slice(0, 200) || undefined, type: undefined, errors: {} };
  }
  const problem = problemJsonSchema.safeParse(body);
  if (problem.success) {
    const errors = Object.fromEntries(Object.entries(problem.data.errors ?? {}).map(([field, value]) => [field, describeValue(value)]));
    return { title: problem.data.title, type: problem.data.type, errors };
  }
  const list = v2ErrorListSchema.safeParse(body);
  if (list.success) {
    const messages = list.data.map((entry) => entry.message).filter((message): message is string => Boolean(message));
    const errors = Object.fromEntries(list.data.flatMap((entry, index) => (entry.details === undefined ? [] : [[`${index}`, describeValue(entry.details)]])));
    return { title: messages.join('; ') || undefined, type: undefined, errors };
  }
  return { title: undefined, type: undefined, errors: {} };
}
