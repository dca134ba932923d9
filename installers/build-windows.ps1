# Builds Skeeter's Windows installer into target\installer: an app image and an .msi, with a jlink-trimmed runtime
# holding JavaFX (its DLLs in the runtime's bin folder, so nothing is unpacked into the user's profile), the
# windowed Skeeter.exe (Start menu and desktop shortcut) and the console launcher skeeter-cli.exe for the command
# line. Same settings as the Linux build (installers\jpackage.args, installers\modules.txt).
# NOT RUN on Windows so far: written to mirror build-linux.sh, which is tested.
# Usage (PowerShell, from anywhere):  installers\build-windows.ps1 [-Types app-image,msi]
# Needs: JDK 17+ (jpackage), Maven, and WiX Toolset 3 (candle.exe, light.exe on the PATH) for the .msi.
param([string[]]$Types = @("app-image", "msi"))
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
$Out = Join-Path $Root "target\installer"
Set-Location $Root

# jpackage rejects -SNAPSHOT versions, so installers carry pom.xml's app.version.
$Version = ([regex]'<app.version>(.*)</app.version>').Match((Get-Content pom.xml -Raw)).Groups[1].Value
if (-not (Test-Path target\skeeter.jar) -or $env:REBUILD) { mvn -q -DskipTests package; if ($LASTEXITCODE) { exit 1 } }

# The app's jars without JavaFX: JavaFX is linked into the runtime image instead.
$Staging = Join-Path $Out "input"
Remove-Item -Recurse -Force $Staging, (Join-Path $Out "runtime"), (Join-Path $Out "image") -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force (Join-Path $Staging "lib") | Out-Null
Copy-Item target\skeeter.jar, app\conf\skeeter.conf $Staging
Get-ChildItem target\lib\*.jar | Where-Object Name -notlike "javafx-*" | Copy-Item -Destination (Join-Path $Staging "lib")

# JavaFX's platform jars are modular jars jlink can link; their DLLs go to the runtime's bin folder, where
# JavaFX looks before it would extract them into %USERPROFILE%\.openjfx\cache.
$Fx = Join-Path $Out "javafx-jars"
Remove-Item -Recurse -Force $Fx -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $Fx | Out-Null
Copy-Item target\lib\javafx-*-win.jar $Fx
$Modules = (Get-Content installers\modules.txt | Where-Object { $_ -and -not $_.StartsWith("#") }) -join ","
jlink --module-path $Fx --add-modules $Modules --exclude-resources "glob:**.dll" --strip-debug --no-header-files `
    --no-man-pages --generate-cds-archive --output (Join-Path $Out "runtime")
if ($LASTEXITCODE) { exit 1 }
Add-Type -AssemblyName System.IO.Compression.FileSystem
foreach ($jar in Get-ChildItem $Fx\*.jar) {
    $zip = [IO.Compression.ZipFile]::OpenRead($jar.FullName)
    foreach ($entry in $zip.Entries | Where-Object Name -like "*.dll") {
        [IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $Out "runtime\bin\$($entry.Name)"), $true)
    }
    $zip.Dispose()
}

jpackage --type app-image "@installers/jpackage.args" "@installers/app-image.args" "@installers/windows/app-image.args" `
    --app-version $Version --input $Staging --runtime-image (Join-Path $Out "runtime") --dest (Join-Path $Out "image")
if ($LASTEXITCODE) { exit 1 }
if ($Types -contains "msi") {
    jpackage --type msi "@installers/jpackage.args" "@installers/windows/package.args" `
        --app-version $Version --app-image (Join-Path $Out "image\Skeeter") --dest $Out
    if ($LASTEXITCODE) { exit 1 }
}
Get-ChildItem $Out
