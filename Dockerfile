# One image for the API and the workers: `claimtrack serve --no-worker` or `claimtrack worker`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY db ./db
COPY seeds ./seeds
USER node
EXPOSE 3000
ENTRYPOINT ["node", "bin/claimtrack.js"]
CMD ["serve", "--no-worker"]
