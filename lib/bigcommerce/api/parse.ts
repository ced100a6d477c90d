/** Applies a wire schema to a response body; a mismatch is a typed error, never a silent undefined. */
import type { z } from 'zod';
import { BigCommerceUnexpectedResponseError } from './errors';
import type { ApiRequest, ApiResponse } from './http';

export function parseResponse<S extends z.ZodType>(schema: S, response: ApiResponse, request: ApiRequest): z.output<S> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new BigCommerceUnexpectedResponseError({
    status: response.status,
    method: request.method,
    path: request.path,
    body: JSON.stringify(response.body),
    issues,
  });
}
