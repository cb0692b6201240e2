/** A clock for relative times that ticks at an interval, or stands still at a pretend time. */
import { useEffect, useState } from 'react'

const nowSec = () => Math.floor(Date.now() / 1000)

/**
 * The inspector's clock, in unix seconds. The core never reads the clock (DESIGN §4); this hook
 * is the one place that does, ticking every `intervalMs` so "expires in 52 min" counts live.
 * A `frozen` time ("pretend the time is…") stops the ticking.
 */
export function useNow(intervalMs: number, frozen: number | null = null): number {
  const [now, setNow] = useState(nowSec)
  useEffect(() => {
    if (frozen !== null) return
    const id = setInterval(() => setNow(nowSec()), intervalMs)
    return () => clearInterval(id)
  }, [intervalMs, frozen])
  return frozen ?? now
}
