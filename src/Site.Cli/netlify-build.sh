#!/usr/bin/env bash
# Netlify's build image has no .NET SDK: install the version pinned in global.json into a folder that
# netlify-plugin-cache keeps between builds (skipping the download when it is already there), then build.
# Usage: netlify-build.sh BASE_URL [site build options...]
set -euo pipefail
cd "$(dirname "$0")/../.."

base_url="${1:?usage: netlify-build.sh BASE_URL [options]}"
shift

export DOTNET_ROOT="$PWD/.dotnet"
export PATH="$DOTNET_ROOT:$PATH"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 NUGET_PACKAGES="$PWD/.nuget/packages"

wanted=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' global.json)
if [ -x "$DOTNET_ROOT/dotnet" ] && "$DOTNET_ROOT/dotnet" --list-sdks | grep -q "^$wanted "; then
  echo "Using the cached .NET SDK $wanted"
else
  echo "Installing the .NET SDK $wanted"
  curl -sSfL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --jsonfile global.json --install-dir "$DOTNET_ROOT" --no-path
fi

dotnet run --project src/Site.Cli -c Release -- build --base-url "$base_url" "$@"
