// Public surface of the pure core. Filled by the token core, capture and diagram modules.
export {}
export * from "./claims/annotate.ts"
export * from "./claims/types.ts"
export * from "./compare/compare-claims.ts"
export * from "./token/types.ts"
export * from "./token/decode.ts"
export * from "./token/inspect.ts"
