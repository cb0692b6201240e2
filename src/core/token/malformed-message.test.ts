/** The `malformed` finding names the decode problem once, however decode() phrased its reason. */
import { describe, expect, it } from 'vitest'
import { inspectToken } from './inspect.ts'
import { constants } from './__fixtures__/fixtures.ts'

const times = (text: string, part: string) => text.split(part).length - 1

async function malformed(token: string) {
  const report = await inspectToken(token, { now: constants.now })
  const f = report.findings.find((x) => x.code === 'malformed')
  expect(f, token).toBeDefined()
  return f?.message ?? ''
}

describe('malformed finding message', () => {
  it.each([
    ['a bad header of three segments', 'eyJ*.e30.sig', 'The header segment contains "*" at position 3'],
    ['a bad payload of three segments', 'eyJhbGciOiJSUzI1NiJ9.e3*.sig', 'The payload segment contains "*"'],
    ['a bad protected header of five segments', 'eyJ*.a.b.c.d', 'The header segment contains "*"'],
  ])('%s states the problem exactly once', async (_name, token, problem) => {
    const message = await malformed(token)
    expect(message).toContain('does not decode')
    expect(times(message, problem)).toBe(1)
  })

  it('two segments: the missing signature and the header problem are both said, each once', async () => {
    const message = await malformed('eyJ*.e30')
    expect(times(message, 'the signature segment and its dot are missing')).toBe(1)
    expect(times(message, 'The header segment contains "*"')).toBe(1)
  })
})
