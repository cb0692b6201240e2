/**
 * The canonical teaching flows, shown when nothing has been captured. Each is clearly a template:
 * the model is marked `template: true` and titled "Template: …".
 */
import { buildModelFromInputs, type BuildOptions } from './model.ts'
import type { DiagramModel } from './types.ts'
import { spaPkceTemplate, webAppTemplate } from './templates/auth-code.ts'
import { clientCredentialsTemplate, deviceCodeTemplate, onBehalfOfTemplate, refreshTemplate } from './templates/service.ts'
import type { FlowTemplate } from './templates/types.ts'

export type { FlowTemplate }

export const TEMPLATE_IDS = [
  'auth-code-pkce-spa',
  'auth-code-web',
  'client-credentials',
  'refresh-token',
  'on-behalf-of',
  'device-code',
] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

const FACTORIES: Record<TemplateId, () => FlowTemplate> = {
  'auth-code-pkce-spa': spaPkceTemplate,
  'auth-code-web': webAppTemplate,
  'client-credentials': clientCredentialsTemplate,
  'refresh-token': refreshTemplate,
  'on-behalf-of': onBehalfOfTemplate,
  'device-code': deviceCodeTemplate,
}

export function isTemplateId(id: string): id is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(id)
}

export function getTemplate(id: TemplateId): FlowTemplate {
  return FACTORIES[id]()
}

export function listTemplates(): { id: TemplateId; title: string; summary: string }[] {
  return TEMPLATE_IDS.map((id) => {
    const t = FACTORIES[id]()
    return { id, title: t.title, summary: t.summary }
  })
}

export function templateModel(id: TemplateId, opts: Pick<BuildOptions, 'redact'> = {}): DiagramModel {
  const t = getTemplate(id)
  return buildModelFromInputs(t.inputs, { ...opts, title: `Template: ${t.title}`, template: true, clientTitle: t.clientTitle })
}
