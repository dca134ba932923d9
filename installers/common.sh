# Shared by the Linux and macOS builds (sourced, not run): where things are, the app's jars, a jlink-trimmed runtime
# with JavaFX, and the app image made of them. Sourcing it moves to the repository's root.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/target/installer
HERE=$ROOT/installers
mkdir -p "$OUT"
cd "$ROOT"

# jpackage rejects -SNAPSHOT versions, so installers carry pom.xml's app.version.
app_version() {
    sed -n 's:.*<app.version>\(.*\)</app.version>.*:\1:p' "$ROOT/pom.xml" | head -1
}

# The app's jars without JavaFX: JavaFX is linked into the runtime image instead, so its classes load from the
# image (and its class-data sharing archive) and its native libraries sit in the image's lib directory.
stage_input() {
    if [ ! -f "$ROOT/target/skeeter.jar" ] || [ -n "${REBUILD:-}" ]; then
        (cd "$ROOT" && mvn -q -DskipTests package)
    fi
    rm -rf "$OUT/input" && mkdir -p "$OUT/input/lib"
    cp "$ROOT/target/skeeter.jar" "$OUT/input/"
    find "$ROOT/target/lib" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$OUT/input/lib/" \;
    cp "$ROOT/app/conf/skeeter.conf" "$OUT/input/"
}

# $1: the JavaFX platform classifier of the jars in target/lib as a glob (linux, mac*, win); $2: where the
# runtime keeps native libraries (lib; bin on Windows).
# JavaFX's jmods are not on Maven Central, but its platform jars are modular jars jlink can link. The native
# libraries inside them would be extracted into ~/.openjfx/cache on first start; jlink leaves them out of the
# module image and they are copied into the runtime's lib directory (bin on Windows), where JavaFX looks first.
build_runtime() {
    local platform=$1 native_dir=${2:-lib}
    local fx="$OUT/javafx-jars"
    rm -rf "$fx" "$OUT/runtime" && mkdir -p "$fx"
    cp "$ROOT"/target/lib/javafx-*-$platform.jar "$fx/"
    jlink --module-path "$fx" \
        --add-modules "$(grep -v '^#' "$ROOT/installers/modules.txt" | paste -sd, -)" \
        --exclude-resources 'glob:**.so,glob:**.dylib,glob:**.dll' \
        --strip-debug --no-header-files --no-man-pages \
        --generate-cds-archive \
        --output "$OUT/runtime"
    for jar in "$fx"/*.jar; do
        (cd "$OUT/runtime/$native_dir" && unzip -q -o "$jar" '*.so' '*.dylib' '*.dll' -x 'META-INF/*' 2>/dev/null || true)
    done
}

# $1: the folder of this OS's argument files (linux, macos); $2: the version. Into $OUT/image.
build_app_image() {
    rm -rf "$OUT/image" && mkdir -p "$OUT/image"
    jpackage --type app-image @installers/jpackage.args @installers/app-image.args "@installers/$1/app-image.args" \
        --app-version "$2" --input "$OUT/input" --runtime-image "$OUT/runtime" --dest "$OUT/image"
}
