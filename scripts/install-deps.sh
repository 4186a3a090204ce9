#!/usr/bin/env bash
# Installs every Debian 12 package PoisonLab needs to build, test and run.
# Idempotent: packages already present are left as they are. munge + slurmctld + slurmd +
# slurm-client: tst_grid starts a private single-node Slurm cluster for the grid's job array
# (the Debian services are not started or configured). python3-torch: the PyTorch peer that
# bench_train is compared with (../shared/peers/). poppler-utils: tst_report reads the report's PDF
# back (pdfinfo, pdftotext).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libtorch-dev libopenblas-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6svg6
  libqcustomplot-dev
  libopencv-dev libarchive-dev zlib1g-dev nlohmann-json3-dev
  libcurl4-openssl-dev libssl-dev
  python3 clang-format ccache
  xvfb xauth imagemagick
  appstream desktop-file-utils dpkg-dev man-db
  fonts-noto-cjk qt6-translations-l10n poppler-utils
  munge slurmctld slurmd slurm-client
  python3-torch
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${missing[@]}"
