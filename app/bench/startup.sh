#!/usr/bin/env bash
# First-window time: median of N cold starts (a new JVM each) under Xvfb, in one run, of
#   bare       a bare JavaFX window (one Label) on the same JVM and JavaFX jars as the jar
#   jar        java -jar target/skeeter.jar
#   installed  the installed app (/opt/skeeter/bin/Skeeter), or the launcher given as SKEETER_LAUNCHER
# A window counts as shown when the app prints its start-up marker (-Dskeeter.startupMarker, set on the
# window's WINDOW_SHOWN event, as the bare window does). Runs alternate so machine load hits all alike.
# Usage: app/bench/startup.sh [RUNS]   (default 5; needs Xvfb and `mvn -DskipTests package` done)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}
DISPLAY_NUMBER=${SKEETER_XVFB_DISPLAY:-97}
LAUNCHER=${SKEETER_LAUNCHER:-/opt/skeeter/bin/Skeeter}
work=$(mktemp -d)
xvfb=
trap '[ -n "$xvfb" ] && kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT

[ -f "$ROOT/target/skeeter.jar" ] || { echo "build first: mvn -DskipTests package" >&2; exit 1; }
fx_cp=$(ls "$ROOT"/target/lib/javafx-*-linux.jar | paste -sd:)
mkdir -p "$work/bare"
cat > "$work/bare/BareWindow.java" <<'EOF'
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

public final class BareWindow {
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Bare");
            stage.setScene(new Scene(new Label("A bare JavaFX window"), 800, 600));
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> System.out.println("skeeter: first window shown"));
            stage.show();
        }
    }
}
EOF
javac -d "$work/bare" -cp "$fx_cp" "$work/bare/BareWindow.java"

Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:$DISPLAY_NUMBER
sleep 1

# Milliseconds from exec to the marker line on standard output; the process is then stopped.
first_window_ms() {
    local start line pid
    start=$(date +%s%N)
    coproc APP { exec "$@" 2>/dev/null; }
    pid=$APP_PID
    while IFS= read -r -t 60 line <&"${APP[0]}"; do
        if [ "$line" = "skeeter: first window shown" ]; then
            echo $((($(date +%s%N) - start) / 1000000))
            kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
            return
        fi
    done
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    echo "no window" >&2
    echo 999999
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

config=$work/config
declare -A times
kinds=(bare jar)
[ -x "$LAUNCHER" ] && kinds+=(installed)
for run in $(seq "$RUNS"); do
    for kind in "${kinds[@]}"; do
        case $kind in
            bare) ms=$(first_window_ms java -cp "$work/bare:$fx_cp" BareWindow) ;;
            jar) ms=$(first_window_ms java -Dskeeter.startupMarker=true -Dskeeter.config.dir="$config" \
                -jar "$ROOT/target/skeeter.jar") ;;
            installed) ms=$(first_window_ms env \
                JAVA_TOOL_OPTIONS="-Dskeeter.startupMarker=true -Dskeeter.config.dir=$config" "$LAUNCHER") ;;
        esac
        times[$kind]="${times[$kind]:-} $ms"
    done
    echo "run $run:$(for kind in "${kinds[@]}"; do printf ' %s %s' "$kind" "${times[$kind]##* }"; done)"
done
bare=$(tr ' ' '\n' <<< "${times[bare]}" | grep . | median)
for kind in "${kinds[@]}"; do
    m=$(tr ' ' '\n' <<< "${times[$kind]}" | grep . | median)
    printf '%-9s median %5d ms  %.2fx bare  (runs:%s)\n' "$kind" "$m" "$(echo "$m / $bare" | bc -l)" "${times[$kind]}"
done
