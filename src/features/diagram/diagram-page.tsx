import { PlannedScreen } from '../../ui/planned-screen.tsx'

export function DiagramPage() {
  return (
    <PlannedScreen
      title="Diagram"
      lead="A sequence diagram of the flow that actually happened, clickable, with a step-through presentation mode for teaching."
      points={[
        'Click any arrow to open its request and response.',
        'Present one message at a time with the keyboard, in large type for a projector.',
        'Export as SVG, PNG, Mermaid or PlantUML.',
      ]}
    />
  )
}
