#!/usr/bin/env bash
# scripts/real-docker/setup.sh — the real Docker engine that Berth's fidelity
# transcripts (fidelity/corpus/**.t) are recorded against, on a Debian 12
# machine, as root, with no network but Debian's apt mirror.  Idempotent: run
# it again and it only fixes what is missing.  Adapted from
# shared/fidelity/reference-setup-real-docker.sh.
#
#   setup.sh [all]        install, registry, base images, dockerd, verify
#   setup.sh verify       only the checks
#   setup.sh reset        wipe the engine (containers, images, volumes,
#                         networks, build cache: the whole data-root)
#                         and the registry's non-base repositories,
#                         then start both again (record.mjs runs it before each file)
#   setup.sh start | stop | restart     registry + dockerd / dockerd only
#   setup.sh rebuild-bases              build and push the two base images again
#   setup.sh engine | engine-stop       a light engine for tests only (see below)
#   setup.sh engine-install             only install docker.io when dockerd is missing
#
# What it sets up
#   * apt: docker.io (dockerd 20.10), docker-registry (distribution 2.8),
#     busybox-static, debootstrap.  Services are not started by the packages.
#   * a registry on 127.0.0.1:5000 only, storage /tmp/registry, holding
#     library/busybox:latest  (FROM scratch, ADD of /bin/busybox + applet symlinks, CMD ["sh"])
#     library/debian:bookworm-slim (debootstrap --variant=minbase bookworm, CMD ["bash"])
#   * dockerd on unix:///tmp/dockerd/docker.sock, --bridge=none, --iptables=false,
#     with /tmp/dockerd/daemon.json = {"registry-mirrors": ["http://127.0.0.1:5000"],
#     "insecure-registries": ["127.0.0.1:5000"]}: the mirror set-up that Chinese
#     Docker tutorials teach, so a plain `docker pull busybox` works offline.
#
# Network safety: nothing here talks to anything but 127.0.0.0/8 (apt and
# debootstrap aside, which use the apt mirror already configured).  dockerd runs
# with HTTP(S)_PROXY pointing at a closed loopback port, so if it ever falls
# back from the mirror to Docker Hub (an image the mirror lacks) it fails at
# once on 127.0.0.1 instead of resolving or reaching registry-1.docker.io.
# Containers get no network: with --bridge=none a container's default network
# is a namespace holding only lo.
#
# Use:  export DOCKER_HOST=unix:///tmp/dockerd/docker.sock  (the newer client,
# /usr/local/bin/docker 28.x, should be first on PATH; Debian's is 20.10).
#
# The light engine (`engine`, for the archive interoperability test, npm test):
# only docker.io (installed when dockerd is missing), no registry, no base
# images, no debootstrap; its own dockerd on unix:///tmp/berth-engine/docker.sock,
# data root /tmp/berth-engine/root, the same --iptables=false --ip-masq=false
# --bridge=none and dead proxy, an empty daemon.json (the machine's
# /etc/docker/daemon.json is not read).  Started through sudo, the socket
# belongs to the caller's group (SUDO_GID).  `engine-stop` stops it (data kept).
set -euo pipefail

DD=/tmp/dockerd
SOCK=$DD/docker.sock
REG=/tmp/registry
REG_ADDR=127.0.0.1:5000
BASES=/tmp/fidelity-bases          # build area for the base images
DEAD_PROXY=http://127.0.0.1:9      # nothing listens there
export DOCKER_HOST=unix://$SOCK
export PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '[real-docker/setup] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root"

DOCKER=docker
case "${1:-all}" in engine*) quiet_client=1 ;; *) quiet_client=0 ;; esac
if [ ! -x /usr/local/bin/docker ] && [ $quiet_client = 0 ]; then
  log "WARNING: /usr/local/bin/docker (client 28.x) is missing; using $(command -v docker || echo none)."
  log "         Transcripts recorded with the 20.10 client differ (pull, errors, build notices)."
fi

