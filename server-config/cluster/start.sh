#!/usr/bin/env bash
# Two model-pages nodes sharing one cache through Ehcache's clustered tier on a Terracotta server,
# all on this machine (issue 8). See server-config/cluster/README.md.
#
# Usage: server-config/cluster/start.sh [start|stop|status|restart]   (from anywhere)
#   start    build the WAR if missing, get the Terracotta kit and Tomcat 11.0.24 from Maven, start
#            one Terracotta server (loopback) and two Tomcat nodes, wait until all are ready
#   stop     stop both Tomcats (SIGTERM: clean shutdown, catalog.json closed), then Terracotta
#   status   what runs, and whether each node is ready
#
# Knobs (environment):
#   CLUSTER_DIR         work directory (target/cluster under the repository)
#   NODE1_PORT          HTTP port of node 1 (8080)       NODE2_PORT   of node 2 (8081)
#   NODE_ADDRESS        address the nodes listen on (127.0.0.1; 0.0.0.0 for every interface)
#   NODE_JAVA_OPTS      JVM options of each node (-Xms128m -Xmx512m)
#   TC_PORT             Terracotta client port (9410)    TC_GROUP_PORT  its group port (9430)
#   TC_OFFHEAP_MB       size of the server's "main" off-heap resource (512)
#   TC_JAVA_OPTS        JVM options of the server (-Xms64m -Xmx512m; the kit's own are -Xmx2049m)
#   MODEL_PAGES_CLUSTER_CACHE_MB  clustered pages tier (256); the server needs it + 88 MB
#   MODEL_PAGES_ADMIN_TOKEN, MODEL_WEBHOOK_SECRET  shared by both nodes (generated once and kept
#                       in $CLUSTER_DIR/secrets.env when unset)
#   CLUSTER_BUILD=1     rebuild the WAR even if target/model-pages.war exists
#   READY_TIMEOUT       seconds to wait for each node's /health/ready (180)
#   JAVA_HOME           the JDK for all three JVMs (default: the one of `java` on the PATH)
# Any other MODEL_PAGES_* setting in the environment reaches both nodes (for example
# MODEL_PAGES_REFRESH_SECONDS=0 for no gateway polling).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CLUSTER_DIR=${CLUSTER_DIR:-$ROOT/target/cluster}
mkdir -p "$CLUSTER_DIR"
CLUSTER_DIR=$(cd "$CLUSTER_DIR" && pwd)

EHCACHE_VERSION=3.11.1
TOMCAT_VERSION=11.0.24
KIT=$CLUSTER_DIR/ehcache-clustered-$EHCACHE_VERSION-kit
CATALINA_HOME_DIR=$CLUSTER_DIR/apache-tomcat-$TOMCAT_VERSION
TC_DIR=$CLUSTER_DIR/terracotta
WAR=$ROOT/target/model-pages.war

NODE1_PORT=${NODE1_PORT:-8080}
NODE2_PORT=${NODE2_PORT:-8081}
NODE_ADDRESS=${NODE_ADDRESS:-127.0.0.1}
NODE_JAVA_OPTS=${NODE_JAVA_OPTS:--Xms128m -Xmx512m}
TC_PORT=${TC_PORT:-9410}
TC_GROUP_PORT=${TC_GROUP_PORT:-9430}
TC_OFFHEAP_MB=${TC_OFFHEAP_MB:-512}
TC_JAVA_OPTS=${TC_JAVA_OPTS:--Xms64m -Xmx512m}
CLUSTER_CACHE_MB=${MODEL_PAGES_CLUSTER_CACHE_MB:-256}
CLUSTER_NAME=model-pages
CLUSTER_URI=terracotta://127.0.0.1:$TC_PORT/$CLUSTER_NAME
READY_TIMEOUT=${READY_TIMEOUT:-180}
TC_START_TIMEOUT=${TC_START_TIMEOUT:-90}
STOP_TIMEOUT=${STOP_TIMEOUT:-60}
# the app's fixed pools on "main": counters 8 + purge log 16 + shared catalog 64
FIXED_POOLS_MB=88

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

