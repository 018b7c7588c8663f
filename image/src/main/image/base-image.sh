#!/usr/bin/env bash
# The base of the server's container image, made from what the build machine already has: a Java
# runtime linked from the build's own JDK (jlink), the C libraries that runtime needs (found with
# ldd, copied from the machine's Debian/glibc), and the image's user and folders. It is written as
# a Docker-format image tarball that Jib builds the server's image on (from tar://...), so no
# registry and no container engine are needed.
#
#   base-image.sh JDK_HOME OUT_DIR UID
#
# Layers: "system" (/etc files, the C libraries, /tmp, /data owned by UID) and "runtime" (/opt/java).
# The result is reused while this script, the JDK and UID stay the same.
set -euo pipefail
umask 022

jdk=$1 out=$2 uid=$3
modules=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported
tarball=$out/base-image.tar
stamp=$out/base-image.stamp

fail() { echo "base-image.sh: $*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] || fail "the image's runtime is linked on Linux only (skip the image with -Dimage.skip=true)"
case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) fail "no image for a $(uname -m) machine (skip it with -Dimage.skip=true)" ;;
esac
for tool in ldd tar sha256sum; do
  command -v "$tool" >/dev/null || fail "$tool is needed to build the image"
done
# The elliptic-curve TLS code is a module of its own up to JDK 21 and part of java.base later.
if "$jdk/bin/java" --list-modules | grep -q '^jdk.crypto.ec@'; then
  modules=$modules,jdk.crypto.ec
fi

fingerprint="$(sha256sum "$0" | cut -d' ' -f1) $(sha256sum "$jdk/release" | cut -d' ' -f1) $modules $uid $arch"
if [ -f "$tarball" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$fingerprint" ]; then
  echo "base image up to date: $tarball"
  exit 0
fi

rm -rf "$out"
work=$out/work
system=$work/system
runtime=$work/runtime
image=$work/image
mkdir -p "$system" "$runtime/opt" "$image"

echo "linking a Java runtime from $jdk ($modules)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
    --output "$runtime/opt/java" \
  || fail "jlink could not link a runtime from $jdk: it needs the JDK's jmods (Debian: openjdk-21-jmods) or a JDK 24 or newer that links its own runtime (Temurin); or skip the image with -Dimage.skip=true"

# Every C library the runtime's programs and libraries load, as the dynamic linker finds them here,
# copied (not linked) to the same path in the image; libgcc_s is loaded by glibc on demand (thread
# exit and backtraces), so ldd does not list it.
libraries=$(
  find "$runtime/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 | xargs -0 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' \
    | grep -v "^$runtime" | sort -u
)
libc=$(printf '%s\n' $libraries | grep '/libc\.so\.6$' || true)
[ -n "$libc" ] || fail "ldd found no C library (libc.so.6) for the runtime: the image needs a glibc build machine"
if [ -f "$(dirname "$libc")/libgcc_s.so.1" ]; then
  libraries="$libraries $(dirname "$libc")/libgcc_s.so.1"
fi
for library in $libraries; do
  install -D -m 0755 "$(readlink -f "$library")" "$system$library"
done
for package in libc6 libgcc-s1; do
  if [ -f "/usr/share/doc/$package/copyright" ]; then
    install -D -m 0644 "/usr/share/doc/$package/copyright" "$system/usr/share/doc/$package/copyright"
  fi
done

mkdir -p "$system/etc" "$system/tmp" "$system/data" "$system/proc" "$system/dev"
chmod 1777 "$system/tmp"
chmod 0750 "$system/data"
cat > "$system/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
send-songs:x:$uid:$uid:Send Songs:/data:/sbin/nologin
PASSWD
cat > "$system/etc/group" <<GROUP
root:x:0:
send-songs:x:$uid:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$system/etc/nsswitch.conf"

# Reproducible layers: sorted names, one timestamp, numeric owners (root, and UID for /data).
layer() { tar --format=gnu --sort=name --mtime=@0 --numeric-owner "$@"; }
layer --create --file "$image/system.tar" --owner=0 --group=0 -C "$system" $(cd "$system" && ls | grep -vx data)
layer --append --file "$image/system.tar" --owner="$uid" --group="$uid" -C "$system" data
layer --create --file "$image/runtime.tar" --owner=0 --group=0 -C "$runtime" opt

digest() { sha256sum "$1" | cut -d' ' -f1; }
cat > "$image/config.json" <<CONFIG
{"architecture":"$arch","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$(digest "$image/system.tar")","sha256:$(digest "$image/runtime.tar")"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"base-image.sh: users, folders and the C libraries of the build machine"},
            {"created":"1970-01-01T00:00:00Z","created_by":"base-image.sh: Java runtime linked from $("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}')"}]}
CONFIG
echo '[{"Config":"config.json","RepoTags":["send-songs-base:local"],"Layers":["system.tar","runtime.tar"]}]' > "$image/manifest.json"
layer --create --file "$tarball" --owner=0 --group=0 -C "$image" manifest.json config.json system.tar runtime.tar

rm -rf "$work"
echo "$fingerprint" > "$stamp"
echo "base image written: $tarball ($(du -h "$tarball" | cut -f1))"