# ---------------------------------------------------------------- packages
install_packages() {
  local need=() p
  for p in docker.io docker-registry busybox-static debootstrap curl iproute2; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
  done
  [ ${#need[@]} -eq 0 ] && { log "packages present"; return; }
  log "installing: ${need[*]}"
  # keep the packages' init scripts from starting a stock dockerd (docker0
  # bridge, iptables) or a registry on 0.0.0.0:5000
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
  [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

# ---------------------------------------------------------------- registry
registry_up() { curl -fsS --noproxy '*' -o /dev/null "http://$REG_ADDR/v2/" 2>/dev/null; }

registry_pid() { [ -s $REG/pid ] && kill -0 "$(cat $REG/pid)" 2>/dev/null && cat $REG/pid; }

start_registry() {
  mkdir -p $REG
  cat > $REG/config.yml <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $REG
  delete:
    enabled: true
http:
  addr: $REG_ADDR
EOF
  if registry_up; then log "registry already answering on $REG_ADDR"; return; fi
  log "starting docker-registry on $REG_ADDR (storage $REG)"
  setsid bash -c "echo \$\$ > $REG/pid; exec docker-registry serve $REG/config.yml" \
    >> $REG/log 2>&1 < /dev/null &
  local i
  for i in $(seq 1 50); do registry_up && return; sleep 0.2; done
  die "registry did not come up (see $REG/log)"
}

stop_registry() {
  local pid
  pid=$(registry_pid) || return 0
  kill "$pid"
  local i; for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  die "registry $pid did not stop"
}

# keep only the two base repositories (pushes made by transcripts go away)
reset_registry() {
  local repos=$REG/docker/registry/v2/repositories d
  stop_registry
  if [ -d "$repos" ]; then
    for d in "$repos"/*; do
      [ -e "$d" ] || continue
      if [ "$(basename "$d")" = library ]; then
        for sub in "$d"/*; do
          case "$(basename "$sub")" in busybox|debian) ;; *) rm -rf "$sub" ;; esac
        done
      else
        rm -rf "$d"
      fi
    done
  fi
  rm -rf $REG/docker/registry/v2/repositories/library/*/_uploads/* 2>/dev/null || true
  start_registry
}

has_manifest() { # repo tag
  curl -fsS --noproxy '*' -o /dev/null -I \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REG_ADDR/v2/$1/manifests/$2" 2>/dev/null
}

# ---------------------------------------------------------------- dockerd
dockerd_pid() { [ -s $DD/pid ] && kill -0 "$(cat $DD/pid)" 2>/dev/null && cat $DD/pid; }

write_daemon_json() {
  mkdir -p $DD
  cat > $DD/daemon.json <<EOF
{
  "registry-mirrors": ["http://$REG_ADDR"],
  "insecure-registries": ["$REG_ADDR"]
}
EOF
}

start_dockerd() {
  write_daemon_json
  if dockerd_pid >/dev/null; then log "dockerd already running"; return; fi
  log "starting dockerd (bridge none, mirror http://$REG_ADDR)"
  mkdir -p $DD
  setsid env HTTP_PROXY=$DEAD_PROXY HTTPS_PROXY=$DEAD_PROXY NO_PROXY=127.0.0.1,localhost \
    dockerd --host unix://$SOCK --data-root $DD/root --exec-root $DD/exec --pidfile $DD/pid \
      --iptables=false --ip-masq=false --bridge=none --config-file $DD/daemon.json \
      >> $DD/log 2>&1 < /dev/null &
  local i
  for i in $(seq 1 150); do
    $DOCKER version >/dev/null 2>&1 && return
    sleep 0.2
  done
  die "dockerd did not come up (see $DD/log)"
}

stop_dockerd() {
  local pid
  pid=$(dockerd_pid) || return 0
  # running containers would hold shutdown up to their stop timeout
  $DOCKER ps -q 2>/dev/null | xargs -r $DOCKER rm -f >/dev/null 2>&1 || true
  kill "$pid"
  local i; for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && die "dockerd $pid did not stop"
  rm -f $DD/pid
  return 0
}

dockerd_configured() {
  $DOCKER info --format '{{json .RegistryConfig.Mirrors}}' 2>/dev/null | grep -q "$REG_ADDR"
}

wipe_engine() {
  stop_dockerd
  # anything left mounted under the data-root (should be nothing)
  { grep -o " $DD/[^ ]*" /proc/mounts || true; } | sort -r | while read -r m; do umount -l "$m" || true; done
  rm -rf $DD/root $DD/exec
}

# ---------------------------------------------------------------- base images
apt_mirror() {
  # the first URI whose suites include plain "bookworm", from sources.list(.d)
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk 'BEGIN{RS="";FS="\n"}
      { u=""; s=""; t="";
        for(i=1;i<=NF;i++){ if($i ~ /^URIs:/){u=$i; sub(/^URIs:[ \t]*/,"",u); split(u,a,/[ \t]+/); u=a[1]}
                            if($i ~ /^Suites:/){s=" " $i " "}
                            if($i ~ /^Types:/){t=$i} }
        if (t ~ /deb( |$)/ && s ~ / bookworm /) { print u; exit } }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(awk '$1=="deb" { i=2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                           if ($(i+1)=="bookworm") { print $i; exit } }' "$f")
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  echo http://deb.debian.org/debian
}

