# The hub's production image: one image for every hub service (gateway,
# regional, knowledge, and the NAP subgraph a member state runs); each
# deployment picks the service's command (docker-compose.yml, deploy/k8s/).
#
#   docker build -t wps-federation-hub .                    # the production image (last stage)
#   docker build --target keys -t wps-federation-hub-keys . # development keys tool (compose's `keys`)
#
# Stages:
#   build  every workspace with dev dependencies; `npm run build` (tsc)
#   deps   production dependencies of the runtime workspaces only (no
#          launcher: no embedded Postgres; no codegen, SDK, CLI, bench, tests)
#   keys   deps + the development-keys CLI (a one-shot tool, not the product)
#   hub    deps + the runtime workspaces' built code and the dashboard's static
#          files; NODE_ENV=production, user node
# tests/deployment/dockerfile.test.ts replays the deps/keys/hub stages on this
# machine (no Docker engine here) and checks what the image would hold.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /hub
# Workspace manifests first, so `npm ci` is cached until dependencies change.
COPY package.json package-lock.json ./
COPY data/package.json data/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/nap/package.json subgraphs/nap/
COPY subgraphs/regional/package.json subgraphs/regional/
COPY subgraphs/knowledge/package.json subgraphs/knowledge/
COPY gateway/package.json gateway/
COPY codegen/package.json codegen/
COPY clients/sdk/package.json clients/sdk/
COPY clients/cli/package.json clients/cli/
COPY clients/dashboard/package.json clients/dashboard/
COPY launcher/package.json launcher/
COPY bench/package.json bench/
COPY tests/package.json tests/
# Install scripts are not needed to compile (the only one that matters, embedded
# Postgres' symlinks, is for running Postgres, which no image stage does).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /hub
COPY package.json package-lock.json ./
COPY data/package.json data/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/nap/package.json subgraphs/nap/
COPY subgraphs/regional/package.json subgraphs/regional/
COPY subgraphs/knowledge/package.json subgraphs/knowledge/
COPY gateway/package.json gateway/
COPY codegen/package.json codegen/
COPY clients/sdk/package.json clients/sdk/
COPY clients/cli/package.json clients/cli/
COPY clients/dashboard/package.json clients/dashboard/
COPY launcher/package.json launcher/
COPY bench/package.json bench/
COPY tests/package.json tests/
# npm checks the lockfile against every workspace's manifest, but installs only
# the production dependencies of the runtime workspaces; the other manifests go.
# (npm's cache stays in this stage's /root/.npm: the next stages copy /hub only.)
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund -w @wps/data -w @wps/kit -w @wps/nap -w @wps/regional -w @wps/knowledge -w @wps/gateway \
  && rm -rf codegen clients launcher bench tests

FROM ${NODE_IMAGE} AS keys
WORKDIR /hub
COPY --from=deps /hub ./
COPY --from=build /hub/subgraphs/kit/dist subgraphs/kit/dist
COPY --from=build /hub/launcher/dist/keys.js /hub/launcher/dist/keys-cli.js launcher/dist/
# docker-compose.yml runs it as root, to write into its fresh volume.
USER node
CMD ["node", "launcher/dist/keys-cli.js", "/keys"]

FROM ${NODE_IMAGE} AS hub
ENV NODE_ENV=production
WORKDIR /hub
COPY --from=deps /hub ./
COPY --from=build /hub/data/dist data/dist
COPY --from=build /hub/data/*.json data/
COPY --from=build /hub/subgraphs/kit/dist subgraphs/kit/dist
COPY --from=build /hub/subgraphs/nap/dist subgraphs/nap/dist
COPY --from=build /hub/subgraphs/regional/dist subgraphs/regional/dist
COPY --from=build /hub/subgraphs/knowledge/dist subgraphs/knowledge/dist
COPY --from=build /hub/gateway/dist gateway/dist
COPY --from=build /hub/gateway/supergraph.graphql gateway/
# The dashboard and GraphiQL the gateway serves at / (static files, built by `npm run build`).
COPY --from=build /hub/clients/dashboard/dist clients/dashboard/dist
# The typed client's operations, which the gateway plans at boot (WARM_UP_OPERATIONS' default), so the first
# client of a new replica does not wait for its plan. GraphQL text only: nothing of the SDK runs here.
COPY --from=build /hub/clients/sdk/src/operations clients/sdk/src/operations
# The image's own user (uid 1000), never root; the code is root-owned and read-only to it.
USER node
EXPOSE 4000 4001 4002 4100
CMD ["node", "gateway/dist/index.js"]
