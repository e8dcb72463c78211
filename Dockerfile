# Aura as a container: the Native AOT binary on a minimal base, running as a non-root user.
#
#   docker build -t aura .
#   docker run -d --name aura --pid=host --network=host -v /sys:/sys:ro \
#     -v aura-data:/var/lib/aura -v /etc/aura:/etc/aura:ro aura
#
# --pid=host shows the host's processes in /proc (the container's /proc then is the host's, read-only to a non-root
# user); --network=host gives the host's interfaces in /proc/net/dev; /sys is the host's, mounted read-only. See the
# README's "Install" section.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Native AOT links with clang against zlib; npm builds the web cockpit that the binary embeds.
RUN apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev nodejs npm \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash scripts/publish-aot.sh "linux-$(dpkg --print-architecture | sed 's/amd64/x64/')" /out

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=build /out/aura /out/libe_sqlite3.so /usr/lib/aura/
RUN ln -s /usr/lib/aura/aura /usr/bin/aura \
  && for link in widgets-service argus jscoped jscopectl jscope aura-gui; do ln -s aura "/usr/bin/$link"; done \
  && install -d -o "$APP_UID" -m 0750 /var/lib/aura /run/aura
USER $APP_UID
VOLUME /var/lib/aura
EXPOSE 8765
# Without keys Aura serves loopback only; with --network=host that is the host's 127.0.0.1:8765. Mount an aura.toml
# with API keys at /etc/aura and add --host 0.0.0.0 to serve other machines.
ENTRYPOINT ["aura"]
CMD ["serve", "--db-path", "/var/lib/aura/telemetry.sqlite", "--socket", "/run/aura/jetsonscope.sock", "--log-json"]
