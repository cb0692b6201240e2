import { describe, expect, it } from 'vitest'
import { decodeToken, inputTooLarge, MAX_TOKEN_CHARS, MAX_TOKEN_FILE_BYTES, MAX_TOKEN_INPUT_CHARS, tokenTooLargeMessage } from './decode.ts'

const MB5 = 5 * 1024 * 1024

describe('token input size limit', () => {
  it('derives the paste and file limits from the token limit', () => {
    expect(MAX_TOKEN_INPUT_CHARS).toBe(2 * MAX_TOKEN_CHARS)
    // The token input has always read files up to 1 MiB; it now follows from the same constant.
    expect(MAX_TOKEN_FILE_BYTES).toBe(1024 * 1024)
  })

  it('accepts text up to the limit and refuses one character more', () => {
    expect(inputTooLarge('A'.repeat(MAX_TOKEN_INPUT_CHARS))).toBeNull()
    expect(inputTooLarge('A'.repeat(MAX_TOKEN_INPUT_CHARS + 1))).toBe(tokenTooLargeMessage(MAX_TOKEN_INPUT_CHARS + 1))
  })

  it('says how large the text is and how large a token may be', () => {
    expect(tokenTooLargeMessage(MB5)).toBe(
      'This text is 5,242,880 characters long (5.0 MB); a token is at most 64 KB (65,536 characters), or 128 KB with line breaks and a Bearer prefix. Real tokens are a few kilobytes, and servers refuse request headers this large.',
    )
  })

  it('the decoder refuses over-limit input with the very message the inputs show', () => {
    const huge = `eyJ${'A'.repeat(MB5 - 3)}`
    const d = decodeToken(huge)
    expect(d.decodes).toBe(false)
    expect(d.problems).toEqual([{ segment: 'token', reason: 'too_large', message: inputTooLarge(huge) }])
    expect(d.formReason).toBe(inputTooLarge(huge))
  })

  it('a token over its own limit (within the input limit) gets the same wording', () => {
    const token = `eyJhbGciOiJub25lIn0.${'A'.repeat(MAX_TOKEN_CHARS)}.`
    const d = decodeToken(`Bearer ${token}`)
    expect(d.problems[0]?.reason).toBe('too_large')
    expect(d.formReason).toBe(tokenTooLargeMessage(token.length))
  })
})
