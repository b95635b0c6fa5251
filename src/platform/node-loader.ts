// Node start-up tuning, loaded before anything else.
// 1. drizzle-orm ships ~110 ES modules (hono many more); for each one Node re-reads drizzle's 178 KB package.json to decide the
//    module format, which costs ~300 ms and ~150 MB of heap that is never given back. Its relative imports are
//    all ES modules, so we say so and skip the lookup.
// 2. The compile cache makes later starts faster (stored next to the data, ignored when unwritable).
import { enableCompileCache, registerHooks } from "node:module";

// ES-module-only packages with many files (hono's package.json is 24 KB of exports).
const ESM_PACKAGES = ["/node_modules/drizzle-orm/", "/node_modules/hono/dist/"];

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    const relative = specifier.startsWith("./") || specifier.startsWith("../");
    if (parent && relative && specifier.endsWith(".js") && ESM_PACKAGES.some((p) => parent.includes(p))) {
      return { url: new URL(specifier, context.parentURL).href, format: "module", shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

try {
  enableCompileCache();
} catch {
  // No writable cache directory: start-up is only slower.
}
