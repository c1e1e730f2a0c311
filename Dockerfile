# One image for every hub service (gateway, regional, knowledge, and the NAP
# subgraph a member state runs); docker-compose.yml picks each service's command.
FROM node:20-bookworm-slim AS build
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
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /hub
COPY --from=build /hub /hub
USER node
EXPOSE 4000 4001 4002 4100
CMD ["node", "gateway/dist/index.js"]
