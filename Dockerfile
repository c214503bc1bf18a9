# CareFlow: build with the SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t careflow .        (or: docker-compose up --build)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Node and npm build the designer bundle (npm ci) during publish.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/CareFlow.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl is for the health check in docker-compose.yml; the base image has none.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data \
    && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    CareFlow__DataDirectory=/data
VOLUME /data
EXPOSE 8080
# APP_UID is the unprivileged "app" user that the .NET images provide.
USER $APP_UID
ENTRYPOINT ["dotnet", "CareFlow.Web.dll"]
