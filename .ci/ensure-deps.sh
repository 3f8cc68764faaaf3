#!/usr/bin/env bash
# Installs the Debian packages GeoSituation needs, only those missing.
# Usage: source .ci/ensure-deps.sh; ensure_deps server|test
# As root it runs apt-get; as a user with passwordless sudo it uses sudo; otherwise it names the
# packages to install and stops, because nothing else can make PostGIS appear.

ensure_deps() {
  local want=() mode=${1:-server}
  [[ -x /usr/lib/postgresql/15/bin/postgres ]] || want+=(postgresql-15)
  [[ -f /usr/share/postgresql/15/extension/postgis.control ]] || want+=(postgresql-15-postgis-3)
  if [[ $mode == test ]]; then
    command -v ogrinfo >/dev/null || want+=(gdal-bin)
    [[ -x /usr/bin/chromium ]] || want+=(chromium)
    # QGIS 3.22 as a client (tests/GeoSituation.Server.Tests/Interop): about 1.4 GB installed.
    [[ -f /usr/lib/python3/dist-packages/qgis/core/__init__.py ]] || want+=(qgis python3-qgis)
    fc-list 2>/dev/null | grep -qi 'NotoSans-Regular' || want+=(fonts-noto-core)
  fi
  ((${#want[@]})) || return 0

  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "GeoSituation needs these Debian packages: ${want[*]}" >&2
      echo "Install them with: sudo apt-get install -y ${want[*]}" >&2
      return 1
    fi
  fi
  echo "Installing ${want[*]} ..."
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}"
}
