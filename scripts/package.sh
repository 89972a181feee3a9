#!/usr/bin/env bash
# Builds the packages users install into dist/ (see docs/packaging.md):
#   mamori-VERSION-windows-x86_64-setup.exe  NSIS installer (per user, no administrator rights)
#   mamori-VERSION-windows-x86_64.zip        portable: the two exes, licences, a short README
#   mamori_VERSION_amd64.deb                 Debian/Ubuntu package
# `bash scripts/package.sh deb` or `bash scripts/package.sh windows` builds only one side.
# The Linux binary is built with the rustup toolchain; the Windows one with Debian's rustc-web
# and MinGW-w64 in a separate target folder (MAMORI_WIN_TARGET_DIR, default
# target/debian-rustc), so the two compilers never share one. Installs the Debian packages it
# needs with apt-get. Prints the sizes and fails when a file is over its limit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(deb windows)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "package: no version in Cargo.toml" >&2; exit 1; }
# The AppStream id (reverse DNS, as AppStream requires; see docs/packaging.md). The desktop
# entry and the icon are named `mamori`, the window's app id, so that Wayland finds them.
appstream_id=io.github.mamori.mamori
# Where the screenshots are published (AppStream accepts only web addresses for them), e.g.
# the raw URL of docs/screenshots/ in the project's public repository; without it the
# metainfo has no screenshots.
shots_url=${MAMORI_SCREENSHOT_URL:-}
# Timestamps inside the packages: the last commit's, so two builds of one commit match.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH=$epoch
release_date=$(date -u -d "@$epoch" +%Y-%m-%d)

need=(zip desktop-file-utils appstream dpkg-dev)
want windows && need+=(rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis)
missing=()
for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "package: installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p dist
work=target/package
rm -rf "$work"
mkdir -p "$work"
sizes=()
over=0
check_size() { # FILE LIMIT_MB
  local bytes limit=$(( $2 * 1000 * 1000 ))
  bytes=$(stat -c %s "$1")
  sizes+=("$(awk -v n="$(basename "$1")" -v b="$bytes" -v l="$2" 'BEGIN { printf "%-48s %6.1f MB (limit %d MB)", n, b / 1e6, l }')")
  if [ "$bytes" -gt "$limit" ]; then
    echo "package: FAILED: $1 is $bytes bytes, over $2 MB" >&2
    over=1
  fi
}
timed() { # LABEL COMMAND...: runs it and records how long it took
  local t0=$SECONDS label=$1; shift
  "$@"
  sizes+=("$(printf '%-48s %6d s' "time: $label" $((SECONDS - t0)))")
}
# Copies a text file with CRLF line ends (for Notepad on older Windows).
crlf() { sed 's/\r$//; s/$/\r/' "$1" > "$2"; }

