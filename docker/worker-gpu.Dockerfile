# frogpond GPU worker: runs trials with @tensorflow/tfjs-node-gpu (libtensorflow + CUDA).
#   docker build -f docker/worker-gpu.Dockerfile -t frogpond/worker-gpu .
#   docker run --gpus all -e DATABASE_URL=postgres://user:pass@db-host:5432/frogpond frogpond/worker-gpu
# tfjs-node-gpu 4.22 is built against CUDA 11.8 + cuDNN 8 (TensorFlow 2.9 C library): use that runtime image.
# Its install script downloads libtensorflow from storage.googleapis.com at build time (needs network at build).
FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04

ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl gnupg build-essential python3 \
 && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \
 && apt-get install -y --no-install-recommends nodejs \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY compute/package.json compute/
COPY server/package.json server/
COPY web/package.json web/
# --workspaces without web: a worker needs compute + server only
RUN npm ci --no-audit --no-fund -w compute -w server --include-workspace-root
# The GPU backend: compute's selectBackend() picks '@tensorflow/tfjs-node-gpu' first when it can be required.
RUN npm install --no-save --no-audit --no-fund @tensorflow/tfjs-node-gpu@4.22.0
COPY compute compute
COPY server server
COPY migrations migrations
COPY test test
COPY data data
RUN npx tsc -b compute server

ENV NODE_ENV=production \
    FROGPOND_BACKEND=tensorflow-gpu \
    FROGPOND_WORKER_CONCURRENCY=1
# The only required setting: DATABASE_URL of the frogpond PostgreSQL (the server must have migrated it once).
CMD ["node", "dist/server/src/worker.js"]
