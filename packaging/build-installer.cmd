@echo off
rem Builds the Signoff Windows installer with jpackage: packaging\out\Signoff-<version>.msi
rem   packaging\build-installer.cmd [msi^|exe^|app-image] [--dest DIR] [--verbose]
rem Needs a JDK 17+ (JAVA_HOME or java on PATH) and, for msi/exe, WiX Toolset 3.x (candle.exe, light.exe) on PATH.
rem Builds the project with Maven first when target\ has no build yet.
setlocal EnableExtensions EnableDelayedExpansion
cd /d "%~dp0.."

set "type=msi"
set "first=%~1"
if defined first if not "!first:~0,2!"=="--" (
  set "type=%~1"
  shift
)
if /i not "%type%"=="msi" if /i not "%type%"=="exe" if /i not "%type%"=="app-image" (
  echo On Windows the package type is one of: msi exe app-image ^(got "%type%"^) 1>&2
  exit /b 2
)

set "java_bin=java"
if defined JAVA_HOME set "java_bin=%JAVA_HOME%\bin\java.exe"

if /i not "%type%"=="app-image" (
  where candle.exe >nul 2>nul || (
    echo jpackage needs WiX Toolset 3.x for .msi and .exe: install it and put its bin folder on PATH 1>&2
    exit /b 1
  )
)

set "built=yes"
if not exist "target\lib\" set "built=no"
if not exist "target\classes\signoff-build.properties" set "built=no"
dir /b "target\signoff-*.jar" >nul 2>nul || set "built=no"
if "%built%"=="no" (
  where mvn >nul 2>nul || (
    echo Signoff is not built yet and Maven is not installed: install Maven and run mvn -B -DskipTests package 1>&2
    exit /b 1
  )
  echo Building Signoff with Maven... 1>&2
  call mvn -B -q -DskipTests package 1>&2 || exit /b 1
)

rem The remaining arguments (after the type) go to PackageSignoff.java.
set "rest="
:collect
if "%~1"=="" goto run
set "rest=!rest! %1"
shift
goto collect

:run
"%java_bin%" packaging\PackageSignoff.java --type %type% %rest%
exit /b %ERRORLEVEL%
