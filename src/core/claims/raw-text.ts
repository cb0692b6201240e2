/** A claim or header value as the text it was in the token: strings as-is, the rest as JSON. */
export function rawText(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
