#!/usr/bin/env bash
# Builds the second verification stack: an OpenResty-like LuaJIT + nginx made
# from Debian's source packages, so the samples also run on what readers run.
#
#   luajit2      (bookworm source, the newest luajit2 Debian has) with the
#                LuaJIT flags of OpenResty's own `configure`
#   nginx 1.26.x (trixie) + ngx_devel_kit + lua-nginx-module (trixie) as
#                dynamic modules, linked against that LuaJIT
#   lua-resty-core, lua-resty-lrucache (trixie): pure Lua, laid out in lualib/
#   lua-cjson    Debian's cjson.so when it loads in the built LuaJIT, else
#                built from Debian's lua-cjson source against it
#
# The result is cached under ${OPENRESTY_NOTES_CACHE:-$HOME/.cache/openresty-notes}/stack-<key>/,
# where <key> hashes the source versions, the build flags and this script; the
# symlink `stack` next to it names the current build, and stack/manifest.json is
# what the example harness reads (scripts/examples/stacks.ts).
#
# Needs root the first time on a machine (deb-src entries, apt-get update, build
# dependencies); a cached build needs nothing.
set -euo pipefail

CACHE=${OPENRESTY_NOTES_CACHE:-$HOME/.cache/openresty-notes}
SCRIPT="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
JOBS=$(nproc 2>/dev/null || echo 2)
SRC_LIST=/etc/apt/sources.list.d/openresty-notes-src.sources

# The LuaJIT flags of OpenResty's util/configure at tag v1.27.1.2
# (openresty/openresty@177ba250ccc748a8b644fe300a14d4ece477010e, lines 715-807):
# on Linux with GCC >= 4.5 and without --with-debug, it runs
#   make TARGET_STRIP=@: CCDEBUG=-g XCFLAGS='-DLUAJIT_ENABLE_LUA52COMPAT' CC=cc PREFIX=...
# (-DLUAJIT_ENABLE_LUA52COMPAT unless --without-luajit-lua52; -DLUAJIT_DISABLE_GC64
# only with --without-luajit-gc64; -DLUA_USE_APICHECK -DLUA_USE_ASSERT only with --with-debug).
LUAJIT_MAKE_FLAGS=(TARGET_STRIP=@: CCDEBUG=-g "XCFLAGS=-DLUAJIT_ENABLE_LUA52COMPAT" CC=cc)
# nginx: the modules lua-nginx-module needs, plus what the samples use (ssl for
# lua_ssl_*, stub_status, realip); PCRE2 like Debian's and OpenResty's packages.
NGINX_CONFIGURE_FLAGS=(--with-compat --with-pcre-jit --with-threads --with-http_ssl_module
  --with-http_realip_module --with-http_stub_status_module)

# Which upstream series to take from the archive (newest Debian revision of each):
#   source package          suite      upstream version regex
PACKAGES=(
  "luajit2                bookworm   ^2\.1-"
  "nginx                  trixie     ^1\.26\."
  "libnginx-mod-http-ndk  trixie     ^1:0\.3\."
  "libnginx-mod-http-lua  trixie     ^1:0\.10\.28-"
  "lua-resty-core         trixie     ^0\.1\.31-"
  "lua-resty-lrucache     trixie     ^0\.15-"
  "lua-cjson              trixie     ^2\.1\."
)

say() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# --- 1. deb-src entries: same URIs and keyring as the machine's debian.sources --
add_deb_src() {
  [ -f "$SRC_LIST" ] && return 0
  [ "$(id -u)" = 0 ] || die "need root once to add $SRC_LIST (deb-src for bookworm and trixie); run: sudo $SCRIPT"
  local main=/etc/apt/sources.list.d/debian.sources
  [ -f "$main" ] || die "no $main to copy the archive URI and keyring from"
  # One deb-src stanza per stanza of debian.sources, with each bookworm suite
  # also in its trixie form (bookworm-security -> trixie-security).
  awk '
    function flush() {
      if (uris != "") {
        n = split(suites, s, " "); out = ""
        for (i = 1; i <= n; i++) { t = s[i]; sub(/^bookworm/, "trixie", t); out = out " " s[i]; if (t != s[i]) out = out " " t }
        printf "Types: deb-src\nURIs: %s\nSuites:%s\nComponents: %s\nSigned-By: %s\n\n", uris, out, comps, key
      }
      uris = ""; suites = ""; comps = ""; key = ""
    }
    /^[ \t]*$/ { flush(); next }
    /^URIs:/ { sub(/^URIs:[ \t]*/, ""); uris = $0 }
    /^Suites:/ { sub(/^Suites:[ \t]*/, ""); suites = $0 }
    /^Components:/ { sub(/^Components:[ \t]*/, ""); comps = $0 }
    /^Signed-By:/ { sub(/^Signed-By:[ \t]*/, ""); key = $0 }
    END { flush() }
  ' "$main" >"$SRC_LIST.tmp"
  mv "$SRC_LIST.tmp" "$SRC_LIST"
  say "added $SRC_LIST:"; sed 's/^/    /' "$SRC_LIST" >&2
}

# Newest Debian version of source package $1 matching regex $2 (empty if none).
newest_version() {
  local best='' v
  for v in $(apt-cache showsrc "$1" 2>/dev/null | awk -v p="$1" '/^Package:/{ok = ($2 == p)} ok && /^Version:/{print $2}'); do
    [[ $v =~ $2 ]] || continue
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best=$v; fi
  done
  printf '%s' "$best"
}

declare -A VERSION
resolve_versions() {
  local line pkg suite re
  for line in "${PACKAGES[@]}"; do
    read -r pkg suite re <<<"$line"
    VERSION[$pkg]=$(newest_version "$pkg" "$re")
  done
}

missing_versions() {
  local line pkg suite re
  for line in "${PACKAGES[@]}"; do
    read -r pkg suite re <<<"$line"
    [ -n "${VERSION[$pkg]}" ] || printf '%s(%s %s) ' "$pkg" "$suite" "$re"
  done
}

add_deb_src
resolve_versions
if [ -n "$(missing_versions)" ]; then
  [ "$(id -u)" = 0 ] || die "no source index for: $(missing_versions); run once as root: sudo $SCRIPT"
  say "apt-get update (source indexes for $(missing_versions))"
  apt-get update -qq >&2
  resolve_versions
  [ -z "$(missing_versions)" ] || die "the archive has no source version of: $(missing_versions)"
fi

