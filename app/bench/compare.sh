#!/usr/bin/env bash
# Runs `skeeter bench` against Skeeter's broker and mosquitto 2 side by side, with the same limits, alternating
# A B A B, and prints medians, spread, the ratio ours/mosquitto, p99 latency, losses and CPU use.
# Needs: java 17, maven (to build), mosquitto 2, taskset, python3. Not run by CI: it takes minutes and wants a
# quiet machine.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: app/bench/compare.sh [pinned|unpinned|all] [options]

  pinned     broker(s) on core 0, bench on core 1 (taskset): compares per-core efficiency
  unpinned   no pinning: what a user sees
  all        both, pinned first (default)

Options:
  --runs N          runs per scenario and broker, alternating ours/mosquitto (default 3)
  --duration S      measured seconds per run (default 10)
  --warmup S        warm-up seconds per run, not counted (default 2)
  --inflight N      max in-flight messages, for both brokers and the bench clients (default 20)
  --queued N        max queued messages per client, for both brokers (default 1000000)
  --scenarios LIST  space-separated subset of: fan-in-q0 fan-in-q1 fan-out-q0 round-trip-q1
  --out FILE        also write the markdown summary to FILE
  --build           rebuild the jar even if it looks up to date
Environment: OURS_JAVA_OPTS (JVM options for our broker), BENCH_JAVA_OPTS (for the bench), OURS_JAR (run our
broker from another build, e.g. an older one for a before/after comparison; the bench always runs from
target/skeeter.jar).
USAGE
}

MODE=all RUNS=3 DURATION=10 WARMUP=2 INFLIGHT=20 QUEUED=1000000 OUT="" BUILD=0
SCENARIOS="fan-in-q0 fan-in-q1 fan-out-q0 round-trip-q1"
while [[ $# -gt 0 ]]; do
    case "$1" in
        pinned|unpinned|all) MODE=$1 ;;
        --pinned) MODE=pinned ;;
        --unpinned) MODE=unpinned ;;
        --runs) RUNS=$2; shift ;;
        --duration) DURATION=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --inflight) INFLIGHT=$2; shift ;;
        --queued) QUEUED=$2; shift ;;
        --scenarios) SCENARIOS=$2; shift ;;
        --out) OUT=$2; shift ;;
        --build) BUILD=1 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
JAR=target/skeeter.jar
OURS_JAR=${OURS_JAR:-$JAR}
for tool in java mosquitto python3 taskset; do
    command -v "$tool" >/dev/null || { echo "compare.sh needs $tool on the PATH" >&2; exit 1; }
done
if [[ $BUILD == 1 || ! -f $JAR || -n $(find src pom.xml -newer "$JAR" -type f -print -quit) ]]; then
    echo "building $JAR ..." >&2
    mvn -q -B -DskipTests package
fi

WORK=$(mktemp -d /tmp/skeeter-compare.XXXXXX)
chmod 755 "$WORK"   # mosquitto reads its config after dropping privileges
RESULTS=$WORK/results.tsv
: > "$RESULTS"
cat > "$WORK/progress.py" <<'PY'
import json, sys
mode, scenario, broker, run, line = sys.argv[1:6]
r = json.loads(line)
if "msgPerSec" not in r:
    print(f"  {mode:8} {scenario:14} {broker:9} run {run}: {r}")
else:
    print(f"  {mode:8} {scenario:14} {broker:9} run {run}: {r['msgPerSec']:>10,.0f} msg/s  p99 {r['p99Us']:>12,.0f} us"
          f"  lost {r['lost']:>8}  broker cpu {r.get('brokerCpuPercent')}%  bench cpu {r.get('benchCpuPercent')}%")
PY
OURS_PID="" MOSQ_PID=""

stop_brokers() {
    local pid
    for pid in $OURS_PID $MOSQ_PID; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $OURS_PID $MOSQ_PID; do
        wait "$pid" 2>/dev/null || true
    done
    OURS_PID="" MOSQ_PID=""
}
trap stop_brokers EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_listening PORT PID NAME: true once PORT accepts connections, false if PID exits or 30 s pass
wait_listening() {
    local i
    for ((i = 0; i < 300; i++)); do
        kill -0 "$2" 2>/dev/null || return 1
        if python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()' \
                "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "$3 did not listen on $1 within 30 s" >&2
    return 1
}

