/** A drop target for one file: whether a drag is over it, and the handlers to spread on the element. */
import { useState, type DragEvent } from 'react'

/**
 * `onFile` gets the first dropped file; without a file, `onText` (if given) gets dropped text.
 * `over` is true while something is dragged over the target.
 */
export function useFileDrop(onFile: (file: File) => void, onText?: (text: string) => void) {
  const [over, setOver] = useState(false)
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        // Without preventDefault the browser refuses the drop (HTML Living Standard, drag-and-drop processing model).
        e.preventDefault()
        setOver(true)
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent) => {
        e.preventDefault()
        setOver(false)
        const file = e.dataTransfer.files[0]
        if (file) onFile(file)
        else if (onText) {
          const text = e.dataTransfer.getData('text/plain')
          if (text) onText(text)
        }
      },
    },
  }
}
