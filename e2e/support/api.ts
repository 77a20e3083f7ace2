import type { Page } from 'playwright-core';

/** Calls the API inside the signed-in page (session cookie and CSRF token as the app sends them). */
export async function apiIn<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const s = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch(`/api/v1${url}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    { method, url, body },
  );
}
