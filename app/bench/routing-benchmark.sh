#!/usr/bin/env bash
# Routing benchmark of the embedded broker (subscription trie and retained store), see the README section "Broker routing".
# Usage: app/bench/routing-benchmark.sh [MAX_EXPONENT]   (default 6: sizes 10^3 .. 10^6)
# The benchmark uses only Skeeter's own classes, so the class path is just the two compiled trees.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
exec java -Xms3g -Xmx3g -XX:+UseParallelGC \
    -cp target/test-classes:target/classes \
    dev.skeeter.broker.internal.routing.RoutingBenchmark "$@"
