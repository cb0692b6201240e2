/** Saves text as a file through a temporary object URL (nothing is uploaded anywhere). */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([text], { type }))
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}

export function stamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/[:T]/g, '-')
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
