/** Vitest setup for component tests: the jest-dom matchers (toBeInTheDocument, toHaveTextContent, …). */
import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/react'

// findBy…/waitFor wait for what the screens load lazily (explanation tables, the diagram, the
// verifier): over a second on a 2-core machine at a load average of 12 (one such wait failed
// at 1.3 s), so the library's 1 s default is raised. A wait that never ends still fails.
configure({ asyncUtilTimeout: 8_000 })
