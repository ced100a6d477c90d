import { after } from 'next/server';

/**
 * Runs `task` once the response has gone: `after()` keeps a serverless function alive until it
 * ends. Outside a Next request (a test or bench harness calling the handler) it starts at once.
 * The task must handle its own errors.
 */
export function runAfterResponse(task: () => Promise<unknown>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}
