import { describe, expect, it } from 'vitest'
import { PROVIDER_PRESETS, presetById, unfilledPlaceholders } from './presets.ts'

describe('provider presets', () => {
  it('covers the providers the issue names', () => {
    expect(PROVIDER_PRESETS.map((p) => p.id).sort()).toEqual([
      'auth0',
      'cognito',
      'duende',
      'google',
      'keycloak',
      'okta',
      'ping',
      'zitadel',
    ])
  })
  it.each(PROVIDER_PRESETS.map((p) => [p.name, p] as const))(
    '%s: https authority template, a recipe, and every statement has an https source',
    (_name, p) => {
      expect(p.authorityTemplate.startsWith('https://')).toBe(true)
      expect(p.recipe.length).toBeGreaterThan(40)
      expect(p.spa.length).toBeGreaterThan(0)
      for (const note of [...p.spa, ...p.limits]) {
        expect(new URL(note.source).protocol).toBe('https:')
        expect(note.text.trim()).not.toBe('')
      }
    },
  )
  it('finds the placeholders a person must still fill in', () => {
    expect(unfilledPlaceholders(presetById('keycloak')!.authorityTemplate)).toEqual(['host', 'realm'])
    expect(unfilledPlaceholders('https://sso.example/realms/main')).toEqual([])
  })
})
