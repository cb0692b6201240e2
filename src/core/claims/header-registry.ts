/** JOSE header parameter knowledge. Lazily loaded. */
import type { HeaderInfo } from './registry-types.ts'

const HEADERS: Partial<Record<string, HeaderInfo>> = {}

export function resolveHeader(name: string): HeaderInfo | undefined {
  return Object.hasOwn(HEADERS, name) ? HEADERS[name] : undefined
}
