# syntax=docker/dockerfile:1
# NeuroLake web workbench. Built by docker-compose.yml; on its own:
#   docker build -t neurolake . && docker run -p 8080:8080 -v neurolake-data:/data neurolake

# Node/npm for the build: it fetches DuckDB's native library (libduckdb.so) from npm and
# bundles the front-end libraries in wwwroot-assets/. Taken from the official Node image
# because the SDK image's distribution ships an older Node.
FROM node:20-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# Publish output carries libduckdb.so beside the assemblies and the bundled wwwroot/lib.
RUN dotnet publish NeuroLake.Web/NeuroLake.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# libduckdb.so links against libstdc++; a no-op where the base image already has it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libstdc++6 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    NeuroLake__DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "NeuroLake.Web.dll"]
