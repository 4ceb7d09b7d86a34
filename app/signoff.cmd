@echo off
rem Starts Signoff on Windows: the console, or a headless command (signoff --help lists them).
rem The Windows twin of app/signoff: from a source checkout it builds the project first if needed (Java 17 and
rem Maven), then runs it with JavaFX on the module path and everything else on the class path. An installed
rem Signoff (packaging\build-installer.cmd) has its own Signoff.exe and signoff-cli.exe instead.
setlocal EnableExtensions EnableDelayedExpansion

for %%I in ("%~dp0..") do set "root=%%~fI"
set "lib=%root%\target\lib"

call :find_jar
set "needs_build=no"
if not defined jar set "needs_build=yes"
if not exist "%lib%\" set "needs_build=yes"
rem Rebuild when a source file or the pom is newer than the jar: PowerShell ships with Windows 10 and 11.
if "%needs_build%"=="no" (
  powershell -NoProfile -NonInteractive -Command ^
    "$jar = (Get-Item -LiteralPath $env:jar).LastWriteTime;" ^
    "$newer = Get-ChildItem -LiteralPath (Join-Path $env:root 'src\main'), (Join-Path $env:root 'pom.xml') -Recurse -File | Where-Object { $_.LastWriteTime -gt $jar } | Select-Object -First 1;" ^
    "if ($newer) { exit 1 } else { exit 0 }" >nul 2>nul
  if errorlevel 1 set "needs_build=yes"
)
if "%needs_build%"=="yes" (
  where mvn >nul 2>nul || (
    echo Signoff is not built yet and Maven is not installed. Build it once with: mvn -B -DskipTests package 1>&2
    exit /b 1
  )
  echo Building Signoff ^(first run or sources changed^)... 1>&2
  pushd "%root%"
  call mvn -B -q -DskipTests package 1>&2
  set "mvn_exit=!ERRORLEVEL!"
  popd
  if not "!mvn_exit!"=="0" (
    echo The build failed. Run "mvn -B -DskipTests package" in !root! to see why. 1>&2
    exit /b 1
  )
  call :find_jar
)

set "java_bin=java"
if defined JAVA_HOME set "java_bin=%JAVA_HOME%\bin\java.exe"

rem JavaFX goes on the module path (its platform jars), everything else on the class path.
set "modpath="
set "classpath=%jar%"
for %%F in ("%lib%\*.jar") do (
  set "name=%%~nxF"
  if /i "!name:~-8!"=="-win.jar" (
    if /i "!name:~0,7!"=="javafx-" (
      if defined modpath (set "modpath=!modpath!;%%~fF") else (set "modpath=%%~fF")
    ) else (
      set "classpath=!classpath!;%%~fF"
    )
  ) else if /i not "!name:~0,7!"=="javafx-" (
    set "classpath=!classpath!;%%~fF"
  )
)
rem (javafx-*.jar without -win are the empty placeholder jars: left out.)

"%java_bin%" ^
  --module-path "%modpath%" --add-modules javafx.controls,javafx.fxml,javafx.swing ^
  --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED ^
  --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED ^
  --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED ^
  --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED ^
  --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED ^
  --enable-native-access=ALL-UNNAMED ^
  %SIGNOFF_JAVA_OPTS% ^
  -cp "%classpath%" io.signoff.Launcher %*
exit /b %ERRORLEVEL%

:find_jar
set "jar="
for %%F in ("%root%\target\signoff-*.jar") do (
  set "candidate=%%~nxF"
  if /i not "!candidate:~-10!"=="-tests.jar" if not defined jar set "jar=%%~fF"
)
exit /b 0
