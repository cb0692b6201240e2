/** The theme choice (system, light, dark), kept in localStorage so a reload keeps it. */
import { create } from 'zustand'
import { readStored, writeStored } from '../adapters/storage.ts'

export type ThemeChoice = 'system' | 'light' | 'dark'

interface ThemeState {
  choice: ThemeChoice
  setChoice: (choice: ThemeChoice) => void
}

function initialChoice(): ThemeChoice {
  const stored = readStored('local', 'theme')
  return stored === 'light' || stored === 'dark' || stored === 'system' ? stored : 'system'
}

export const useThemeStore = create<ThemeState>((set) => ({
  choice: initialChoice(),
  setChoice: (choice) => {
    writeStored('local', 'theme', choice)
    set({ choice })
  },
}))
