/** Vitest setup for component tests: the jest-dom matchers (toBeInTheDocument, toHaveTextContent, …). */
import '@testing-library/jest-dom/vitest'