upstream() { local v=${1#*:}; printf '%s' "${v%-*}"; }   # 1:0.10.28-2 -> 0.10.28

KEY_TEXT=$(
  for line in "${PACKAGES[@]}"; do read -r pkg _ _ <<<"$line"; echo "$pkg=${VERSION[$pkg]}"; done
  echo "luajit: ${LUAJIT_MAKE_FLAGS[*]}"
  echo "nginx: ${NGINX_CONFIGURE_FLAGS[*]}"
  sha256sum "$SCRIPT" | cut -d' ' -f1
)
KEY=$(printf '%s' "$KEY_TEXT" | sha256sum | cut -c1-16)
DIR="$CACHE/stack-$KEY"

if [ -f "$DIR/manifest.json" ]; then
  ln -sfn "stack-$KEY" "$CACHE/stack"
  say "cached: $DIR (key $KEY); nothing to build"
  exit 0
fi

T0=$(date +%s)
say "building into $DIR"
rm -rf "$DIR"
mkdir -p "$DIR/src"

# --- 2. build dependencies ------------------------------------------------------
BUILD_DEPS=(gcc make libc6-dev libpcre2-dev zlib1g-dev libssl-dev)
need=()
for p in "${BUILD_DEPS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing build dependencies ${need[*]}; run: sudo apt-get install ${need[*]}"
  say "apt-get install ${need[*]}"
  apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# --- 3. upstream tarballs ---------------------------------------------------------
# Some .debian.tar.xz files answer 404 (the index is a dated snapshot) and make
# apt-get exit non-zero although the .orig tarball arrived: check the tarball.
declare -A TREE
fetch_orig() {
  local pkg=$1 ver=${VERSION[$1]} up tarball
  up=$(upstream "$ver")
  (cd "$DIR/src" && apt-get source --download-only -qq "$pkg=$ver" >/dev/null 2>"$pkg.apt.log") || true
  tarball=$(ls "$DIR/src/${pkg}_${up}".orig.tar.* 2>/dev/null | head -1 || true)
  [ -n "$tarball" ] || die "no ${pkg}_${up}.orig.tar.* after apt-get source --download-only $pkg=$ver:
$(cat "$DIR/src/$pkg.apt.log")"
  mkdir -p "$DIR/src/$pkg"
  tar -xf "$tarball" -C "$DIR/src/$pkg"
  # The tarball holds one top-level directory (lua-nginx-module-0.10.28/, ...).
  TREE[$pkg]=$(find "$DIR/src/$pkg" -mindepth 1 -maxdepth 1 -type d | head -1)
  say "$pkg $ver: $(basename "$tarball")"
}
for line in "${PACKAGES[@]}"; do read -r pkg _ _ <<<"$line"; fetch_orig "$pkg"; done

# --- 4. LuaJIT ----------------------------------------------------------------------
LJ="$DIR/luajit"
say "luajit2: make ${LUAJIT_MAKE_FLAGS[*]}"
make -C "${TREE[luajit2]}" -j"$JOBS" "${LUAJIT_MAKE_FLAGS[@]}" PREFIX="$LJ" >"$DIR/src/luajit.build.log" 2>&1 \
  || { tail -30 "$DIR/src/luajit.build.log" >&2; die "luajit build failed"; }
make -C "${TREE[luajit2]}" install "${LUAJIT_MAKE_FLAGS[@]}" PREFIX="$LJ" >>"$DIR/src/luajit.build.log" 2>&1 \
  || { tail -30 "$DIR/src/luajit.build.log" >&2; die "luajit install failed"; }
[ -x "$LJ/bin/luajit" ] || ln -sf "$(ls "$LJ/bin" | grep '^luajit-' | head -1)" "$LJ/bin/luajit"
"$LJ/bin/luajit" -e 'assert(table.pack, "LUAJIT_ENABLE_LUA52COMPAT did not take effect")'

# --- 5. nginx + NDK + lua-nginx-module --------------------------------------------
NGX="$DIR/nginx"
say "nginx: configure ${NGINX_CONFIGURE_FLAGS[*]} + ndk + lua-nginx-module (dynamic)"
(
  cd "${TREE[nginx]}"
  export LUAJIT_LIB="$LJ/lib" LUAJIT_INC="$LJ/include/luajit-2.1"
  ./configure --prefix="$NGX" "${NGINX_CONFIGURE_FLAGS[@]}" \
    --with-ld-opt="-Wl,-rpath,$LJ/lib" \
    --add-dynamic-module="${TREE[libnginx-mod-http-ndk]}" \
    --add-dynamic-module="${TREE[libnginx-mod-http-lua]}"
  make -j"$JOBS"
  make install
) >"$DIR/src/nginx.build.log" 2>&1 || { tail -40 "$DIR/src/nginx.build.log" >&2; die "nginx build failed"; }

# --- 6. pure-Lua libraries ----------------------------------------------------------
mkdir -p "$DIR/lualib" "$DIR/lualib-c"
cp -R "${TREE[lua-resty-core]}/lib/." "$DIR/lualib/"
cp -R "${TREE[lua-resty-lrucache]}/lib/." "$DIR/lualib/"

# --- 7. cjson -----------------------------------------------------------------------
# Debian's cjson.so is compiled against Debian's LuaJIT headers; it only calls
# the Lua 5.1 C API, which the built LuaJIT exports too. Use it if it loads and
# round-trips in this LuaJIT; otherwise compile Debian's lua-cjson source here.
DEB_CJSON=/usr/lib/x86_64-linux-gnu/lua/5.1/cjson.so
CJSON_TEST='local c = require("cjson"); assert(c.encode(c.decode("[1,{\"a\":null}]")) == "[1,{\"a\":null}]"); print(c._VERSION)'
cjson_from=''
if [ -z "${STACK_BUILD_CJSON:-}" ] && [ -f "$DEB_CJSON" ] \
  && LUA_CPATH="$(dirname "$DEB_CJSON")/?.so" "$LJ/bin/luajit" -e "$CJSON_TEST" >/dev/null 2>&1; then
  ln -s "$DEB_CJSON" "$DIR/lualib-c/cjson.so"
  cjson_from="debian-package"
else
  say "cjson: building lua-cjson ${VERSION[lua-cjson]} against the built LuaJIT"
  # The upstream 2.1.0 source defines its own static luaL_setfuncs for Lua 5.1,
  # which clashes with the one luajit2's lauxlib.h declares: rename the copy so
  # the call goes to LuaJIT's (Debian patches the same clash).
  sed -i 's/^static void luaL_setfuncs (/static void unused_luaL_setfuncs (/' "${TREE[lua-cjson]}/lua_cjson.c"
  make -C "${TREE[lua-cjson]}" -j"$JOBS" LUA_INCLUDE_DIR="$LJ/include/luajit-2.1" cjson.so >"$DIR/src/cjson.build.log" 2>&1 \
    || { tail -30 "$DIR/src/cjson.build.log" >&2; die "lua-cjson build failed"; }
  cp "${TREE[lua-cjson]}/cjson.so" "$DIR/lualib-c/cjson.so"
  cjson_from="built"
fi
LUA_CPATH="$DIR/lualib-c/?.so" "$LJ/bin/luajit" -e "$CJSON_TEST" >/dev/null || die "cjson does not load in the built LuaJIT"

# --- 8. manifest ----------------------------------------------------------------------
T1=$(date +%s)
json_list() { local first=1 x; printf '['; for x in "$@"; do [ $first = 1 ] || printf ', '; first=0; printf '"%s"' "$x"; done; printf ']'; }
cjson_pkg=$([ "$cjson_from" = built ] && echo "${VERSION[lua-cjson]}" || dpkg-query -W -f='${Version}' lua-cjson 2>/dev/null || echo unknown)
cat >"$DIR/manifest.json.tmp" <<EOF
{
  "key": "$KEY",
  "builtAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "buildSeconds": $((T1 - T0)),
  "versions": {
    "luajit2": "$(upstream "${VERSION[luajit2]}")",
    "nginx": "$(upstream "${VERSION[nginx]}")",
    "ngx_devel_kit": "$(upstream "${VERSION[libnginx-mod-http-ndk]}")",
    "lua-nginx-module": "$(upstream "${VERSION[libnginx-mod-http-lua]}")",
    "lua-resty-core": "$(upstream "${VERSION[lua-resty-core]}")",
    "lua-resty-lrucache": "$(upstream "${VERSION[lua-resty-lrucache]}")",
    "lua-cjson": "$(upstream "$cjson_pkg")"
  },
  "debianSources": {
$(first=1; for line in "${PACKAGES[@]}"; do read -r pkg suite _ <<<"$line"; [ $first = 1 ] || printf ',\n'; first=0; printf '    "%s": "%s (%s)"' "$pkg" "${VERSION[$pkg]}" "$suite"; done)
  },
  "cjson": "$cjson_from",
  "luajitMakeFlags": $(json_list "${LUAJIT_MAKE_FLAGS[@]}"),
  "nginxConfigureFlags": $(json_list "${NGINX_CONFIGURE_FLAGS[@]}"),
  "luajit": "$LJ/bin/luajit",
  "nginx": "$NGX/sbin/nginx",
  "modules": ["$NGX/modules/ndk_http_module.so", "$NGX/modules/ngx_http_lua_module.so"],
  "luaPath": "$DIR/lualib",
  "luaCpath": "$DIR/lualib-c"
}
EOF
mv "$DIR/manifest.json.tmp" "$DIR/manifest.json"
rm -rf "$DIR/src"
ln -sfn "stack-$KEY" "$CACHE/stack"
say "built in $((T1 - T0)) s: $DIR"
