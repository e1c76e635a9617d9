#!/usr/bin/env bash
# Installs what a real VS Code needs here, idempotently, under the git-ignored folder .e2e/:
#   code-server (VS Code server + web workbench; 4.100.3 is the newest that runs on Node 20)
#   and, with --browser, Debian's chromium (playwright-core drives it in the end-to-end tests).
# Needs Debian 12, Node 20, root, the npm registry and Debian apt; nothing is downloaded from GitHub.
#   scripts/e2e/setup.sh [--browser]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${PINDEST_E2E_HOME:-$ROOT/.e2e}
CS_VERSION=${CS_VERSION:-4.100.3}
BROWSER=0; [ "${1:-}" = "--browser" ] && BROWSER=1
mkdir -p "$E2E/tmp" "$E2E/cs"
export TMPDIR=$E2E/tmp        # @vscode/ripgrep and node-gyp use os.tmpdir()
t0=$(date +%s)

# 1. Debian packages: ripgrep (the rg that @vscode/ripgrep would fetch from GitHub), the headers and
#    tools code-server's native modules build with, and chromium for the tests.
need=()
command -v rg >/dev/null || need+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v g++ >/dev/null && command -v make >/dev/null || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)
[ $BROWSER = 1 ] && ! command -v chromium >/dev/null && need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. Pre-seed @vscode/ripgrep's download cache with Debian's rg, so its postinstall never reaches GitHub
#    (code-server 4.100.3's lib/vscode pins @vscode/ripgrep 1.15.11, asset v13.0.0-10).
RG_CACHE=$TMPDIR/vscode-ripgrep-cache-1.15.11
RG_ASSET=$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
if ! [ -f "$RG_ASSET" ]; then
  mkdir -p "$RG_CACHE" "$TMPDIR/rgpkg" && cp "$(command -v rg)" "$TMPDIR/rgpkg/rg"
  tar czf "$RG_ASSET" -C "$TMPDIR/rgpkg" rg
fi

# 3. code-server. Its postinstall runs `npm install` in lib/vscode; as root that needs unsafe_perm, and
#    npm_config_yes keeps node-pty's inner `npx node-gyp` from prompting.
CS=$E2E/cs/node_modules/code-server
if ! [ -x "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || ! [ -f "$CS/out/node/entry.js" ]; then
  echo "installing code-server $CS_VERSION into $E2E/cs (1-2 minutes)"
  cd "$E2E/cs"
  [ -f package.json ] || echo '{"name":"pindest-e2e-code-server","private":true}' >package.json
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >"$E2E/tmp/code-server-install.log" 2>&1 \
    || { tail -40 "$E2E/tmp/code-server-install.log"; echo "code-server install failed; full log: $E2E/tmp/code-server-install.log"; exit 1; }
fi
echo "setup done in $(( $(date +%s) - t0 ))s: code-server $(node -p "require('$CS/package.json').version") ($(du -sh "$E2E/cs/node_modules" | cut -f1))$([ $BROWSER = 1 ] && echo ", $(chromium --version 2>/dev/null | head -1)")"