build_busybox() {
  log "building busybox:latest from busybox-static"
  local dir=$BASES/busybox root=$BASES/busybox/rootfs a
  # the top-level layout of the official image: bin dev etc home lib lib64 root tmp usr var
  rm -rf "$dir"; mkdir -p "$root"/{bin,etc,home,lib,root,tmp,usr/sbin,var/spool/mail,var/www}
  ln -s lib "$root/lib64"
  chmod 1777 "$root/tmp"; chmod 700 "$root/root"
  cp /bin/busybox "$root/bin/busybox"
  for a in $(/bin/busybox --list); do
    [ "$a" = busybox ] || ln -s busybox "$root/bin/$a"
  done
  cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
EOF
  cat > "$root/etc/group" <<'EOF'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
wheel:x:10:root
mail:x:12:
www-data:x:33:
operator:x:37:
users:x:100:
nogroup:x:65534:
EOF
  local mtime; mtime=$(stat -c %Y /bin/busybox)
  tar --sort=name --mtime=@"$mtime" --owner=0 --group=0 --numeric-owner \
      -C "$root" -cf "$dir/busybox.tar" .
  rm -rf "$root"
  printf 'FROM scratch\nADD busybox.tar /\nCMD ["sh"]\n' > "$dir/Dockerfile"
  DOCKER_BUILDKIT=0 $DOCKER build -q -t $REG_ADDR/library/busybox:latest "$dir" >/dev/null 2>&1
  $DOCKER push -q $REG_ADDR/library/busybox:latest
  $DOCKER rmi $REG_ADDR/library/busybox:latest >/dev/null
}

