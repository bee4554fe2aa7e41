# frogpond server (API + in-process worker) and CPU worker image.
#   docker build -f docker/server.Dockerfile -t frogpond/server .
# The same image runs the API (`node dist/server/src/main.js`, the default) or a CPU worker
# (`node dist/server/src/worker.js`, see compose.yml). Backend on CPU: tfjs WASM (ships inside the npm package).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY compute/package.json compute/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY compute compute
COPY server server
COPY migrations migrations
COPY test test
COPY data data
COPY web web
RUN npx tsc -b && npm run build:web --if-present && npm prune --omit=dev --no-audit --no-fund

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=build /app /app
# run as an unprivileged user
RUN useradd --system --create-home frogpond && chown -R frogpond /app
USER frogpond
EXPOSE 4000
# DATABASE_URL is required in containers (no embedded PostgreSQL inside the image).
CMD ["node", "dist/server/src/main.js"]
