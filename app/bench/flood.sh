#!/usr/bin/env bash
# Flood benchmark of the Subscribe pane (issue 7). Runs SubscribeFloodBenchmark twice per rendering path:
# 1,000 topics and 100,000 topics, headless under Monocle and under Xvfb with GTK (the real rendering path).
#   app/bench/flood.sh [SECONDS] [RATE]          defaults: 60 s, 20000 msg/s
#   FLOOD_MODES="monocle gtk" FLOOD_TOPICS="1000 100000" app/bench/flood.sh 10
#   FLOOD_OPTS=-Dskeeter.tableWarmUp=false app/bench/flood.sh 15   # without the table warm-up, to compare
# Needs: a JDK 17, Maven (offline is fine once built), and for gtk: xvfb-run and libgtk-3-0.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
rate=${2:-20000}
modes=${FLOOD_MODES:-"monocle gtk"}
topic_counts=${FLOOD_TOPICS:-"1000 100000"}
heap=${FLOOD_HEAP:--Xmx512m}

mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/flood.classpath -Dmdep.includeScope=test \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/flood.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/flood.classpath)"
common=(-cp "$cp" "$heap" ${FLOOD_OPTS:-} -XX:+UseG1GC -Dflood.seconds="$seconds" -Dflood.rate="$rate" -Dlogback.configurationFile=app/conf/logback.xml)

for mode in $modes; do
  for topics in $topic_counts; do
    echo "=== $mode, $topics topics ==="
    if [ "$mode" = monocle ]; then
      java "${common[@]}" -Dflood.topics="$topics" -Dtestfx.robot=glass -Dtestfx.headless=true -Dglass.platform=Monocle \
        -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
        dev.skeeter.ui.subscribe.SubscribeFloodBenchmark
    else
      xvfb-run -a -s "-screen 0 1280x800x24" java "${common[@]}" -Dflood.topics="$topics" -Dtestfx.robot=glass \
        dev.skeeter.ui.subscribe.SubscribeFloodBenchmark
    fi
  done
done
