# Multi-stage build of the GeoSituation server; the same steps as run.sh (build, then serve),
# with the database supplied by docker-compose.yml instead of the embedded cluster.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/GeoSituation.Server -c Release -o /app \
 && dotnet publish src/GeoSituation.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
COPY geodata /app/geodata
COPY seeds /app/seeds
# Non-root; it owns only its data folder and the gazetteer's binary cache (written on first load).
RUN useradd --system --uid 10001 geosituation && mkdir -p /data /app/geodata/cache \
 && chown geosituation /data /app/geodata/cache
USER geosituation
ENV ASPNETCORE_URLS=http://0.0.0.0:5080 \
    GEOSITUATION_DATA=/data \
    GEOSITUATION_GEODATA=/app/geodata \
    GEOSITUATION_SEEDS=/app/seeds
EXPOSE 5080
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD ["dotnet", "GeoSituation.Server.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "GeoSituation.Server.dll"]
