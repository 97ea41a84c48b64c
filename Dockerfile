# One image for both apps; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The npm workspaces' manifests, which npm ci installs with the rest.
COPY clients/typescript/package.json clients/typescript/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
COPY test test
COPY bench bench
COPY clients clients
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY config config
# SPOOL_DIR's default: uploads wait here while they are validated.
RUN mkdir -p var/spool && chown node:node var/spool
# ARRAY_SPOOL_DIR in docker-compose.yml: a new named volume takes this owner.
RUN mkdir -p /spool/arrays && chown node:node /spool/arrays
USER node
CMD ["node", "dist/apps/gateway/src/main.js"]