# --- Debian package -----------------------------------------------------------------------------
if want deb; then
  # The release profile (stripped, no LTO): the .deb is far under its limit without LTO, and
  # the fat-LTO link of the `dist` profile costs many minutes (MAMORI_DEB_PROFILE=dist for it).
  deb_profile=${MAMORI_DEB_PROFILE:-release}
  timed "Linux build (profile $deb_profile)" cargo build --profile "$deb_profile" --locked --bin mamori
  bin=$(realpath "${CARGO_TARGET_DIR:-target}/$deb_profile/mamori")
  deb=$work/deb
  install -D -m 755 "$bin" "$deb/usr/bin/mamori"
  install -D -m 644 packaging/linux/mamori.desktop "$deb/usr/share/applications/mamori.desktop"
  shots=
  if [ -n "$shots_url" ]; then
    shot() { # PAGE ATTRIBUTES CAPTION CAPTION_JA
      printf '    <screenshot%s>\n      <caption>%s</caption>\n      <caption xml:lang="ja">%s</caption>\n      <image>%s/%s-ja.png</image>\n    </screenshot>\n' \
        "$2" "$3" "$4" "${shots_url%/}" "$1"
    }
    shots=$(
      echo "  <screenshots>"
      shot results ' type="default"' "Results: the overall band, a bar per checklist, the weak points" "結果: 全体の判定、分野ごとの点数、弱いところ"
      shot question "" "A question of a detailed checklist" "詳しいチェックの質問"
      shot start "" "Start: a new check, or the last one continued" "スタート: 新しいチェックか前回の続き"
      echo "  </screenshots>"
    )
  else
    echo "package: note: MAMORI_SCREENSHOT_URL is not set, so the AppStream metainfo has no screenshots"
  fi
  meta=$work/$appstream_id.metainfo.xml
  sed -e "s/@VERSION@/$version/g; s/@DATE@/$release_date/g" packaging/linux/mamori.metainfo.xml \
    | SHOTS="$shots" perl -pe 's/^\@SCREENSHOTS\@\n/$ENV{SHOTS} ? "$ENV{SHOTS}\n" : ""/e' > "$meta"
  install -D -m 644 "$meta" "$deb/usr/share/metainfo/$appstream_id.metainfo.xml"
  for s in 16 32 48 64 128 256; do
    install -D -m 644 "assets/icon/mamori-$s.png" "$deb/usr/share/icons/hicolor/${s}x${s}/apps/mamori.png"
  done
  install -D -m 644 assets/icon/mamori.svg "$deb/usr/share/icons/hicolor/scalable/apps/mamori.svg"
  doc=$deb/usr/share/doc/mamori
  install -d "$doc"
  {
    echo "mamori $version"
    echo
    echo "mamori is licensed under the MIT licence or the Apache License 2.0, at your option."
    echo "Both texts follow, then the licence of the embedded font (SIL Open Font License 1.1),"
    echo "then every Rust crate compiled into /usr/bin/mamori with its licence texts."
    echo
    echo "==> LICENSE-MIT <=="
    cat LICENSE-MIT
    echo
    echo "==> LICENSE-APACHE <=="
    cat LICENSE-APACHE
    echo
    echo "==> assets/fonts/OFL.txt: BIZ UDPGothic, embedded in the program and in its PDF reports <=="
    cat assets/fonts/OFL.txt
    echo
    echo "==> assets/THIRD-PARTY-LICENSES.md <=="
    cat assets/THIRD-PARTY-LICENSES.md
  } > "$doc/copyright"
  chmod 644 "$doc/copyright"
  gzip -9n < README.md > "$doc/README.md.gz"
  chmod 644 "$doc/README.md.gz"

  # Shared-library dependencies from the binary; the libraries winit and glutin open at run
  # time (X11/Wayland, EGL/GL) are not visible to dpkg-shlibdeps and are listed by hand.
  shl=$work/shlibdeps
  mkdir -p "$shl/debian"
  printf 'Source: mamori\n\nPackage: mamori\nArchitecture: amd64\n' > "$shl/debian/control"
  shlibs=$(cd "$shl" && dpkg-shlibdeps -O "$bin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
  depends="${shlibs:-libc6}, libx11-6, libxcursor1, libxi6, libxkbcommon-x11-0, libxkbcommon0, libwayland-client0, libwayland-cursor0, libwayland-egl1, libegl1, libgl1"
  install -d "$deb/DEBIAN"
  cat > "$deb/DEBIAN/control" <<CONTROL
Package: mamori
Version: $version
Architecture: amd64
Maintainer: mamori developers
Installed-Size: $(du -sk --exclude=DEBIAN "$deb" | cut -f1)
Depends: $depends
Recommends: libegl-mesa0, libgl1-mesa-dri, xdg-desktop-portal-gtk | zenity
Section: utils
Priority: optional
Description: offline self-check of trade-secret protection for small companies
 mamori (守り) checks how well a small Japanese company guards its trade secrets
 (営業秘密) and its IP in partnerships, shows what is weak and why, and names the
 free consultation desks that fit. Desktop app and command line; it writes a PDF
 report. It never opens a network connection.
CONTROL
  find "$deb" -exec touch -h -d "@$epoch" {} +
  out=dist/mamori_${version}_amd64.deb
  timed ".deb (dpkg-deb, xz)" dpkg-deb --root-owner-group -Zxz --build "$deb" "$out" >/dev/null
  desktop-file-validate "$deb/usr/share/applications/mamori.desktop"
  appstreamcli validate --no-net "$deb/usr/share/metainfo/$appstream_id.metainfo.xml" >/dev/null
  check_size "$out" 15
fi

# --- Windows ------------------------------------------------------------------------------------
if want windows; then
  wt=${MAMORI_WIN_TARGET_DIR:-target/debian-rustc}
  # Debian's compiler (rustc-web) with the standard library built from its source; rustup's
  # proxies in ~/.cargo/bin must not come first in PATH.
  timed "Windows build (profile dist)" env PATH=/usr/bin:/bin RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_DIR="$wt" \
    CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    /usr/bin/cargo build --profile dist --locked --target x86_64-pc-windows-gnu \
      -Zbuild-std=std,panic_abort --bin mamori --bin mamori-cli
  wbin=$wt/x86_64-pc-windows-gnu/dist
  name=mamori-$version-windows-x86_64
  stage=$work/$name
  mkdir -p "$stage"
  cp "$wbin/mamori.exe" "$wbin/mamori-cli.exe" "$stage/"
  cp assets/icon/mamori.ico "$stage/"
  # With a byte-order mark, so that Notepad on older Windows reads it as UTF-8.
  { printf '\xef\xbb\xbf'; sed 's/\r$//; s/$/\r/' packaging/windows/README.txt; } > "$stage/README.txt"
  crlf LICENSE-MIT "$stage/LICENSE-MIT.txt"
  crlf LICENSE-APACHE "$stage/LICENSE-APACHE.txt"
  crlf assets/THIRD-PARTY-LICENSES.md "$stage/THIRD-PARTY-LICENSES.txt"
  crlf assets/fonts/OFL.txt "$stage/OFL.txt"
  # The GUI program must not open a console window.
  sub=$(x86_64-w64-mingw32-objdump -p "$stage/mamori.exe" | sed -n 's/^Subsystem[[:space:]]*//p')
  case "$sub" in *"Windows GUI"*) ;; *) echo "package: FAILED: mamori.exe subsystem is '$sub'" >&2; exit 1 ;; esac
  sub=$(x86_64-w64-mingw32-objdump -p "$stage/mamori-cli.exe" | sed -n 's/^Subsystem[[:space:]]*//p')
  case "$sub" in *"Windows CUI"*) ;; *) echo "package: FAILED: mamori-cli.exe subsystem is '$sub'" >&2; exit 1 ;; esac
  find "$stage" -exec touch -h -d "@$epoch" {} +

  zipf=$root/dist/$name.zip
  rm -f "$zipf"
  timed "zip (deflate -9)" sh -c "cd '$work' && zip -q -X -9 -r '$zipf' '$name'"
  check_size "$zipf" 22

  size_kb=$(du -sk "$stage" | cut -f1)
  setup=$root/dist/$name-setup.exe
  timed "installer (makensis, LZMA)" makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" \
    -DSTAGE="$root/$stage" -DOUTFILE="$setup" -DSIZE_KB="$size_kb" packaging/windows/mamori.nsi
  check_size "$setup" 22
fi

echo "package: version $version"
for line in "${sizes[@]}"; do echo "  $line"; done
ls -l dist/
exit $over
