// Bundles the HTTP server (app/server/main.ts and what it imports) into build/server.js.
// Packages stay external: they are resolved from node_modules at run time, as in the image.
import { build } from "esbuild";

const nodeBundle = { bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", sourcemap: true, logLevel: "warning" };

await build({ ...nodeBundle, entryPoints: ["app/server/main.ts"], outfile: "build/server.js" });

// `npm run keys:rotate` as plain JavaScript, so a production image (no tsx, no sources) can run it:
// `node build/keys-rotate.js` with the instances' environment.
await build({ ...nodeBundle, entryPoints: ["app/cli/rotate-keys.ts"], outfile: "build/keys-rotate.js" });
