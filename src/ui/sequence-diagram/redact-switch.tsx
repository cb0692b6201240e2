/** The Redact switch of every diagram view (Diagram screen, Flow tab): one name and one meaning wherever a diagram is drawn. */
import { Switch } from '../switch.tsx'

/** `where` finishes the description: what this view masks besides the arrows' labels. */
export function RedactSwitch({ checked, onChange, where }: { checked: boolean; onChange: (on: boolean) => void; where: string }) {
  return (
    <Switch checked={checked} onChange={onChange} label="Redact" description={`Mask tokens, codes, state and personal values ${where}`} />
  )
}
