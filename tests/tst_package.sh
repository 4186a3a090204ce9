#!/usr/bin/env bash
# The Debian package: built with CPack from this build, unpacked with dpkg -x into a temporary
# root (nothing is installed on the machine), and the programs run from there.
# usage: tst_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log"; fail "cpack failed"; }
deb=$(ls "$tmp"/out/poisonlab_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no poisonlab_*.deb in $tmp/out"
echo "package: $(basename "$deb"), $(du -h "$deb" | cut -f1)"

# Dependencies computed from the programs' libraries, plus the run-time plugin.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libtorch libqt6widgets6 libqt6svg6 libopencv libarchive; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
[ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "architecture"

# Every dependency is satisfiable here (a dry run: nothing is installed).
if command -v apt-get >/dev/null; then
  apt-get install -s "$deb" >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; fail "apt-get install -s"; }
fi

root="$tmp/root"
dpkg -x "$deb" "$root"
for f in usr/bin/poisonlab usr/bin/poisonlab-cli \
  usr/share/applications/org.poisonlab.PoisonLab.desktop \
  usr/share/metainfo/org.poisonlab.PoisonLab.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/poisonlab.svg \
  usr/share/icons/hicolor/16x16/apps/poisonlab.png \
  usr/share/icons/hicolor/48x48/apps/poisonlab.png \
  usr/share/icons/hicolor/256x256/apps/poisonlab.png \
  usr/share/man/man1/poisonlab-cli.1.gz; do
  [ -s "$root/$f" ] || fail "the package lacks /$f"
done
file_size=$(od -An -tu4 -j16 -N8 --endian=big "$root/usr/share/icons/hicolor/48x48/apps/poisonlab.png" | xargs)
[ "$file_size" = "48 48" ] || fail "48x48 icon is $file_size"

# Output is captured before grep reads it: `cmd | grep -q` under pipefail fails when grep
# exits at its match while the program still writes (SIGPIPE), as --help did once it passed 8 KB.
# Under the sanitizer presets the packaged programs are instrumented too; `poisonlab --version`
# exits from inside QCommandLineParser, past the stack's destructors, which LeakSanitizer would
# report: the leak checks belong to the tests proper.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
cli="$root/usr/bin/poisonlab-cli"
grep -q "^poisonlab-cli [0-9]" <<<"$("$cli" --version)" || fail "poisonlab-cli --version"
grep -q "unlearn-sweep" <<<"$("$cli" --help)" || fail "poisonlab-cli --help"
grep -q -- "--decay-norms" <<<"$("$cli" help train)" || fail "poisonlab-cli help train"
# The packaged CLI has the report (drawn by the workbench's views): asked for a folder that is no
# run, it names the missing experiment.json rather than a build without Qt.
report_err=$("$cli" report --run "$root/no-run" 2>&1 >/dev/null) && fail "report of no run succeeded"
grep -q "experiment.json" <<<"$report_err" || fail "poisonlab-cli report: $report_err"
grep -q "PoisonLab" <<<"$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/poisonlab" --version)" ||
  fail "poisonlab --version"
# The man page is the program's own --man output.
grep -q '^\.TH POISONLAB\\-CLI 1' <<<"$(zcat "$root/usr/share/man/man1/poisonlab-cli.1.gz")" || fail "man page"
if command -v man >/dev/null; then
  out=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/poisonlab-cli.1.gz" 2>&1 | col -b)
  grep -q -- "--decay-norms" <<<"$out" || fail "the man page does not render the options"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/org.poisonlab.PoisonLab.metainfo.xml" ||
    fail "appstreamcli validate"
else
  echo "appstreamcli not installed: metainfo not validated"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/org.poisonlab.PoisonLab.desktop" ||
    fail "desktop-file-validate"
fi
echo "PASS: the package installs into a temporary root and its programs run from there"