# The port answers on loopback (whatever address the listener is bound to covers it).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
read_pid() { [ -s "$1" ] && cat "$1" || true; }

java_home() {
  if [ -z "${JAVA_HOME:-}" ]; then
    local java
    java=$(command -v java) || die "no java on the PATH and JAVA_HOME is not set"
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java")")")
  fi
  [ -x "$JAVA_HOME/bin/java" ] || die "JAVA_HOME=$JAVA_HOME has no bin/java"
  export JAVA_HOME
  export JRE_HOME=$JAVA_HOME
}

# ------------------------------------------------------------------ preparation
build_war() {
  if [ -f "$WAR" ] && [ "${CLUSTER_BUILD:-0}" != 1 ]; then
    log "using $WAR (CLUSTER_BUILD=1 rebuilds it)"
    return 0
  fi
  log "building the WAR (mvn -B -q package -DskipTests)"
  mkdir -p "$CLUSTER_DIR/logs"
  (cd "$ROOT" && mvn -B -q package -DskipTests) >"$CLUSTER_DIR/logs/build.log" 2>&1 || {
    tail -30 "$CLUSTER_DIR/logs/build.log" >&2
    die "the WAR does not build (log: $CLUSTER_DIR/logs/build.log)"
  }
  [ -f "$WAR" ] || die "no $WAR after the build"
}

# resolve ARTIFACT FILE: copies a Maven artifact (local repository, else Maven Central) to downloads/.
resolve() {
  local artifact=$1 file=$2
  [ -s "$CLUSTER_DIR/downloads/$file" ] && return 0
  log "resolving $artifact"
  mkdir -p "$CLUSTER_DIR/downloads" "$CLUSTER_DIR/logs"
  (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$CLUSTER_DIR/downloads") \
    >"$CLUSTER_DIR/logs/resolve-$file.log" 2>&1 || {
    tail -20 "$CLUSTER_DIR/logs/resolve-$file.log" >&2
    die "cannot get $artifact"
  }
  [ -s "$CLUSTER_DIR/downloads/$file" ] || die "$artifact did not give downloads/$file"
}

prepare_kit() {
  [ -x "$KIT/server/bin/start-tc-server.sh" ] && return 0
  resolve "org.ehcache:ehcache-clustered:$EHCACHE_VERSION:tgz:kit" "ehcache-clustered-$EHCACHE_VERSION-kit.tgz"
  tar -xzf "$CLUSTER_DIR/downloads/ehcache-clustered-$EHCACHE_VERSION-kit.tgz" -C "$CLUSTER_DIR"
  [ -x "$KIT/server/bin/start-tc-server.sh" ] || die "the kit has no server/bin/start-tc-server.sh under $KIT"
}

