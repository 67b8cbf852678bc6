# One image for every app; docker-compose.yml picks the app by its command.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
RUN npx nest build && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
# Stays below a container's memory limit instead of being killed by it.
ENV NODE_OPTIONS=--max-old-space-size=256
CMD ["node", "dist/apps/gateway/src/main.js"]
