#!/usr/bin/env bash
# Chart redraw benchmark of the Broker Status tab (issue 17): canvas TimeChart against JavaFX's LineChart, an hour of
# a dozen series, headless under Monocle with the software pipeline and under Xvfb with GTK.
#   app/bench/charts.sh [ROUNDS]     default 40 redraws per chart
# Needs: a JDK 17, Maven (offline is fine once built), and for gtk: xvfb-run and libgtk-3-0.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-40}
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/charts.classpath -Dmdep.includeScope=test \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/charts.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/charts.classpath)"
echo "=== monocle (software) ==="
java -cp "$cp" -Dcharts.rounds="$rounds" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  dev.skeeter.ui.status.ChartRenderBenchmark
echo "=== gtk under xvfb ==="
xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$cp" -Dcharts.rounds="$rounds" dev.skeeter.ui.status.ChartRenderBenchmark
