// Public surface of the pure core. Filled by the token core, capture and diagram modules.
export {}
export * from "./claims/annotate.ts"
export * from "./claims/types.ts"
export * from "./compare/compare-claims.ts"
export * from "./token/types.ts"
export * from "./token/decode.ts"
export * from "./token/inspect.ts"
export * from "./demo-tenant/types.ts"
export { createDemoTenant, corsPreflight, isDefaultRedirectUri, DEMO_APP_DISPLAY_NAME } from "./demo-tenant/tenant.ts"
export { renderSignInPage, renderErrorPage, renderSignedOutPage, describeScope as describeDemoScope } from "./demo-tenant/sign-in-page.ts"
export { DEMO_TENANT_DOMAIN, DEMO_TENANT_NAME, DEMO_PARTNER_TENANT_ID } from "./demo-tenant/users.ts"
