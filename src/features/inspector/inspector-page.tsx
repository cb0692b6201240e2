/** The inspector route: a thin shell that opens a token link and hands over to the inspector view. */
import { useEffect } from 'react'
import { useInspectorStore } from '../../stores/inspector-store.ts'
import { InspectorView } from './inspector-view.tsx'
import { prefetchInspector, prefetchWhenIdle } from './preload.ts'
import { useTokenFromUrl } from './use-token-from-url.ts'

const reachField = () => void prefetchInspector()

/** #/inspect: the inspector screen on the live store, with links' tokens and the idle prefetch. */
export function InspectorPage() {
  useTokenFromUrl()
  const s = useInspectorStore()
  // Fetch the report's code and the verifier, and warm the page's paths, while the page is idle,
  // so a paste finds them ready.
  useEffect(() => prefetchWhenIdle(), [])
  return <InspectorView s={s} onReachField={reachField} />
}
