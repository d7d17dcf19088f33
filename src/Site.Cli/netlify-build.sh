#!/usr/bin/env bash
# Netlify's build image has no .NET SDK: install the version pinned in global.json into a folder that
# netlify-plugin-cache keeps between builds (skipping the download when it is already there), compile site
# to a native program (also cached, keyed by a hash of the sources), then build.
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

# The native program starts in milliseconds and builds a large site about twice as fast as `dotnet run`;
# it is rebuilt only when the engine's sources change, not when content does.
key=$( (cat global.json Directory.Build.props Directory.Packages.props; find src -type f -not -path '*/bin/*' -not -path '*/obj/*' | LC_ALL=C sort | xargs cat) | sha256sum | cut -c1-16)
bin="$DOTNET_ROOT/site-bin/$key"
if [ ! -x "$bin/site" ]; then
  rm -rf "$DOTNET_ROOT/site-bin"
  if ! dotnet publish src/Site.Cli -c Release -o "$bin" --nologo -v q; then
    echo "Could not compile site natively (is a C toolchain installed?); building with dotnet run instead"
    rm -rf "$bin"
    exec dotnet run --project src/Site.Cli -c Release -- build --base-url "$base_url" "$@"
  fi
fi

"$bin/site" build --base-url "$base_url" "$@"
