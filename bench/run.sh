#!/usr/bin/env bash
# The benchmark harness of issue 7: builds the WAR, runs it on a throw-away Tomcat 11.0.24 with the
# public snapshots of ../shared/reference-data as gateways, measures every figure of the issue's
# table in one run and writes bench/RESULTS.md. See bench/README.md.
#
# Usage: bench/run.sh          (from anywhere; about 8-12 minutes on 2 cores)
# Knobs (environment): BENCH_PORT (18480), BENCH_SHUTDOWN_PORT (18485), BENCH_SKIP_BUILD=1 (use
# target/model-pages.war as it is), BENCH_JFR=0 (no profile), BENCH_QUIET_WAIT (120: seconds to wait
# for a 1-minute load average below 1.0 before starting), BENCH_KEEP=1 (keep the temp dir),
# BENCH_REFERENCE_DATA (../shared/reference-data), BENCH_VARNISH_PORT (18490) and
# BENCH_VARNISH_ADMIN_PORT (18491) for the Varnish phase (skipped when varnishd or its xkey vmod is
# missing), BENCH_PHASES (all: openrouter,deploy,stale,modelsdev,zipf,varnish,identity,cluster,scale; a
# subset runs only those, makes the OpenRouter catalog first when a phase needs it, and writes its
# table to the temp dir only, never to bench/RESULTS.md), BENCH_STALE_REVALIDATE (5),
# BENCH_STALE_PERIODS (6), BENCH_CLUSTER_PORTS (18500-18539: the Terracotta servers and fault proxies
# of the cluster phase), BENCH_CLUSTER_ROUNDS (12) and BENCH_SCALE_MODELS (100000: the generated
# catalog of the scale phase), BENCH_SCALE_HOOKS (200 measured webhooks) and BENCH_SCALE_SAMPLE
# (100 changed and 100 other pages checked after the 1% refresh).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
REF=${BENCH_REFERENCE_DATA:-$ROOT/../shared/reference-data}
PORT=${BENCH_PORT:-18480}
SHUTDOWN_PORT=${BENCH_SHUTDOWN_PORT:-18485}
VARNISH_PORT=${BENCH_VARNISH_PORT:-18490}
VARNISH_ADMIN_PORT=${BENCH_VARNISH_ADMIN_PORT:-18491}
VARNISH_PID=""
BASE=http://127.0.0.1:$PORT
TOMCAT_VERSION=11.0.24
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-180}
MODELSDEV_TIMEOUT=${BENCH_MODELSDEV_TIMEOUT:-900}
QUIET_WAIT=${BENCH_QUIET_WAIT:-120}
export BENCH_ADMIN_TOKEN="bench-admin-token-$(date +%s)-$$"
SECRET="bench-webhook-secret-$$"
PY=(python3 "$BENCH_DIR/lib/bench.py")
OR_SNAPSHOT=openrouter-models.2026-05.json
GROQ_SNAPSHOT=groq-models.json
MD_SNAPSHOT=models-dev.2026-06.json
START_SECONDS=$SECONDS

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

WORK=$(mktemp -d /tmp/model-pages-bench.XXXXXX)
RES=$WORK/results
CH=$WORK/apache-tomcat-$TOMCAT_VERSION
PID_FILE=$WORK/tomcat.pid
TOMCAT_PID=""
TOMCAT_NAME=""
mkdir -p "$RES" "$WORK/logs" "$WORK/gw"
: >"$WORK/notes.txt"
: >"$WORK/load.txt"
: >"$WORK/cpu.txt"

