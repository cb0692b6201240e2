// Types of scripts/chromium.mjs for the TypeScript that imports it (playwright.config.ts, e2e specs).
export declare const CHROMIUM_ARGS: readonly string[]
export declare function systemChromium(): string | undefined
export declare function chromiumExecutable(): string
export declare function launchOptions(extraArgs?: readonly string[]): { executablePath?: string; args: string[] }