# start_brokers PIN: starts both brokers on fresh ports, under PIN (a taskset prefix or nothing)
start_brokers() {
    local pin=$1
    # The same limits for both brokers; our broker accepts these mosquitto options as they are.
    cat > "$WORK/limits.conf" <<CONF
max_inflight_messages $INFLIGHT
max_queued_messages $QUEUED
set_tcp_nodelay true
CONF
    MOSQ_PORT=$(free_port)
    {
        printf 'user root\nlistener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$MOSQ_PORT"
        printf 'log_dest stderr\nlog_type error\nlog_type warning\n'
        cat "$WORK/limits.conf"
    } > "$WORK/mosquitto.conf"
    $pin mosquitto -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
    MOSQ_PID=$!
    wait_listening "$MOSQ_PORT" "$MOSQ_PID" mosquitto || { cat "$WORK/mosquitto.log" >&2; exit 1; }

    OURS_PORT=$(free_port)
    { printf 'listener %s 127.0.0.1\n' "$OURS_PORT"; cat "$WORK/limits.conf"; } > "$WORK/skeeter.conf"
    # shellcheck disable=SC2086
    $pin java ${OURS_JAVA_OPTS:-} -jar "$OURS_JAR" broker -c "$WORK/skeeter.conf" > "$WORK/skeeter.log" 2>&1 &
    OURS_PID=$!
    if ! wait_listening "$OURS_PORT" "$OURS_PID" "skeeter broker"; then
        # Older builds accept only listener/port lines: run with the broker's built-in limits, and say so.
        wait "$OURS_PID" 2>/dev/null || true
        echo "WARNING: our broker refused the limits ($(tail -1 "$WORK/skeeter.log")); running it with its" \
             "defaults, so the limits are NOT the same as mosquitto's" | tee -a "$WORK/warnings" >&2
        printf 'listener %s 127.0.0.1\n' "$OURS_PORT" > "$WORK/skeeter.conf"
        # shellcheck disable=SC2086
        $pin java ${OURS_JAVA_OPTS:-} -jar "$OURS_JAR" broker -c "$WORK/skeeter.conf" > "$WORK/skeeter.log" 2>&1 &
        OURS_PID=$!
        wait_listening "$OURS_PORT" "$OURS_PID" "skeeter broker" || { cat "$WORK/skeeter.log" >&2; exit 1; }
    fi
}

scenario_args() {
    case "$1" in
        fan-in-q0) echo "--scenario fan-in -q 0 --publishers 4 --subscribers 1 --size 64" ;;
        fan-in-q1) echo "--scenario fan-in -q 1 --publishers 4 --subscribers 1 --size 64" ;;
        fan-out-q0) echo "--scenario fan-out -q 0 --publishers 1 --subscribers 10 --size 64" ;;
        round-trip-q1) echo "--scenario round-trip -q 1 --publishers 1 --rate 1000 --size 64" ;;
        *) echo "unknown scenario $1" >&2; exit 2 ;;
    esac
}

# run_one MODE SCENARIO BROKER RUN PIN
run_one() {
    local port pid line
    if [[ $3 == ours ]]; then port=$OURS_PORT pid=$OURS_PID; else port=$MOSQ_PORT pid=$MOSQ_PID; fi
    # shellcheck disable=SC2046,SC2086
    line=$($5 java ${BENCH_JAVA_OPTS:-} -jar "$JAR" bench -h 127.0.0.1 -p "$port" $(scenario_args "$2") \
        --max-inflight "$INFLIGHT" --warmup "$WARMUP" --duration "$DURATION" --drain-timeout 10 \
        --broker-pid "$pid" --json 2>> "$WORK/bench.err" | tail -1) || true
    if [[ $line != \{* ]]; then
        line='{"error":"bench failed, see '"$WORK"'/bench.err"}'
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$line" >> "$RESULTS"
    python3 "$WORK/progress.py" "$1" "$2" "$3" "$4" "$line" >&2
}

echo "skeeter compare: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(mosquitto -h 2>/dev/null | head -1 || true), runs=$RUNS duration=${DURATION}s warmup=${WARMUP}s" \
     "inflight=$INFLIGHT queued=$QUEUED; raw results in $RESULTS" | tee "$WORK/header" >&2
modes=()
case "$MODE" in
    all) modes=(pinned unpinned) ;;
    *) modes=("$MODE") ;;