note() { echo "$*" >>"$WORK/notes.txt"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_tomcat() {
  [ -n "$TOMCAT_PID" ] || return 0
  log "stopping Tomcat ($TOMCAT_NAME, pid $TOMCAT_PID)"
  CATALINA_PID=$PID_FILE CATALINA_OUT=$WORK/logs/$TOMCAT_NAME.out \
    "$CH/bin/catalina.sh" stop 30 -force >>"$WORK/logs/$TOMCAT_NAME.stop" 2>&1 || true
  if kill -0 "$TOMCAT_PID" 2>/dev/null; then
    kill -9 "$TOMCAT_PID" 2>/dev/null || true
  fi
  local i
  for i in $(seq 50); do
    kill -0 "$TOMCAT_PID" 2>/dev/null || break
    sleep 0.2
  done
  # keep the JUL logs of this start beside catalina.out, for the OutOfMemoryError check
  mkdir -p "$WORK/logs/$TOMCAT_NAME.logs"
  mv "$CH"/logs/* "$WORK/logs/$TOMCAT_NAME.logs/" 2>/dev/null || true
  TOMCAT_PID=""
}

# Stops the varnishd this run started (by its pid, with its worker process).
stop_varnish() {
  [ -n "$VARNISH_PID" ] || return 0
  log "stopping varnishd (pid $VARNISH_PID)"
  pkill -KILL -P "$VARNISH_PID" 2>/dev/null || true
  kill -KILL "$VARNISH_PID" 2>/dev/null || true
  wait "$VARNISH_PID" 2>/dev/null || true
  VARNISH_PID=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_varnish || true
  stop_tomcat || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    log "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  [ "$rc" = 0 ] || log "exit status $rc (no RESULTS.md written unless the run finished)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Other JVMs (Maven builds, test servers) running beside the benchmark, and the load average.
sample_load() {
  local phase=$1 others
  others=$(ps -eo pid=,args= | awk -v me="${TOMCAT_PID:-none}" '
    $1 != me && $2 ~ /(^|\/)java$/ {
      kind = "java"
      if ($0 ~ /plexus-classworlds|maven/) kind = "mvn"
      else if ($0 ~ /surefire|failsafe/) kind = "test-jvm"
      else if ($0 ~ /catalina/) kind = "tomcat"
      else if ($0 ~ /payara/) kind = "payara"
      n[kind]++
    }
    END { for (k in n) printf "%s%s×%d", (s++ ? ", " : ""), k, n[k] }')
  echo "$phase|$(cut -d' ' -f1-3 /proc/loadavg)|${others:-none}" >>"$WORK/load.txt"
}

# The speed of one core now: a fixed Python loop (2·10⁷ additions), timed three times. This VM's cores run the
# same work up to a third slower from one hour to the next; figures of runs are compared through it.
cpu_reference() {
  python3 -c 'import time
def once():
    t = time.perf_counter(); s = 0
    for i in range(2 * 10**7): s += i
    return f"{time.perf_counter() - t:.2f}"
print(" / ".join(once() for _ in range(3)))' | sed "s/^/$1|/" >>"$WORK/cpu.txt"
}

# ------------------------------------------------------------------ prerequisites
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v hey >/dev/null || missing+=(hey)
  [ -x /usr/sbin/varnishd ] || missing+=(varnish)
  ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing+=(varnish-modules)
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    log "installing ${missing[*]} from Debian"
    $sudo apt-get update -qq >/dev/null || die "apt-get update failed"
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      die "apt-get install ${missing[*]} failed"
  fi
  local c
  for c in java jcmd jfr mvn curl openssl python3 unzip git wrk hey; do
    command -v "$c" >/dev/null || die "$c is required (see bench/README.md)"
  done
  local f
  for f in "$OR_SNAPSHOT" "$GROQ_SNAPSHOT" "$MD_SNAPSHOT"; do
    [ -r "$REF/$f" ] || die "missing $REF/$f (set BENCH_REFERENCE_DATA)"
  done
}

wait_for_quiet() {
  local what=${1:-the run} waited=0 load
  while :; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" 'BEGIN { exit !(l < 1.0) }'; then
      log "load average $load: starting"
      return 0
    fi
    if [ "$waited" -ge "$QUIET_WAIT" ]; then
      log "load average still $load after ${waited}s: starting anyway (noted in RESULTS.md)"
      note "the machine was busy at the start of $what (1-minute load average $load after waiting ${waited} s)"
      return 0
    fi
    log "load average $load: waiting for a quieter moment"
    sleep 10
    waited=$((waited + 10))
  done
}

# ------------------------------------------------------------------ build and Tomcat
build() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    log "BENCH_SKIP_BUILD=1: using target/model-pages.war as it is"
  else
    log "building the WAR (mvn -B -q package -DskipTests)"
    (cd "$ROOT" && mvn -B -q package -DskipTests) >"$WORK/logs/build.log" 2>&1 ||
      {
        tail -30 "$WORK/logs/build.log" >&2
        die "the WAR does not build"
      }
  fi
  [ -f "$ROOT/target/model-pages.war" ] || die "no target/model-pages.war"
  cp "$ROOT/target/model-pages.war" "$WORK/model-pages.war"

  log "preparing Tomcat $TOMCAT_VERSION in $WORK"
  mvn -B -q dependency:copy -Dartifact=org.apache.tomcat:tomcat:$TOMCAT_VERSION:zip \
    -DoutputDirectory="$WORK" >"$WORK/logs/tomcat-zip.log" 2>&1 ||
    {
      tail -20 "$WORK/logs/tomcat-zip.log" >&2
      die "cannot get org.apache.tomcat:tomcat:$TOMCAT_VERSION:zip"
    }
  unzip -q "$WORK/tomcat-$TOMCAT_VERSION.zip" -d "$WORK"
  chmod +x "$CH"/bin/*.sh
  rm -rf "$CH"/webapps/*
  cp "$WORK/model-pages.war" "$CH/webapps/ROOT.war"
  sed -i "s/port=\"8080\"/port=\"$PORT\"/; s/port=\"8005\"/port=\"$SHUTDOWN_PORT\"/" "$CH/conf/server.xml"
  grep -q "port=\"$PORT\"" "$CH/conf/server.xml" || die "could not set the HTTP port in server.xml"
  cp "$REF/$OR_SNAPSHOT" "$REF/$GROQ_SNAPSHOT" "$REF/$MD_SNAPSHOT" "$WORK/gw/"
}

# A deploy as on a new server: no exploded WAR, no compiled JSPs.
fresh_deploy() { rm -rf "$CH/webapps/ROOT" "$CH/work/Catalina"; }

# start_tomcat NAME DATA_DIR XMX [NAME=VALUE ...]: writes bin/setenv.sh and starts Tomcat.
start_tomcat() {
  local name=$1 data=$2 xmx=$3
  shift 3
  port_in_use "$PORT" && die "port $PORT is in use (another server?): set BENCH_PORT"
  port_in_use "$SHUTDOWN_PORT" && die "port $SHUTDOWN_PORT is in use: set BENCH_SHUTDOWN_PORT"
  mkdir -p "$data"
  {
    echo "# written by bench/run.sh for the start '$name'"
    echo "export MODEL_PAGES_DATA_DIR='$data'"
    echo "export MODEL_PAGES_ADMIN_TOKEN='$BENCH_ADMIN_TOKEN'"
    echo "export MODEL_WEBHOOK_SECRET='$SECRET'"
    echo "export MODEL_PAGES_PUBLIC_URL='http://localhost:$PORT'"
    echo "export MODEL_PAGES_REFRESH_SECONDS=0"
    local kv
    for kv in "$@"; do echo "export ${kv%%=*}='${kv#*=}'"; done
    echo "CATALINA_OPTS=\"-Xms256m -Xmx$xmx ${BENCH_JAVA_OPTS:-}\""
    echo "export CATALINA_OPTS"
  } >"$CH/bin/setenv.sh"
  rm -f "$PID_FILE"
  TOMCAT_NAME=$name
  log "starting Tomcat '$name' (-Xmx$xmx) on port $PORT"
  CATALINA_PID=$PID_FILE CATALINA_OUT=$WORK/logs/$name.out "$CH/bin/catalina.sh" start \
    >"$WORK/logs/$name.start" 2>&1 || die "catalina.sh start failed: $(cat "$WORK/logs/$name.start")"
  local i
  for i in $(seq 50); do
    [ -s "$PID_FILE" ] && break
    sleep 0.1
  done
  TOMCAT_PID=$(cat "$PID_FILE")
  sample_load "$name"
}

# wait_ready TIMEOUT: 0 when /health/ready answers 200; dies when Tomcat exits; 1 on timeout.
wait_ready() {
  local timeout=$1 start=$SECONDS code
  while [ $((SECONDS - start)) -lt "$timeout" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/health/ready" || true)
    [ "$code" = 200 ] && return 0
    if ! kill -0 "$TOMCAT_PID" 2>/dev/null; then
      tail -40 "$WORK/logs/$TOMCAT_NAME.out" >&2 || true
      die "Tomcat '$TOMCAT_NAME' exited before it was ready"
    fi
    sleep 0.5
  done
  return 1
}

ready_or_die() {
  wait_ready "${1:-$READY_TIMEOUT}" || {
    tail -40 "$WORK/logs/$TOMCAT_NAME.out" >&2 || true
    die "Tomcat '$TOMCAT_NAME' not ready within ${1:-$READY_TIMEOUT} s ($(curl -s --max-time 5 "$BASE/health/ready" || true))"
  }
}

refresh() {
  local label=$1
  "${PY[@]}" refresh --base "$BASE" >"$RES/refresh_$label.json" || die "gateway refresh ($label) failed"
  python3 - "$RES/refresh_$label.json" <<'EOF' >&2
import json, sys
r = json.load(open(sys.argv[1]))
print(f"[bench] refresh: catalog {r['models']} models; " + ", ".join(
    f"{g['id']} {g['result']} {g['models']}" for g in r["gateways"]))
if r.get("error") or any(g["result"] != "ok" for g in r["gateways"]):
    sys.exit("a gateway failed: " + json.dumps(r))
EOF
}

jget() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

# ------------------------------------------------------------------ phases
# A: cold renders, stored bytes, single flight, webhook (OpenRouter + Groq, nothing pre-rendered)
phase_openrouter() {
  local gw=(MODEL_PAGES_GATEWAYS_ENABLED=openrouter,groq
    "MODEL_PAGES_GATEWAY_OPENROUTER_URL=file:$WORK/gw/$OR_SNAPSHOT"
    "MODEL_PAGES_GATEWAY_GROQ_URL=file:$WORK/gw/$GROQ_SNAPSHOT"
    GROQ_API_KEY=unused-with-a-file-url
    MODEL_PAGES_CACHE_HEAP_ENTRIES=10000)
  start_tomcat openrouter "$WORK/data-a" 1g "${gw[@]}" MODEL_PAGES_PRERENDER_LIMIT=0
  ready_or_die
  # twice: a model leaves the catalog only when dropped by two refreshes (the bundled curated
  # models that the snapshots do not list)
  refresh a1
  refresh a2
  "${PY[@]}" ids --base "$BASE" --gateway openrouter --output "$WORK/openrouter.paths" >"$RES/ids_openrouter.json"
  "${PY[@]}" ids --base "$BASE" --gateway groq --only-gateway --output "$WORK/groq.paths" >"$RES/ids_groq.json"
  local pages groq_pages snapshot
  pages=$(jget "$RES/ids_openrouter.json" pages)
  groq_pages=$(jget "$RES/ids_groq.json" pages)
  snapshot=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["data"] if isinstance(d,dict) else d))' "$REF/$OR_SNAPSHOT")
  [ "$groq_pages" -ge 2 ] || die "need two Groq-only models (JSP warm-up, single flight); got $groq_pages"
  if [ "$pages" != "$snapshot" ]; then
    note "the OpenRouter snapshot lists $snapshot ids; the application serves $pages model pages for them (\`GET /api/models?gateway=openrouter\`): the others are folded into another page by canonical slug (\`:free\`/\`:thinking\` variants) and answer 404/410 — the cold-render and size figures cover the $pages pages"
  fi

  log "JSP warm-up on a Groq-only page (not one of the measured pages)"
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$BASE$(sed -n 1p "$WORK/groq.paths")"

  log "single flight: 200 concurrent first requests to $(sed -n 2p "$WORK/groq.paths")"
  "${PY[@]}" concurrent --base "$BASE" --path "$(sed -n 2p "$WORK/groq.paths")" --n 200 >"$RES/concurrent.json"

  log "cold renders: the first request of each of the $pages OpenRouter pages, then their gzip HIT sizes"
  sample_load cold-renders
  "${PY[@]}" cold --base "$BASE" --paths "$WORK/openrouter.paths" >"$RES/cold.json"

  log "webhook: 150 signed price changes to warm up, then 50 measured"
  "${PY[@]}" webhook --base "$BASE" --paths "$WORK/openrouter.paths" --secret "$SECRET" \
    --warmup 150 --tries 50 --skip 100 >"$RES/webhook.json"
  stop_tomcat
  cp "$WORK/data-a/catalog.json" "$WORK/catalog-openrouter.json"
}

# B: a deploy with the stored OpenRouter + Groq catalog: top-50 pre-render, HIT throughput and
# latency against DefaultServlet, JFR of the HIT path
phase_deploy() {
  ensure_openrouter_catalog
  mkdir -p "$WORK/data-b"
  cp "$WORK/catalog-openrouter.json" "$WORK/data-b/catalog.json"
  fresh_deploy
  start_tomcat deploy "$WORK/data-b" 1g MODEL_PAGES_GATEWAYS_ENABLED=openrouter,groq \
    "MODEL_PAGES_GATEWAY_OPENROUTER_URL=file:$WORK/gw/$OR_SNAPSHOT" \
    "MODEL_PAGES_GATEWAY_GROQ_URL=file:$WORK/gw/$GROQ_SNAPSHOT" GROQ_API_KEY=unused-with-a-file-url \
    MODEL_PAGES_CACHE_HEAP_ENTRIES=10000 MODEL_PAGES_PRERENDER_LIMIT=50
  ready_or_die
  "${PY[@]}" prerender --file "$WORK/logs/deploy.out" >"$RES/prerender50.json"

  local page url static_url
  page=$(sed -n 1p "$WORK/openrouter.paths")
  url=$BASE$page
  curl -s -D "$WORK/hit.headers" -o "$WORK/page.html.gz" -H 'Accept-Encoding: gzip' "$url"
  grep -qi '^x-cache: HIT' "$WORK/hit.headers" || die "$page is not a HIT after pre-render: $(cat "$WORK/hit.headers")"
  grep -qi '^content-encoding: gzip' "$WORK/hit.headers" || die "$page HIT is not gzip"
  local app_len static_len
  app_len=$(awk 'tolower($1) == "content-length:" { print $2 + 0 }' "$WORK/hit.headers")

  log "deploying webapps/static (DefaultServlet, precompressed=true) with the gzip bytes of $page"
  mkdir -p "$WORK/stage/static/WEB-INF"
  cp "$WORK/page.html.gz" "$WORK/stage/static/page.html.gz"
  gzip -dc "$WORK/page.html.gz" >"$WORK/stage/static/page.html"
  cat >"$WORK/stage/static/WEB-INF/web.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
         version="6.0">
  <!-- Tomcat's DefaultServlet serving page.html.gz for page.html to clients that accept gzip -->
  <servlet>
    <servlet-name>default</servlet-name>
    <servlet-class>org.apache.catalina.servlets.DefaultServlet</servlet-class>
    <init-param><param-name>precompressed</param-name><param-value>true</param-value></init-param>
    <init-param><param-name>listings</param-name><param-value>false</param-value></init-param>
    <load-on-startup>1</load-on-startup>
  </servlet>
  <servlet-mapping>
    <servlet-name>default</servlet-name>
    <url-pattern>/</url-pattern>
  </servlet-mapping>
</web-app>
EOF
  mv "$WORK/stage/static" "$CH/webapps/static" # picked up by Tomcat's auto-deploy
  static_url=$BASE/static/page.html
  local i code=000
  for i in $(seq 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$static_url" || true)
    [ "$code" = 200 ] && break
    sleep 0.5
  done
  [ "$code" = 200 ] || die "the static webapp was not deployed within 60 s ($static_url: $code)"
  curl -s -D "$WORK/static.headers" -o /dev/null -H 'Accept-Encoding: gzip' "$static_url"
  grep -qi '^content-encoding: gzip' "$WORK/static.headers" ||
    die "DefaultServlet does not answer Content-Encoding: gzip: $(cat "$WORK/static.headers")"
  static_len=$(awk 'tolower($1) == "content-length:" { print $2 + 0 }' "$WORK/static.headers")
  [ "$app_len" = "$static_len" ] || die "static Content-Length $static_len != app HIT $app_len"
  printf '{"path": "%s", "bytes": %s, "static_bytes": %s, "identity_bytes": %s}\n' "$page" "$app_len" \
    "$static_len" "$(gzip -dc "$WORK/page.html.gz" | wc -c)" >"$RES/hitpage.json"
  log "same gzip bytes: app HIT $app_len B, DefaultServlet $static_len B, both Content-Encoding: gzip"

  log "HIT throughput: warm-up 5 s each, then wrk -t2 -c64 -d10s on the app and on DefaultServlet"
  wrk -t2 -c64 -d5s -H 'Accept-Encoding: gzip' "$url" >/dev/null
  wrk -t2 -c64 -d5s -H 'Accept-Encoding: gzip' "$static_url" >/dev/null
  sample_load hit-throughput
  wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$url" >"$WORK/logs/wrk_app.txt"
  wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$static_url" >"$WORK/logs/wrk_static.txt"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_app.txt" >"$RES/wrk_app.json"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_static.txt" >"$RES/wrk_static.json"
  log "identity HIT: the same page without Accept-Encoding (warm-up 5 s, then wrk -t2 -c64 -d10s)"
  wrk -t2 -c64 -d5s "$url" >/dev/null
  wrk -t2 -c64 -d10s --latency "$url" >"$WORK/logs/wrk_identity.txt"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_identity.txt" >"$RES/wrk_identity.json"

  local rate per_worker
  rate=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["rps"] / 2))' "$RES/wrk_app.json")
  per_worker=$(python3 -c "print(round($rate / 64, 2))")
  echo "$rate" >"$WORK/hey_rate"
  log "HIT latency at a fixed $rate req/s: hey -z 10s -c 64 -q $per_worker (app, then DefaultServlet for reference)"
  hey -z 10s -c 64 -q "$per_worker" -H 'Accept-Encoding: gzip' "$url" >"$WORK/logs/hey_app.txt"
  hey -z 10s -c 64 -q "$per_worker" -H 'Accept-Encoding: gzip' "$static_url" >"$WORK/logs/hey_static.txt"
  "${PY[@]}" hey --file "$WORK/logs/hey_app.txt" >"$RES/hey_app.json"
  "${PY[@]}" hey --file "$WORK/logs/hey_static.txt" >"$RES/hey_static.json"
  paced_latency "$url" "$static_url" "$rate" paced ""
  pinned_hit_latency "$url" "$static_url"
  tomcat_rss hit

  if [ "${BENCH_JFR:-1}" = 1 ]; then
    log "JFR: a separate 10 s wrk HIT run with a profile recording (not part of the figures)"
    jcmd "$TOMCAT_PID" JFR.start name=bench settings=profile >"$WORK/logs/jfr.log" 2>&1
    wrk -t2 -c64 -d10s -H 'Accept-Encoding: gzip' "$url" >"$WORK/logs/wrk_jfr.txt"
    jcmd "$TOMCAT_PID" JFR.stop name=bench filename="$WORK/hit.jfr" >>"$WORK/logs/jfr.log" 2>&1
    "${PY[@]}" jfrhot --file "$WORK/hit.jfr" >"$RES/jfr.json" || note "JFR analysis failed"
  fi
  stop_tomcat
  rm -rf "$CH/webapps/static"
}

# The HIT latency with the server and the load generator on separate cores (issue 18): Tomcat's
# threads pinned to core 0 (taskset -a -p), wrk and hey to core 1; the peak rate of each URL by
# wrk, then hey at half the app's peak against both. Affinity restored after.
pinned_hit_latency() {
  local url=$1 static_url=$2 cores rate per_worker
  cores=$(nproc)
  if ! command -v taskset >/dev/null || [ "$cores" -lt 2 ]; then
    note "HIT latency on separate cores not measured: needs taskset and 2 cores (have $cores)"
    return 0
  fi
  log "HIT latency on separate cores: Tomcat on core 0, wrk/hey on core 1"
  taskset -a -p -c 0 "$TOMCAT_PID" >/dev/null
  taskset -c 1 wrk -t1 -c64 -d5s -H 'Accept-Encoding: gzip' "$url" >/dev/null
  taskset -c 1 wrk -t1 -c64 -d5s -H 'Accept-Encoding: gzip' "$static_url" >/dev/null
  sample_load hit-pinned
  taskset -c 1 wrk -t1 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$url" >"$WORK/logs/wrk_pinned_app.txt"
  taskset -c 1 wrk -t1 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$static_url" >"$WORK/logs/wrk_pinned_static.txt"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_pinned_app.txt" >"$RES/wrk_pinned_app.json"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_pinned_static.txt" >"$RES/wrk_pinned_static.json"
  rate=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["rps"] / 2))' "$RES/wrk_pinned_app.json")
  per_worker=$(python3 -c "print(round($rate / 64, 2))")
  echo "{\"rate\": $rate}" >"$RES/pinned_rate.json"
  log "pinned: hey -z 10s -c 64 -q $per_worker ($rate req/s) on the app, then on DefaultServlet"
  taskset -c 1 hey -z 10s -c 64 -q "$per_worker" -H 'Accept-Encoding: gzip' "$url" >"$WORK/logs/hey_pinned_app.txt"
  taskset -c 1 hey -z 10s -c 64 -q "$per_worker" -H 'Accept-Encoding: gzip' "$static_url" >"$WORK/logs/hey_pinned_static.txt"
  "${PY[@]}" hey --file "$WORK/logs/hey_pinned_app.txt" >"$RES/hey_pinned_app.json"
  "${PY[@]}" hey --file "$WORK/logs/hey_pinned_static.txt" >"$RES/hey_pinned_static.json"
  paced_latency "$url" "$static_url" "$rate" paced_pinned "taskset -c 1"
  taskset -a -p -c "0-$((cores - 1))" "$TOMCAT_PID" >/dev/null
}

# paced_latency URL STATIC_URL RATE LABEL PREFIX: the HIT latency at RATE req/s with spread arrivals
# (bench/lib/paced.lua: wrk -c64, each connection pausing a random time before each request), on the
# app, then on DefaultServlet at the same pacing. hey -q ticks its 64 workers together, so its
# requests arrive in bursts of 64: its p99 is mostly the wait behind a burst. The pause is calibrated
# on the app (3 s runs) until wrk's rate is within 3% of RATE.
paced_latency() {
  local url=$1 static_url=$2 rate=$3 label=$4 prefix=$5 pace got i
  local lua=$BENCH_DIR/lib/paced.lua
  if [ "${rate:-0}" -le 0 ]; then
    note "HIT latency with spread arrivals ($label) not measured: no peak rate to halve"
    return 0
  fi
  pace=$(python3 -c "print(round(64000 / $rate, 3))")
  for i in 1 2 3; do
    got=$($prefix env PACE_MS="$pace" wrk -t1 -c64 -d3s -s "$lua" -H 'Accept-Encoding: gzip' "$url" |
      awk '/Requests\/sec/ { print $2 }' || true)
    [ -n "$got" ] && awk -v g="$got" 'BEGIN { exit !(g > 0) }' || break # no rate: keep the pause
    # wrk's rate is 64 / (pause + latency): keep the latency it showed, solve for the pause
    awk -v g="$got" -v r="$rate" 'BEGIN { d = g / r - 1; exit !(d < 0.03 && d > -0.03) }' && break
    pace=$(python3 -c "print(round(max(0.2, 64000 / $rate - (64000 / $got - $pace)), 3))")
  done
  log "HIT latency with spread arrivals ($label): ~$rate req/s, each connection pausing 0..$(python3 -c "print(round(2 * $pace, 3))") ms"
  $prefix env PACE_MS="$pace" wrk -t1 -c64 -d10s --latency -s "$lua" -H 'Accept-Encoding: gzip' "$url" \
    >"$WORK/logs/wrk_${label}_app.txt"
  $prefix env PACE_MS="$pace" wrk -t1 -c64 -d10s --latency -s "$lua" -H 'Accept-Encoding: gzip' "$static_url" \
    >"$WORK/logs/wrk_${label}_static.txt"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_${label}_app.txt" >"$RES/wrk_${label}_app.json"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_${label}_static.txt" >"$RES/wrk_${label}_static.json"
  echo "{\"rate\": $rate, \"pace_ms\": $pace}" >"$RES/${label}_rate.json"
}

# thread_cpu PID LOAD: the CPU seconds the JVM's threads used so far, by kind (JIT compilers, GC,
# the start's main thread, the rest), and the load average before it started: what a start took.
thread_cpu() {
  python3 - "$1" "$2" <<'PY'
import glob, json, os, sys
pid, load = sys.argv[1], float(sys.argv[2])
tick = os.sysconf("SC_CLK_TCK")
kinds = {}
for task in glob.glob(f"/proc/{pid}/task/*"):
    try:
        name = open(task + "/comm").read().strip()
        fields = open(task + "/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        continue
    seconds = (int(fields[11]) + int(fields[12])) / tick
    kind = ("jit" if "Compiler" in name else "gc" if name.startswith(("GC ", "G1 ")) else
            "main" if name == "java" else "other")
    kinds[kind] = kinds.get(kind, 0) + seconds
# the process's own counters include the threads that have exited (the memo thread, pre-renderers)
fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
total = (int(fields[11]) + int(fields[12])) / tick
kinds["exited"] = max(0.0, total - sum(kinds.values()))
print(json.dumps({"load_at_start": load, "cpu_s": {k: round(v, 2) for k, v in kinds.items()},
                  "cpu_total_s": round(total, 2), "cores": os.cpu_count()}))
PY
}

# The resident set of the running Tomcat (VmRSS of /proc/<pid>/status) and its heap and metaspace
# (jcmd GC.heap_info), after the HIT runs: the figure beside the Next.js peer's ~240 MiB.
tomcat_rss() {
  local label=$1
  awk '/^VmRSS:/ { print $2 }' "/proc/$TOMCAT_PID/status" >"$WORK/rss_kb"
  jcmd "$TOMCAT_PID" GC.heap_info >"$WORK/logs/heap_info_$label.txt" 2>&1 || true
  "${PY[@]}" rss --kb "$(cat "$WORK/rss_kb")" --heap-info "$WORK/logs/heap_info_$label.txt" \
    --xmx 1g --xms 256m --log "$WORK/logs/$TOMCAT_NAME.out" >"$RES/rss.json"
}

# The OpenRouter + Groq catalog and its page list, when phase A did not run (BENCH_PHASES): one
# start, two refreshes, nothing measured.
ensure_openrouter_catalog() {
  [ -f "$WORK/catalog-openrouter.json" ] && return 0
  start_tomcat openrouter-catalog "$WORK/data-a" 1g MODEL_PAGES_GATEWAYS_ENABLED=openrouter,groq \
    "MODEL_PAGES_GATEWAY_OPENROUTER_URL=file:$WORK/gw/$OR_SNAPSHOT" \
    "MODEL_PAGES_GATEWAY_GROQ_URL=file:$WORK/gw/$GROQ_SNAPSHOT" GROQ_API_KEY=unused-with-a-file-url \
    MODEL_PAGES_PRERENDER_LIMIT=0
  ready_or_die
  refresh a1
  refresh a2
  "${PY[@]}" ids --base "$BASE" --gateway openrouter --output "$WORK/openrouter.paths" >"$RES/ids_openrouter.json"
  stop_tomcat
  cp "$WORK/data-a/catalog.json" "$WORK/catalog-openrouter.json"
}

# S: popular pages are never served STALE. The stored OpenRouter + Groq catalog, top 50
# pre-rendered, a short revalidate period; for several periods a client asks for each popular page
# every 0.25 s and for 50 other pages every 1 s (the popular ones stay the most viewed), counting
# X-Cache answers per group.
phase_stale() {
  ensure_openrouter_catalog
  local revalidate=${BENCH_STALE_REVALIDATE:-5} periods=${BENCH_STALE_PERIODS:-6}
  mkdir -p "$WORK/data-s"
  cp "$WORK/catalog-openrouter.json" "$WORK/data-s/catalog.json"
  start_tomcat stale "$WORK/data-s" 1g MODEL_PAGES_GATEWAYS_ENABLED=openrouter,groq \
    "MODEL_PAGES_GATEWAY_OPENROUTER_URL=file:$WORK/gw/$OR_SNAPSHOT" \
    "MODEL_PAGES_GATEWAY_GROQ_URL=file:$WORK/gw/$GROQ_SNAPSHOT" GROQ_API_KEY=unused-with-a-file-url \
    MODEL_PAGES_CACHE_HEAP_ENTRIES=10000 MODEL_PAGES_PRERENDER_LIMIT=50 \
    MODEL_PAGES_REVALIDATE_SECONDS="$revalidate"
  ready_or_die
  log "STALE answers: popular (pre-rendered) pages every 0.25 s, 50 others every 1 s, for $periods periods of $revalidate s"
  sample_load stale
  "${PY[@]}" stale --base "$BASE" --paths "$WORK/openrouter.paths" --unpopular 50 \
    --seconds $((revalidate * periods)) --revalidate "$revalidate" >"$RES/stale.json"
  stop_tomcat
}

# C: every distinct model of the models.dev snapshot pre-rendered at start-up with -Xmx512m
phase_modelsdev() {
  local gw=(MODEL_PAGES_GATEWAYS_ENABLED=models-dev
    "MODEL_PAGES_GATEWAY_MODELS_DEV_URL=file:$WORK/gw/$MD_SNAPSHOT"
    MODEL_PAGES_CACHE_HEAP_ENTRIES=10000)
  start_tomcat models-dev-catalog "$WORK/data-c1" 1g "${gw[@]}" MODEL_PAGES_PRERENDER_LIMIT=0
  ready_or_die
  refresh c1
  refresh c2
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(json.dumps({"catalog": r["models"]}))' \
    "$RES/refresh_c2.json" >"$RES/modelsdev_catalog.json"
  stop_tomcat

  mkdir -p "$WORK/data-c2"
  cp "$WORK/data-c1/catalog.json" "$WORK/data-c2/catalog.json"
  fresh_deploy
  start_tomcat models-dev-512m "$WORK/data-c2" 512m "${gw[@]}" MODEL_PAGES_PRERENDER_LIMIT=100000
  log "waiting for the pre-render of every models.dev model (up to $MODELSDEV_TIMEOUT s)"
  local status=ok
  if ! wait_ready "$MODELSDEV_TIMEOUT"; then
    status="not ready within $MODELSDEV_TIMEOUT s: $(curl -s --max-time 5 "$BASE/health/ready" || true)"
    log "$status"
  fi
  sample_load models-dev-prerender
  stop_tomcat
  "${PY[@]}" prerender --file "$WORK/logs/models-dev-512m.out" --logs "$WORK/logs/models-dev-512m.logs" \
    >"$RES/prerender_modelsdev.json"
  if [ "$status" != ok ]; then
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); r["found"]=False; r["error"]=sys.argv[2]; print(json.dumps(r))' \
      "$RES/prerender_modelsdev.json" "$status" >"$RES/tmp.json" && mv "$RES/tmp.json" "$RES/prerender_modelsdev.json"
  fi
}

# D: hit ratio with Zipf(s=1) over 5,000 pages and one tag purge per second for 60 s
phase_zipf() {
  "${PY[@]}" genlist --snapshot "$REF/$OR_SNAPSHOT" --output "$WORK/gw/openrouter-5000.json" --count 5000 \
    >"$RES/genlist.json"
  start_tomcat zipf "$WORK/data-d" 1g MODEL_PAGES_GATEWAYS_ENABLED=openrouter \
    "MODEL_PAGES_GATEWAY_OPENROUTER_URL=file:$WORK/gw/openrouter-5000.json" \
    MODEL_PAGES_CACHE_HEAP_ENTRIES=10000 MODEL_PAGES_PRERENDER_LIMIT=0
  ready_or_die
  refresh d1
  "${PY[@]}" ids --base "$BASE" --gateway openrouter --output "$WORK/zipf-all.paths" >"$RES/ids_zipf.json"
  local pages
  pages=$(jget "$RES/ids_zipf.json" pages)
  [ "$pages" -ge 5000 ] || die "the generated gateway gave $pages model pages, not 5,000"
  "${PY[@]}" zipfpaths --paths "$WORK/zipf-all.paths" --output "$WORK/zipf.paths" --count 5000 >/dev/null
  log "warming the 5,000 pages (one request each)"
  "${PY[@]}" warm --base "$BASE" --paths "$WORK/zipf.paths" --threads 4 >"$RES/zipf_warm.json"
  "${PY[@]}" cachestats --base "$BASE" >"$RES/zipf_before.json"
  log "60 s of wrk -t2 -c64 with Zipf(s=1) keys and one tag purge per second"
  sample_load zipf
  "${PY[@]}" purger --base "$BASE" --paths "$WORK/zipf.paths" --seconds 60 >"$RES/zipf_purger.json" &
  local purger=$!
  wrk -t2 -c64 -d60s -H 'Accept-Encoding: gzip' -s "$BENCH_DIR/lib/zipf.lua" "$BASE/" \
    -- "$WORK/zipf.paths" 1 42 >"$WORK/logs/wrk_zipf.txt"
  wait "$purger" || die "the purger failed"
  "${PY[@]}" cachestats --base "$BASE" >"$RES/zipf_after.json"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_zipf.txt" >"$RES/zipf_wrk.json"
  "${PY[@]}" zipfresult --before "$RES/zipf_before.json" --after "$RES/zipf_after.json" \
    --wrk "$RES/zipf_wrk.json" --purger "$RES/zipf_purger.json" --warm "$RES/zipf_warm.json" >"$RES/zipf.json"
  stop_tomcat
}

# E: Varnish with server-config/varnish/default.vcl in front of the deploy start's catalog: HIT
# through Varnish against the application directly, and webhook → fresh page through Varnish
# (the purge forwarded by the application through its outbox).
phase_varnish() {
  if [ ! -x /usr/sbin/varnishd ] || ! ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then
    echo '{"reason": "not measured: varnishd or its xkey vmod is missing"}' >"$RES/varnish_skipped.json"
    return 0
  fi
  port_in_use "$VARNISH_PORT" && die "port $VARNISH_PORT is in use: set BENCH_VARNISH_PORT"
  ensure_openrouter_catalog
  mkdir -p "$WORK/data-e" "$WORK/varnish"
  cp "$WORK/catalog-openrouter.json" "$WORK/data-e/catalog.json"
  start_tomcat varnish "$WORK/data-e" 1g MODEL_PAGES_GATEWAYS_ENABLED=openrouter,groq \
    "MODEL_PAGES_GATEWAY_OPENROUTER_URL=file:$WORK/gw/$OR_SNAPSHOT" \
    "MODEL_PAGES_GATEWAY_GROQ_URL=file:$WORK/gw/$GROQ_SNAPSHOT" GROQ_API_KEY=unused-with-a-file-url \
    MODEL_PAGES_CACHE_HEAP_ENTRIES=10000 MODEL_PAGES_PRERENDER_LIMIT=50 \
    "MODEL_PAGES_EDGE_VARNISH_URLS=http://127.0.0.1:$VARNISH_PORT"
  ready_or_die
  sed "s/\.port = \"8080\";/.port = \"$PORT\";/" "$ROOT/server-config/varnish/default.vcl" >"$WORK/varnish/default.vcl"
  grep -q "\.port = \"$PORT\";" "$WORK/varnish/default.vcl" || die "could not point the VCL's backend at port $PORT"
  log "starting varnishd on port $VARNISH_PORT in front of Tomcat"
  /usr/sbin/varnishd -F -j none -a "127.0.0.1:$VARNISH_PORT" -T "127.0.0.1:$VARNISH_ADMIN_PORT" \
    -f "$WORK/varnish/default.vcl" -s malloc,256m -n "$WORK/varnish/n" >"$WORK/logs/varnishd.log" 2>&1 &
  VARNISH_PID=$!
  local vbase=http://127.0.0.1:$VARNISH_PORT i code=000 page
  for i in $(seq 100); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$vbase/health/live" || true)
    [ "$code" = 200 ] && break
    kill -0 "$VARNISH_PID" 2>/dev/null || die "varnishd exited: $(tail -5 "$WORK/logs/varnishd.log")"
    sleep 0.2
  done
  [ "$code" = 200 ] || die "varnishd did not answer within 20 s"
  page=$(sed -n 1p "$WORK/openrouter.paths")
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$vbase$page"
  curl -s -D "$WORK/varnish.headers" -o /dev/null -H 'Accept-Encoding: gzip' "$vbase$page"
  grep -qiE '^x-varnish: [0-9]+ [0-9]+' "$WORK/varnish.headers" || die "$page is not a Varnish hit: $(cat "$WORK/varnish.headers")"

  log "HIT through Varnish and direct: warm-up 5 s each, then wrk -t2 -c64 -d10s --latency"
  wrk -t2 -c64 -d5s -H 'Accept-Encoding: gzip' "$vbase$page" >/dev/null
  wrk -t2 -c64 -d5s -H 'Accept-Encoding: gzip' "$BASE$page" >/dev/null
  sample_load varnish-hit
  wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$vbase$page" >"$WORK/logs/wrk_varnish.txt"
  wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' "$BASE$page" >"$WORK/logs/wrk_direct.txt"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_varnish.txt" >"$RES/wrk_varnish.json"
  "${PY[@]}" wrk --file "$WORK/logs/wrk_direct.txt" >"$RES/wrk_direct.json"

  log "webhook → page through Varnish: 30 signed price changes to warm up, then 50 measured"
  "${PY[@]}" webhook --base "$BASE" --page-base "$vbase" --paths "$WORK/openrouter.paths" --secret "$SECRET" \
    --warmup 30 --tries 50 --skip 0 >"$RES/webhook_varnish.json"
  stop_varnish
  stop_tomcat
}

# F: issue 14's identity figures: the evaluation set on the full snapshots, the resolver on 100,000
# generated offers (a plain JVM on the test classpath; no server)
phase_identity() {
  log "identity: evaluation on the snapshots and the resolver on 100,000 generated offers"
  (cd "$ROOT" && mvn -B -q test-compile &&
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/identity.classpath") \
    >"$WORK/logs/identity-build.log" 2>&1 || {
    tail -20 "$WORK/logs/identity-build.log" >&2
    die "cannot compile the identity benchmark"
  }
  sample_load identity
  java -Xmx1g -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/identity.classpath")" \
    com.gatewayz.modelpages.catalog.IdentityBench "$WORK/gw/$OR_SNAPSHOT" "$WORK/gw/$GROQ_SNAPSHOT" \
    "$WORK/gw/$MD_SNAPSHOT" "$ROOT/src/test/resources/com/gatewayz/modelpages/catalog/identity" \
    >"$RES/identity.json" 2>"$WORK/logs/identity.log" || {
    tail -20 "$WORK/logs/identity.log" >&2
    die "the identity benchmark failed"
  }
}

# G: issue 15's cluster figures: ClusterFaultsIT alone (a Terracotta server from the kit, two nodes
# in the test JVM, node A behind a fault proxy), run by failsafe's it-cluster execution only (no
# Tomcat, Payara or crash ITs); its log lines hold the figures.
phase_cluster() {
  local ports=${BENCH_CLUSTER_PORTS:-18500-18539} rounds=${BENCH_CLUSTER_ROUNDS:-12}
  local reports=$ROOT/target/failsafe-reports/cluster
  log "cluster: ClusterFaultsIT with $rounds fault rounds, ports $ports (a few minutes)"
  rm -rf "$reports"
  sample_load cluster
  (cd "$ROOT" && mvn -B test-compile failsafe:integration-test@it-cluster -Dit.test=ClusterFaultsIT \
    -Dit.cluster.ports="$ports" -Dit.cluster.rounds="$rounds") >"$WORK/logs/cluster-mvn.log" 2>&1 || {
    tail -30 "$WORK/logs/cluster-mvn.log" >&2
    die "cannot compile or run ClusterFaultsIT (see the log above)"
  }
  cp "$reports"/*ClusterFaultsIT* "$WORK/logs/" 2>/dev/null || true
  "${PY[@]}" cluster --summary "$reports/failsafe-summary.xml" \
    --output "$reports/com.gatewayz.modelpages.isr.ClusterFaultsIT-output.txt" >"$RES/cluster.json"
}

# H: issue 18's scale figures on a generated catalog of BENCH_SCALE_MODELS (100,000) models, one
# gateway (an OpenRouter-format list): a start at 1 GB builds the stored catalog (two refreshes),
# then fresh -Xmx512m starts with only that catalog.json: start to ready, the webhook, uncached
# searches and filtered index pages, a refresh changing 1% of the list; and a start pre-rendering
# 10,000 pages.
phase_scale() {
  local count=${BENCH_SCALE_MODELS:-100000} list=$WORK/gw/scale.json
  local sc=(python3 "$BENCH_DIR/lib/scale.py") parts=4 i
  log "scale: generating a list of $count models ($parts gateways of the OpenRouter format)"
  python3 "$BENCH_DIR/lib/gencatalog.py" list --openrouter "$WORK/gw/$OR_SNAPSHOT" --parts $parts \
    --models-dev "$WORK/gw/$MD_SNAPSHOT" --count "$count" --output "$list" >"$RES/scale_list.json"
  python3 "$BENCH_DIR/lib/gencatalog.py" change --input "$list" --percent 1 --parts $parts \
    --output "$WORK/gw/scale-changed.json" --ids "$WORK/scale-changed.ids" >"$RES/scale_change.json"
  local gw=(MODEL_PAGES_GATEWAYS_FILE="$WORK/gw/scale-gateways.json" MODEL_PAGES_CACHE_HEAP_ENTRIES=12000)
  python3 - "$parts" >"$WORK/gw/scale-gateways.json" <<'PY'
import json, sys
print(json.dumps({"gateways": [{"id": f"scale{i}", "displayName": f"Scale {i}", "listUrl": "https://example.invalid/v1/models",
    "format": "openrouter", "apiKeyEnv": None, "priority": "fast", "order": 10 * i, "enabled": True, "aliases": [],
    "deprecated": False} for i in range(1, int(sys.argv[1]) + 1)]}))
PY
  for i in $(seq $parts); do
    cp "$WORK/gw/scale.$i.json" "$WORK/gw/scale-current.$i.json"
    gw+=("MODEL_PAGES_GATEWAY_SCALE${i}_URL=file:$WORK/gw/scale-current.$i.json")
  done
  start_tomcat scale-catalog "$WORK/data-h1" 1g "${gw[@]}" MODEL_PAGES_PRERENDER_LIMIT=0
  ready_or_die
  refresh h1
  refresh h2
  stop_tomcat

  mkdir -p "$WORK/data-h2"
  cp "$WORK/data-h1/catalog.json" "$WORK/data-h2/catalog.json"
  fresh_deploy
  # The start is CPU-bound on 2 cores (JIT, GC and the merge): timed, like the whole run, once the
  # refreshes of the start before have left the machine quiet.
  wait_for_quiet "the 100k start"
  cpu_reference "before the 100k start"
  local t0 status=ok load_at_start
  load_at_start=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s%N)
  start_tomcat scale-512m "$WORK/data-h2" 512m "${gw[@]}" MODEL_PAGES_PRERENDER_LIMIT=50
  wait_ready "$READY_TIMEOUT" || status="not ready within $READY_TIMEOUT s"
  local ready_ms=$((($(date +%s%N) - t0) / 1000000))
  log "scale: ready after $ready_ms ms ($status)"
  thread_cpu "$TOMCAT_PID" "$load_at_start" >"$RES/scale_start_cpu.json"
  sample_load scale-512m
  if [ "$status" = ok ]; then
    log "scale: webhooks changing one model each"
    "${sc[@]}" hook --base "$BASE" --list "$list" --secret "$SECRET" \
      --tries "${BENCH_SCALE_HOOKS:-200}" --warmup $((${BENCH_SCALE_HOOKS:-200} / 2)) \
      --ids-out "$WORK/scale-hooked.ids" >"$RES/scale_hook.json"
    python3 -c 'import json,sys
p=sys.argv[1]; b=open(p,"rb").read() if __import__("os").path.exists(p) else b""
n=b.count(b"\n"); print(json.dumps({"lines": n, "bytes": len(b), "bytes_per_line": len(b)/n if n else None}))' \
      "$WORK/data-h2/catalog.journal" >"$RES/scale_journal.json"
    log "scale: uncached searches and filtered index pages"
    "${sc[@]}" query --base "$BASE" --list "$list" >"$RES/scale_query.json"
    log "scale: a refresh changing 1% of the list"
    "${sc[@]}" purgecheck --base "$BASE" --phase before --state "$WORK/scale-purge.json" --list "$list" \
      --changed "$WORK/scale-changed.ids" --hooked "$WORK/scale-hooked.ids" \
      --sample "${BENCH_SCALE_SAMPLE:-100}" >/dev/null
    for i in $(seq $parts); do mv "$WORK/gw/scale-changed.$i.json" "$WORK/gw/scale-current.$i.json"; done
    "${sc[@]}" refresh --base "$BASE" >"$RES/scale_refresh.json"
    "${sc[@]}" purgecheck --base "$BASE" --phase after --state "$WORK/scale-purge.json" >"$RES/scale_purge.json"
  fi
  stop_tomcat
  python3 - "$RES/refresh_h2.json" "$WORK/data-h2/catalog.json" "$ready_ms" "$status" \
    "$WORK/logs/scale-512m.out" "$WORK/logs/scale-512m.logs" >"$RES/scale_ready.json" <<'PY'
import glob, json, os, sys
summary, catalog, ms, status, out, logs = sys.argv[1:7]
oom = sum(open(f, errors="replace").read().count("OutOfMemoryError") for f in [out] + glob.glob(logs + "/*"))
print(json.dumps({"catalog": json.load(open(summary))["models"], "catalog_mb": os.path.getsize(catalog) / 1e6,
                  "ready_s": int(ms) / 1000 if status == "ok" else None, "error": status, "oom": oom}))
PY

  mkdir -p "$WORK/data-h3"
  cp "$WORK/data-h1/catalog.json" "$WORK/data-h3/catalog.json"
  start_tomcat scale-prerender "$WORK/data-h3" 512m "${gw[@]}" MODEL_PAGES_PRERENDER_LIMIT=10000
  log "scale: waiting for the pre-render of 10,000 pages"
  wait_ready "$MODELSDEV_TIMEOUT" || log "scale: pre-render start not ready within $MODELSDEV_TIMEOUT s"
  sample_load scale-prerender
  stop_tomcat
  "${PY[@]}" prerender --file "$WORK/logs/scale-prerender.out" --logs "$WORK/logs/scale-prerender.logs" \
    >"$RES/scale_prerender.json"
}

write_meta() {
  local commit dirty jdk
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l)
  [ "$dirty" -gt 0 ] && commit="$commit + $dirty uncommitted changed files (work in progress at run time)"
  jdk=$(java -version 2>&1 | sed -n 2p)
  BENCH_META_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" BENCH_META_CORES="$(nproc)" \
    BENCH_META_CPU="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)" \
    BENCH_META_MEM="$(free -g | awk '/^Mem:/ { print $2 " GiB" }')" \
    BENCH_META_JDK="$jdk" BENCH_META_COMMIT="$commit" BENCH_META_WRK="$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)" \
    BENCH_META_SECONDS=$((SECONDS - START_SECONDS)) BENCH_META_HEY_RATE="$(cat "$WORK/hey_rate" 2>/dev/null || echo 0)" \
    python3 - "$WORK/notes.txt" "$WORK/load.txt" "$WORK/cpu.txt" >"$RES/meta.json" <<'EOF'
import json, os, sys
e = os.environ
speed = [l.strip().split("|") for l in open(sys.argv[3]) if l.strip()]
notes = [l.strip() for l in open(sys.argv[1]) if l.strip()]
samples = [l.strip().split("|") for l in open(sys.argv[2]) if l.strip()]
peak = max((float(s[1].split()[0]) for s in samples), default=0)
others = sorted({s[2] for s in samples if s[2] != "none"})
load = "1-minute load average per phase: " + ", ".join(f"{s[0]} {s[1].split()[0]}" for s in samples)
if others:
    load += f"; other JVMs seen beside the benchmark: {'; '.join(others)} — the machine was shared, figures may be pessimistic"
else:
    load += "; no other JVM seen during the run"
print(json.dumps({"date": e["BENCH_META_DATE"], "cores": e["BENCH_META_CORES"], "cpu": e["BENCH_META_CPU"],
                  "mem": e["BENCH_META_MEM"], "jdk": e["BENCH_META_JDK"], "commit": e["BENCH_META_COMMIT"],
                  "wrk": e["BENCH_META_WRK"], "run_seconds": int(e["BENCH_META_SECONDS"]),
                  "hey_rate": float(e["BENCH_META_HEY_RATE"]), "load_note": load, "notes": notes,
                  "peak_load": peak,
                  "cpu_reference": "; ".join(f"{s[1]} s {s[0]}" for s in speed)}))
EOF
}

# ------------------------------------------------------------------ main
ALL_PHASES=openrouter,deploy,stale,modelsdev,zipf,varnish,identity,cluster,scale
PHASES=${BENCH_PHASES:-$ALL_PHASES}
install_tools
wait_for_quiet
sample_load start
cpu_reference "at the start"
build
for phase in ${PHASES//,/ }; do
  case $phase in
    openrouter | deploy | stale | modelsdev | zipf | varnish | identity | cluster | scale) "phase_$phase" ;;
    *) die "unknown phase '$phase' in BENCH_PHASES (known: $ALL_PHASES)" ;;
  esac
done
sample_load end
write_meta
"${PY[@]}" report --results "$RES" >"$WORK/RESULTS.md"
if [ "$PHASES" = "$ALL_PHASES" ]; then
  cp "$WORK/RESULTS.md" "$BENCH_DIR/RESULTS.md"
  cat "$BENCH_DIR/RESULTS.md"
  log "done in $((SECONDS - START_SECONDS)) s: bench/RESULTS.md"
else
  cat "$WORK/RESULTS.md"
  log "done in $((SECONDS - START_SECONDS)) s: phases $PHASES only; bench/RESULTS.md left as it was"
fi
