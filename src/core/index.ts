// Public surface of the pure core, for other code and acceptance tests. App modules import
// the specific files instead, so that the bundler can keep heavy parts in lazy chunks.
export * from './claims/annotate.ts'
export * from './claims/types.ts'
export * from './compare/compare-claims.ts'
export * from './token/types.ts'
export * from './token/decode.ts'
export * from './token/inspect.ts'
export * from './demo-tenant/types.ts'
export { createDemoTenant, corsPreflight, isDefaultRedirectUri, DEMO_APP_DISPLAY_NAME } from './demo-tenant/tenant.ts'
export { renderSignInPage, renderErrorPage, renderSignedOutPage, describeScope as describeDemoScope } from './demo-tenant/sign-in-page.ts'
export { DEMO_TENANT_DOMAIN, DEMO_TENANT_NAME, DEMO_PARTNER_TENANT_ID } from './demo-tenant/users.ts'
export type {
  DiagramModel,
  DiagramMessage,
  DiagramParticipant,
  MessageKind,
  ParticipantRole,
  SpecLink,
  StepExplanation,
} from './diagram/types.ts'
export { buildDiagramModel, buildModelFromInputs, type ExchangeInput, type ActionInput, type BuildOptions } from './diagram/model.ts'
export {
  layoutDiagram,
  approximateMeasure,
  measureWith,
  fitText,
  FONTS as DIAGRAM_FONTS,
  type DiagramLayout,
  type RowLayout,
  type LaneLayout,
  type PlacedText,
  type FontSpec,
  type FontRole,
  type MeasureText,
  type TextMetricsSource,
} from './diagram/layout.ts'
export { drawDiagram, type Drawing, type DrawnRow, type DrawnLane, type Shape } from './diagram/drawing.ts'
export { renderSvgString } from './diagram/svg.ts'
export { PALETTES as DIAGRAM_PALETTES, FONT_FAMILY as DIAGRAM_FONT_FAMILY, type Palette, type ThemeName } from './diagram/palette.ts'
export { toMermaid } from './diagram/mermaid.ts'
export { toPlantUml } from './diagram/plantuml.ts'
export { checkPlantUmlSubset } from './diagram/plantuml-grammar.ts'
export { exchangeDetail, redactText, type ExchangeDetail, type FoundToken } from './diagram/exchange-detail.ts'
export { TEMPLATE_IDS, listTemplates, templateModel, getTemplate, isTemplateId, type TemplateId } from './diagram/templates.ts'
export * from './har/types.ts'
export { parseHar, parseHarValue, type ParseProgress } from './har/parse.ts'
export { sanitizeEntries, sanitizeUrl, toHar, type SanitizeOptions, type SanitizeResult } from './har/sanitize.ts'
export * from './flows/types.ts'
export { analyzeFlows, flowEntries } from './flows/detect.ts'
export { kindLabel as stepKindLabel } from './flows/classify.ts'
export { explainStepError, platformOf } from './flows/errors.ts'
export { buildFlowReport, type FlowReport, type FlowReportInput, type TokenVerdict } from './flows/report.ts'
