# The HarmonySim silo image for Azure Container Apps (infra/bicep) or any container host:
#   docker build -t harmonysim-silo .
#   docker run --rm -e HARMONYSIM_Storage__Provider=azure -e HARMONYSIM_Storage__ConnectionString=... harmonysim-silo
# The entry point is the harmonysim command; the default argument starts a silo (README "Running a cluster").

# Build stage: the SDK publishes the Silo project, precompiled (ReadyToRun) for linux-x64 so silos start faster.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The Dashboard project's build installs its chart library from npm (Dashboard/package-lock.json).
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Project files and central settings first, so a code change does not invalidate the restored packages layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Protocol/HarmonySim.Protocol.csproj Protocol/
COPY Simulation/HarmonySim.Simulation.csproj Simulation/
COPY Grains.Interfaces/HarmonySim.Grains.Interfaces.csproj Grains.Interfaces/
COPY Grains/HarmonySim.Grains.csproj Grains/
COPY Dashboard/HarmonySim.Dashboard.csproj Dashboard/
COPY Silo/HarmonySim.Silo.csproj Silo/
RUN dotnet restore Silo/HarmonySim.Silo.csproj -r linux-x64
COPY Protocol/ Protocol/
COPY Simulation/ Simulation/
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Grains/ Grains/
COPY Dashboard/ Dashboard/
COPY Silo/ Silo/
COPY scenarios/ scenarios/
RUN dotnet publish Silo/HarmonySim.Silo.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

# Runtime stage: the ASP.NET Core runtime (the silo host serves the dashboard on 8080 as it grows), no SDK.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=build /src/scenarios ./scenarios
# Silo-to-silo, Orleans gateway, dashboard.
EXPOSE 11111 30000 8080
ENV HARMONYSIM_Cluster__SiloPort=11111 \
    HARMONYSIM_Cluster__GatewayPort=30000
# The images' unprivileged user: a silo needs no root.
USER $APP_UID
ENTRYPOINT ["dotnet", "harmonysim.dll"]
CMD ["silo"]
