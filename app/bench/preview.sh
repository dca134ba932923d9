#!/usr/bin/env bash
# Opens the panes preview (app/bench/preview.sh [subscribe|publish|app] [light|dark]): both panes over the embedded
# broker with messages flowing; "app" is the real main window with the local broker connected and the Subscribe tab
# open. Used for screenshots (app/bench/screenshot.sh runs it on a virtual display):
#   app/bench/screenshot.sh --size 1280x800 resources/screenshots/panes-subscribe.png -- app/bench/preview.sh subscribe
set -euo pipefail
cd "$(dirname "$0")/../.."
tab=${1:-subscribe}
theme=${2:-light}
if [ ! -f target/flood.classpath ] || [ ! -d target/test-classes ]; then
  mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/flood.classpath -Dmdep.includeScope=test
fi
main=dev.skeeter.ui.PanesPreview
[ "$tab" = app ] && main=dev.skeeter.ui.AppPanesPreview
exec java -cp "target/test-classes:target/classes:$(cat target/flood.classpath)" ${PREVIEW_OPTS:-} -Dpreview.tab="$tab" -Dpreview.theme="$theme" \
  -Dlogback.configurationFile=app/conf/logback.xml "$main"