build_debian() {
  local mirror; mirror=$(apt_mirror)
  log "building debian:bookworm-slim with debootstrap --variant=minbase bookworm ($mirror)"
  local dir=$BASES/debian root=$BASES/debian/rootfs
  rm -rf "$dir"; mkdir -p "$dir"
  debootstrap --variant=minbase bookworm "$root" "$mirror" > "$dir/debootstrap.log" 2>&1 \
    || { tail -20 "$dir/debootstrap.log" >&2; die "debootstrap failed"; }
  # tidy up the way the official slim images do (no apt lists, no caches, no
  # docs/man pages/locales), and nothing in /dev, /proc, /sys
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
         "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/tmp/* "$root"/dev/* \
         "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete 2>/dev/null || true
  : > "$root/etc/machine-id"
  printf 'deb %s bookworm main\n' "$mirror" > "$root/etc/apt/sources.list"
  tar --sort=name --numeric-owner -C "$root" -cf "$dir/rootfs.tar" \
      --exclude=./proc/* --exclude=./sys/* .
  rm -rf "$root"
  printf 'FROM scratch\nADD rootfs.tar /\nCMD ["bash"]\n' > "$dir/Dockerfile"
  DOCKER_BUILDKIT=0 $DOCKER build -q -t $REG_ADDR/library/debian:bookworm-slim "$dir" >/dev/null 2>&1
  $DOCKER push -q $REG_ADDR/library/debian:bookworm-slim
  $DOCKER rmi $REG_ADDR/library/debian:bookworm-slim >/dev/null
  rm -f "$dir/rootfs.tar"
}

ensure_bases() {
  local force=${1:-}
  if [ "$force" = force ] || ! has_manifest library/busybox latest; then build_busybox; else log "registry has library/busybox:latest"; fi
  if [ "$force" = force ] || ! has_manifest library/debian bookworm-slim; then build_debian; else log "registry has library/debian:bookworm-slim"; fi
}

# ---------------------------------------------------------------- checks
verify() {
  local out fail=0
  log "verify: registry on $REG_ADDR"
  registry_up || { log "FAIL registry not answering"; fail=1; }
  for rt in library/busybox:latest library/debian:bookworm-slim; do
    has_manifest "${rt%%:*}" "${rt##*:}" || { log "FAIL registry lacks $rt"; fail=1; }
  done
  log "verify: registry listens on loopback only"
  if ss -ltnH 2>/dev/null | awk '{print $4}' | grep -E ':5000$' | grep -vq '^127\.'; then
    log "FAIL something listens on :5000 beyond loopback"; fail=1
  fi
  log "verify: dockerd mirror, bridge"
  dockerd_configured || { log "FAIL dockerd has no mirror $REG_ADDR"; fail=1; }
  if $DOCKER network ls --format '{{.Name}}' | grep -qx bridge; then log "FAIL a bridge network exists"; fail=1; fi
  log "verify: plain 'docker pull busybox' through the mirror"
  $DOCKER rmi -f busybox:latest debian:bookworm-slim >/dev/null 2>&1 || true
  out=$($DOCKER pull busybox 2>&1) || { log "FAIL docker pull busybox: $out"; fail=1; }
  grep -q 'Status: Downloaded newer image for busybox:latest' <<<"$out" || { log "FAIL pull output: $out"; fail=1; }
  out=$($DOCKER pull debian:bookworm-slim 2>&1) || { log "FAIL docker pull debian:bookworm-slim: $out"; fail=1; }
  out=$($DOCKER run --rm busybox sh -c 'echo ok; ls /sys/class/net' 2>&1)
  [ "$out" = "$(printf 'ok\nlo')" ] || { log "FAIL busybox container (want ok + only lo): $out"; fail=1; }
  out=$($DOCKER run --rm debian:bookworm-slim cat /etc/debian_version 2>&1) \
    && grep -q '^12' <<<"$out" || { log "FAIL debian container: $out"; fail=1; }
  [ "$($DOCKER image inspect -f '{{json .Config.Cmd}}' busybox)" = '["sh"]' ] || { log "FAIL busybox CMD"; fail=1; }
  [ "$($DOCKER image inspect -f '{{json .Config.Cmd}}' debian:bookworm-slim)" = '["bash"]' ] || { log "FAIL debian CMD"; fail=1; }
  $DOCKER rmi busybox:latest debian:bookworm-slim >/dev/null 2>&1 || true
  if [ $fail = 0 ]; then log "OK: real Docker environment ready (DOCKER_HOST=$DOCKER_HOST)"; else die "verification failed"; fi
}

# ---------------------------------------------------------------- the light engine
ENG=/tmp/berth-engine
ENG_SOCK=$ENG/docker.sock

engine_install() {
  command -v dockerd >/dev/null && return
  log "installing docker.io"
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q docker.io || { apt-get update -q && apt-get install -y -q docker.io; }
  [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  command -v dockerd >/dev/null || die "docker.io installed no dockerd"
}

engine_pid() { [ -s $ENG/pid ] && kill -0 "$(cat $ENG/pid)" 2>/dev/null && cat $ENG/pid; }
engine_up() { $DOCKER -H unix://$ENG_SOCK version >/dev/null 2>&1; }

engine_start() {
  if engine_pid >/dev/null && engine_up; then log "engine already running on unix://$ENG_SOCK"; return; fi
  mkdir -p $ENG
  echo '{}' > $ENG/daemon.json
  local group=()
  [ -n "${SUDO_GID:-}" ] && [ "$SUDO_GID" != 0 ] && group=(--group "$SUDO_GID")
  log "starting dockerd on unix://$ENG_SOCK (bridge none, no iptables)"
  setsid env HTTP_PROXY=$DEAD_PROXY HTTPS_PROXY=$DEAD_PROXY NO_PROXY=127.0.0.1,localhost \
    dockerd --host unix://$ENG_SOCK --data-root $ENG/root --exec-root $ENG/exec --pidfile $ENG/pid \
      --iptables=false --ip-masq=false --bridge=none --config-file $ENG/daemon.json "${group[@]}" \
      >> $ENG/log 2>&1 < /dev/null &
  local i
  for i in $(seq 1 150); do
    engine_up && return
    sleep 0.2
  done
  tail -20 $ENG/log >&2
  die "dockerd did not come up (see $ENG/log)"
}

engine_stop() {
  local pid
  pid=$(engine_pid) || { log "engine not running"; return 0; }
  $DOCKER -H unix://$ENG_SOCK ps -q 2>/dev/null | xargs -r $DOCKER -H unix://$ENG_SOCK rm -f >/dev/null 2>&1 || true
  kill "$pid"
  local i; for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && die "dockerd $pid did not stop"
  rm -f $ENG/pid
  log "engine stopped"
}

case "${1:-all}" in
  all)
    install_packages
    start_registry
    if dockerd_pid >/dev/null && ! dockerd_configured; then
      log "dockerd running without the mirror config: restarting it"
      stop_dockerd
    fi
    start_dockerd
    ensure_bases
    verify ;;
  verify) verify ;;
  start) start_registry; start_dockerd ;;
  stop) stop_dockerd ;;
  restart) stop_dockerd; start_registry; start_dockerd ;;
  reset) wipe_engine; reset_registry; start_dockerd ;;
  rebuild-bases) start_registry; start_dockerd; ensure_bases force; verify ;;
  engine) engine_install; engine_start ;;
  engine-install) engine_install ;;
  engine-stop) engine_stop ;;
  *) die "usage: $0 [all|verify|reset|start|stop|restart|rebuild-bases|engine|engine-install|engine-stop]" ;;
esac