prepare_tomcat() {
  [ -x "$CATALINA_HOME_DIR/bin/catalina.sh" ] && return 0
  resolve "org.apache.tomcat:tomcat:$TOMCAT_VERSION:zip" "tomcat-$TOMCAT_VERSION.zip"
  unzip -q -o "$CLUSTER_DIR/downloads/tomcat-$TOMCAT_VERSION.zip" -d "$CLUSTER_DIR"
  chmod +x "$CATALINA_HOME_DIR"/bin/*.sh
}

secrets() {
  local file=$CLUSTER_DIR/secrets.env
  if [ -z "${MODEL_PAGES_ADMIN_TOKEN:-}" ] || [ -z "${MODEL_WEBHOOK_SECRET:-}" ]; then
    if [ ! -s "$file" ]; then
      (
        umask 077
        {
          echo "MODEL_PAGES_ADMIN_TOKEN=admin-$(openssl rand -hex 16)"
          echo "MODEL_WEBHOOK_SECRET=whook-$(openssl rand -hex 16)"
        } >"$file"
      )
    fi
    local token secret
    token=$(sed -n 's/^MODEL_PAGES_ADMIN_TOKEN=//p' "$file")
    secret=$(sed -n 's/^MODEL_WEBHOOK_SECRET=//p' "$file")
    MODEL_PAGES_ADMIN_TOKEN=${MODEL_PAGES_ADMIN_TOKEN:-$token}
    MODEL_WEBHOOK_SECRET=${MODEL_WEBHOOK_SECRET:-$secret}
  fi
  [ ${#MODEL_PAGES_ADMIN_TOKEN} -ge 16 ] || die "MODEL_PAGES_ADMIN_TOKEN needs 16+ characters"
}

# prepare_node N PORT: a CATALINA_BASE of its own (conf, ROOT.war, setenv.sh) over the shared home.
prepare_node() {
  local n=$1 port=$2 base=$CLUSTER_DIR/node$1
  mkdir -p "$base"/{bin,conf,logs,temp,webapps,work,data}
  cp -R "$CATALINA_HOME_DIR"/conf/. "$base/conf/"
  # HTTP port and address; shutdown port disabled (stop = SIGTERM, Tomcat's shutdown hook);
  # no AJP connector is enabled in the stock server.xml
  sed -i -e 's/<Server port="8005"/<Server port="-1"/' \
    -e "s/<Connector port=\"8080\" protocol=\"HTTP\/1.1\"/<Connector port=\"$port\" address=\"$NODE_ADDRESS\" protocol=\"HTTP\/1.1\"/" \
    "$base/conf/server.xml"
  grep -q "port=\"$port\" address=\"$NODE_ADDRESS\"" "$base/conf/server.xml" ||
    die "could not set the HTTP port in $base/conf/server.xml"
  # a deploy as on a new server: this WAR, no exploded copy or compiled JSPs of an older one
  rm -rf "$base/webapps/ROOT" "$base/webapps/ROOT.war" "$base/work/Catalina"
  cp "$WAR" "$base/webapps/ROOT.war"
  {
    echo "# written by server-config/cluster/start.sh for node $n"
    echo "export MODEL_PAGES_DATA_DIR='$base/data'"
    echo "export MODEL_PAGES_PUBLIC_URL='http://localhost:$port'"
    echo "export MODEL_PAGES_CLUSTER_URI='$CLUSTER_URI'"
    echo "export MODEL_PAGES_CLUSTER_CACHE_MB='$CLUSTER_CACHE_MB'"
    echo "export MODEL_PAGES_ADMIN_TOKEN='$MODEL_PAGES_ADMIN_TOKEN'"
    echo "export MODEL_WEBHOOK_SECRET='$MODEL_WEBHOOK_SECRET'"
    echo "CATALINA_OPTS=\"$NODE_JAVA_OPTS\""
    echo "export CATALINA_OPTS"
  } >"$base/bin/setenv.sh"
  chmod 600 "$base/bin/setenv.sh"
}

# ------------------------------------------------------------------ Terracotta
start_terracotta() {
  # a config dir from an earlier start wins over the command line: every start is a fresh server
  # (Terracotta keeps no cache data across a restart anyway)
  rm -rf "$TC_DIR"
  mkdir -p "$TC_DIR"
  log "starting Terracotta on 127.0.0.1:$TC_PORT (group port $TC_GROUP_PORT, main:${TC_OFFHEAP_MB}MB)"
  JAVA_OPTS=$TC_JAVA_OPTS setsid "$KIT/server/bin/start-tc-server.sh" \
    -cluster-name "$CLUSTER_NAME" -name node1 \
    -hostname 127.0.0.1 -bind-address 127.0.0.1 -group-bind-address 127.0.0.1 \
    -port "$TC_PORT" -group-port "$TC_GROUP_PORT" \
    -offheap-resources "main:${TC_OFFHEAP_MB}MB" \
    -config-dir "$TC_DIR/config" -log-dir "$TC_DIR/logs" -metadata-dir "$TC_DIR/metadata" \
    -data-dirs "main:$TC_DIR/data" -auto-activate \
    >"$TC_DIR/server.out" 2>&1 </dev/null &
  local script=$! start=$SECONDS
  echo "$script" >"$TC_DIR/script.pid"
  until grep -q "started up as ACTIVE" "$TC_DIR/server.out" 2>/dev/null; do
    alive "$script" || {
      tail -30 "$TC_DIR/server.out" >&2
      die "the Terracotta server exited (log: $TC_DIR/server.out)"
    }
    [ $((SECONDS - start)) -lt "$TC_START_TIMEOUT" ] || {
      tail -30 "$TC_DIR/server.out" >&2
      die "Terracotta not ACTIVE within $TC_START_TIMEOUT s (log: $TC_DIR/server.out)"
    }
    sleep 0.2
  done
  pgrep -P "$script" >"$TC_DIR/server.pid" || true # the server's JVM (the kit's script loops around it)
  log "Terracotta ACTIVE in $((SECONDS - start)) s (pid $(read_pid "$TC_DIR/server.pid"))"
}

stop_terracotta() {
  local script java
  script=$(read_pid "$TC_DIR/script.pid")
  java=$(read_pid "$TC_DIR/server.pid")
  alive "$java" || java=$(pgrep -P "${script:-0}" 2>/dev/null || true)
  if ! alive "$script" && ! alive "$java"; then
    rm -f "$TC_DIR/script.pid" "$TC_DIR/server.pid"
    return 0
  fi
  log "stopping Terracotta (pid ${java:-?})"
  # the JVM first: its exit code (143) ends the kit's restart loop
  if alive "$java"; then kill -TERM "$java" 2>/dev/null || true; fi
  wait_gone 30 "$java" "$script" || {
    log "Terracotta did not stop within 30 s: killing it"
    kill -KILL "$java" "$script" 2>/dev/null || true
    wait_gone 10 "$java" "$script" || true
  }
  rm -f "$TC_DIR/script.pid" "$TC_DIR/server.pid"
}

# wait_gone SECONDS PID...: 0 when none of the processes is alive any more.
wait_gone() {
  local timeout=$1 start=$SECONDS pid any
  shift
  while :; do
    any=0
    for pid in "$@"; do alive "$pid" && any=1; done
    [ "$any" = 0 ] && return 0
    [ $((SECONDS - start)) -lt "$timeout" ] || return 1
    sleep 0.2
  done
}

# ------------------------------------------------------------------ Tomcat nodes
start_node() {
  local n=$1 port=$2 base=$CLUSTER_DIR/node$1
  log "starting node $n on http://localhost:$port (CATALINA_BASE=$base)"
  rm -f "$base/tomcat.pid"
  # one log per start (the previous one kept as catalina.out.1), so failures below are this start's
  [ -f "$base/logs/catalina.out" ] && mv -f "$base/logs/catalina.out" "$base/logs/catalina.out.1"
  CATALINA_HOME=$CATALINA_HOME_DIR CATALINA_BASE=$base CATALINA_PID=$base/tomcat.pid \
    CATALINA_OUT=$base/logs/catalina.out setsid "$CATALINA_HOME_DIR/bin/catalina.sh" start \
    >"$base/logs/start.log" 2>&1 </dev/null || die "catalina.sh start failed for node $n: $(cat "$base/logs/start.log")"
}

wait_node_ready() {
  local n=$1 port=$2 base=$CLUSTER_DIR/node$1 start=$SECONDS code pid
  pid=$(read_pid "$base/tomcat.pid")
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health/ready" || true)
    [ "$code" = 200 ] && break
    alive "$pid" || {
      tail -40 "$base/logs/catalina.out" >&2 || true
      die "node $n exited before it was ready (log: $base/logs/catalina.out)"
    }
    # Tomcat stays up when the application fails to deploy: do not wait for the timeout
    if grep -q 'Context \[\] startup failed' "$base/logs/catalina.out" 2>/dev/null; then
      grep -m3 'Caused by\|SEVERE' "$base/logs/catalina.out" >&2 || true
      die "the application failed to deploy on node $n (log: $base/logs/catalina.out)"
    fi
    [ $((SECONDS - start)) -lt "$READY_TIMEOUT" ] || {
      tail -40 "$base/logs/catalina.out" >&2 || true
      die "node $n not ready within $READY_TIMEOUT s: $(curl -s --max-time 5 "http://127.0.0.1:$port/health/ready" || true)"
    }
    sleep 0.5
  done
  log "node $n ready in $((SECONDS - start)) s (pid $pid)"
}

stop_node() {
  local n=$1 base=$CLUSTER_DIR/node$1 pid
  pid=$(read_pid "$base/tomcat.pid")
  if ! alive "$pid"; then
    rm -f "$base/tomcat.pid"
    return 0
  fi
  log "stopping node $n (pid $pid, SIGTERM: Tomcat undeploys the application, which closes its catalog)"
  wc -l <"$base/logs/catalina.out" >"$base/stop.mark" 2>/dev/null || echo 0 >"$base/stop.mark"
  kill -TERM "$pid" 2>/dev/null || true
}

wait_nodes_stopped() {
  local n base pid
  for n in 1 2; do
    base=$CLUSTER_DIR/node$n
    pid=$(read_pid "$base/tomcat.pid")
    if alive "$pid" && ! wait_gone "$STOP_TIMEOUT" "$pid"; then
      log "node $n did not stop within $STOP_TIMEOUT s: killing it (its catalog.json is written atomically, the last change may be lost)"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone 10 "$pid" || true
    fi
    if [ -n "$pid" ]; then
      if tail -n +"$(($(read_pid "$base/stop.mark") + 1))" "$base/logs/catalina.out" 2>/dev/null |
        grep -q 'model-pages stopped'; then
        log "node $n stopped (application closed cleanly)"
      else
        log "node $n stopped, but its log has no 'model-pages stopped' line: see $base/logs/catalina.out"
      fi
    fi
    rm -f "$base/tomcat.pid" "$base/stop.mark"
  done
}

do_stop() {
  # the nodes first (they close their catalog and disconnect), then the server they use
  stop_node 1
  stop_node 2
  wait_nodes_stopped
  stop_terracotta
}

# ------------------------------------------------------------------ commands
running_any() {
  alive "$(read_pid "$CLUSTER_DIR/node1/tomcat.pid")" || alive "$(read_pid "$CLUSTER_DIR/node2/tomcat.pid")" ||
    alive "$(read_pid "$TC_DIR/script.pid")" || alive "$(read_pid "$TC_DIR/server.pid")"
}

do_start() {
  running_any && die "already running (see '$0 status'; '$0 stop' first)"
  [ "$NODE1_PORT" != "$NODE2_PORT" ] || die "NODE1_PORT and NODE2_PORT must differ"
  local p
  for p in "$NODE1_PORT" "$NODE2_PORT" "$TC_PORT" "$TC_GROUP_PORT"; do
    port_in_use "$p" && die "port $p is in use (another run?): set NODE1_PORT, NODE2_PORT, TC_PORT or TC_GROUP_PORT"
  done
  [ "$TC_OFFHEAP_MB" -ge $((CLUSTER_CACHE_MB + FIXED_POOLS_MB)) ] ||
    die "TC_OFFHEAP_MB=$TC_OFFHEAP_MB is too small: the nodes reserve MODEL_PAGES_CLUSTER_CACHE_MB ($CLUSTER_CACHE_MB) + $FIXED_POOLS_MB MB on 'main'"
  local c
  for c in mvn curl openssl unzip tar setsid pgrep; do
    command -v "$c" >/dev/null || die "$c is required"
  done
  java_home
  build_war
  prepare_kit
  prepare_tomcat
  secrets
  prepare_node 1 "$NODE1_PORT"
  prepare_node 2 "$NODE2_PORT"
  # what `status` shows later, whatever the environment then says
  printf 'RUN_NODE1_PORT=%s\nRUN_NODE2_PORT=%s\nRUN_CLUSTER_URI=%s\n' "$NODE1_PORT" "$NODE2_PORT" "$CLUSTER_URI" \
    >"$CLUSTER_DIR/run.env"

  # from here on a failure stops what was started
  trap 'rc=$?; if [ "$rc" != 0 ]; then log "stopping what was started"; do_stop || true; fi' EXIT
  start_terracotta
  # node 1 first: it reserves the pools and pre-renders into the shared tier; node 2 then finds
  # the pre-rendered pages there
  start_node 1 "$NODE1_PORT"
  wait_node_ready 1 "$NODE1_PORT"
  start_node 2 "$NODE2_PORT"
  wait_node_ready 2 "$NODE2_PORT"
  trap - EXIT
  summary
}

summary() {
  local self=$0 n1=http://localhost:$NODE1_PORT n2=http://localhost:$NODE2_PORT
  cat <<EOF

model-pages cluster is up (work directory $CLUSTER_DIR)
  node 1      $n1/models     (logs: $CLUSTER_DIR/node1/logs/catalina.out)
  node 2      $n2/models     (logs: $CLUSTER_DIR/node2/logs/catalina.out)
  Terracotta  $CLUSTER_URI   (main:${TC_OFFHEAP_MB}MB; log: $TC_DIR/server.out)
  admin token MODEL_PAGES_ADMIN_TOKEN=$MODEL_PAGES_ADMIN_TOKEN
  webhook     MODEL_WEBHOOK_SECRET=$MODEL_WEBHOOK_SECRET
  (both kept in $CLUSTER_DIR/secrets.env)

A page rendered on node 1 is a HIT on node 2:
  curl -s -o /dev/null -D - $n1/models/openai/gpt-4o | grep -i x-cache
  curl -s -o /dev/null -D - $n2/models/openai/gpt-4o | grep -i x-cache   # X-Cache: HIT

A signed webhook sent to node 1, served by node 2:
  SECRET='$MODEL_WEBHOOK_SECRET'
  BODY='{"gateway":"xai","event_type":"models.added","timestamp":'"\$(date +%s)"',"models":[{"id":"xai/grok-test","name":"Grok Test","context_length":131072,"pricing":{"prompt":"0.000003","completion":"0.000015"}}]}'
  SIG=\$(printf '%s' "\$BODY" | openssl dgst -sha256 -hmac "\$SECRET" -hex | sed 's/^.* //')
  curl -s -X POST $n1/api/webhooks/models-updated \\
    -H 'Content-Type: application/json' -H "x-webhook-signature: \$SIG" --data-binary "\$BODY"
  curl -s -o /dev/null -w '%{http_code}\n' $n2/models/xai/grok-test   # 200

Status: $self status
Stop:   $self stop      (both nodes cleanly, then Terracotta)
EOF
}

do_status() {
  local rc=0 n port base pid code tc
  local RUN_NODE1_PORT=$NODE1_PORT RUN_NODE2_PORT=$NODE2_PORT RUN_CLUSTER_URI=$CLUSTER_URI
  # shellcheck disable=SC1091
  [ -r "$CLUSTER_DIR/run.env" ] && . "$CLUSTER_DIR/run.env"
  tc=$(read_pid "$TC_DIR/server.pid")
  if alive "$tc"; then
    echo "Terracotta  running  pid $tc  $RUN_CLUSTER_URI"
  else
    echo "Terracotta  stopped"
    rc=3
  fi
  for n in 1 2; do
    port=$RUN_NODE1_PORT
    [ "$n" = 2 ] && port=$RUN_NODE2_PORT
    base=$CLUSTER_DIR/node$n
    pid=$(read_pid "$base/tomcat.pid")
    if alive "$pid"; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/health/ready" || true)
      echo "node $n      running  pid $pid  http://localhost:$port  /health/ready: $code"
      [ "$code" = 200 ] || rc=3
    else
      echo "node $n      stopped"
      rc=3
    fi
  done
  return "$rc"
}

case "${1:-start}" in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  restart)
    do_stop
    do_start
    ;;
  -h | --help | help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (start, stop, status, restart)" ;;
esac
