/** RFC 9457 problem details, the body of every answer the proxy gives itself. */
export function problemBody(status: number, title: string, detail: string): string {
  return JSON.stringify({ type: 'about:blank', title, status, detail });
}