esac
for mode in "${modes[@]}"; do
    if [[ $mode == pinned ]]; then broker_pin="taskset -c 0" bench_pin="taskset -c 1"; else broker_pin="" bench_pin=""; fi
    start_brokers "$broker_pin"
    for scenario in $SCENARIOS; do
        for ((run = 1; run <= RUNS; run++)); do
            for broker in ours mosquitto; do
                run_one "$mode" "$scenario" "$broker" "$run" "$bench_pin"
            done
        done
    done
    stop_brokers
done

python3 - "$RESULTS" "$WORK/header" "$WORK/warnings" "${OUT:-$WORK/summary.md}" <<'PY'
import json, os, statistics, sys

results, header, warnings, out = sys.argv[1:5]
rows = {}
for raw in open(results):
    mode, scenario, broker, run, line = raw.rstrip("\n").split("\t", 4)
    rows.setdefault((mode, scenario), {}).setdefault(broker, []).append(json.loads(line))

def stats(runs):
    ok = [r for r in runs if "msgPerSec" in r]
    if not ok:
        return None
    cpu = [r["brokerCpuPercent"] for r in ok if r.get("brokerCpuPercent") is not None]
    bench = [r["benchCpuPercent"] for r in ok if r.get("benchCpuPercent") is not None]
    rates = [r["msgPerSec"] for r in ok]
    return {
        "median": statistics.median(rates), "min": min(rates), "max": max(rates),
        "p99": statistics.median(r["p99Us"] for r in ok),
        "lost": sum(r["lost"] for r in ok), "sent": sum(r["expected"] for r in ok),
        "cpu": statistics.median(cpu) if cpu else None, "bench": statistics.median(bench) if bench else None,
        "runs": len(ok), "failed": len(runs) - len(ok),
    }

def fmt_cpu(v):
    return "?" if v is None else f"{v:.0f}%"

lines = [open(header).read().strip(), ""]
if os.path.exists(warnings):
    lines += ["**" + w + "**" for w in dict.fromkeys(line.strip() for line in open(warnings))] + [""]
lines += ["| mode | scenario | broker | median msg/s | spread (min-max) | ours/mosquitto msg/s | p99 us (median) "
          "| ours/mosquitto p99 | lost / expected | broker CPU | bench CPU | runs |",
          "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for (mode, scenario), by_broker in rows.items():
    s = {b: stats(v) for b, v in by_broker.items()}
    ours, mosq = s.get("ours"), s.get("mosquitto")
    for broker in ("ours", "mosquitto"):
        st = s.get(broker)
        if st is None:
            lines.append(f"| {mode} | {scenario} | {broker} | failed | | | | | | | | 0 |")
            continue
        ratio = p99ratio = ""
        if broker == "ours" and ours and mosq:
            ratio = f"{ours['median'] / mosq['median']:.2f}" if mosq["median"] else "?"
            p99ratio = f"{ours['p99'] / mosq['p99']:.2f}" if mosq["p99"] else "?"
        failed = f" ({st['failed']} failed)" if st["failed"] else ""
        lines.append(f"| {mode} | {scenario} | {broker} | {st['median']:,.0f} | {st['min']:,.0f}-{st['max']:,.0f} "
                     f"| {ratio} | {st['p99']:,.0f} | {p99ratio} | {st['lost']:,} / {st['sent']:,} "
                     f"| {fmt_cpu(st['cpu'])} | {fmt_cpu(st['bench'])} | {st['runs']}{failed} |")
lines += ["", "msg/s: deliveries per second inside the measured window (fan-out counts every subscriber's copy); "
          "CPU: percent of one core during the measured window (/proc/PID/stat utime+stime)."]
text = "\n".join(lines)
print(text)
with open(out, "w") as f:
    f.write(text + "\n")
print(f"\nmarkdown summary written to {out}", file=sys.stderr)
PY
