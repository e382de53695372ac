#!/usr/bin/env bash
# Runs loader test classes in an aarch64 JVM under qemu-aarch64 on an x86_64 machine, so that the tests that
# choose backends by host ISA take the native backend (JNA, trampolines, InstructionCache, WasmCallThread) for
# the aarch64 images.
#
#   loader/src/test/aarch64-host/run.sh                     default classes (see DEFAULT_CLASSES below)
#   loader/src/test/aarch64-host/run.sh CLASS...            fully qualified test classes instead
#   AARCH64_SPEC_FILES=i32,call loader/src/test/aarch64-host/run.sh   spec files the spec cells run
#                                                           (default below; "all" runs all of them: hours)
#   AARCH64_MVN_FLAGS=""     drop the default -o (offline) of the build when ~/.m2 lacks a build dependency
#                            (junit-platform-console-standalone and the bytedeco linux-arm64 natives, about
#                            145 MB, are fetched online on first use either way)
#   AARCH64_SYSROOT=DIR      where Debian's arm64 JRE and libraries are unpacked
#                            (default ~/.cache/wasm-aot/aarch64-sysroot, or ...-unicorn with AARCH64_UNICORN=1)
#   AARCH64_UNICORN=1        also unpack libunicorn2:arm64: the spec cells' stack-check probe (StackCheckProbe)
#                            then runs, so their assert_exhaustion commands run natively instead of being
#                            skipped; but every EMULATED test then runs too, in Unicorn inside qemu (slow)
#
# What it does:
#   1. The first time: adds dpkg architecture arm64 (needs root), `apt-get download`s Debian's
#      openjdk-17-jre-headless:arm64 with the libraries a JVM needs and unpacks them into AARCH64_SYSROOT
#      with dpkg-deb -x. Nothing is installed into the host's package database, so the amd64 JDK and the
#      default `java` are untouched.
#   2. Compiles the loader's tests on the host JVM and writes their test classpath (dependency:build-classpath),
#      with the linux-arm64 natives of LLVM/JavaCPP in place of the linux-x86_64 ones (the spec cells compile
#      their modules in the aarch64 JVM).
#   3. Runs the classes with the JUnit console launcher (the version of the project's junit-platform) as
#      `qemu-aarch64 -L SYSROOT SYSROOT/usr/lib/jvm/java-17-openjdk-arm64/bin/java -jar console.jar ...`,
#      under nice -n 10. CI is unset for that JVM: the sysroot has no libunicorn, and Backends turns a
#      missing emulator on CI into a failure; the emulated tests are skipped here (they run on x86_64)
#      unless AARCH64_UNICORN=1.
#   4. Prints the counts from the launcher's XML report as a closing line `aarch64-host: N passed, N failed,
#      N skipped` and exits non-zero when a test failed. Reports: loader/target/aarch64-host/.
#
# -Dwasmaot.native.unsafe=true: the native backend's fault and timeout traps exist on x86-64 Linux only; on
# aarch64 the loader offers native execution only to callers who accept that a guard-page hit or a stack
# overflow ends the JVM (BackendKind), which these tests do (no test here relies on such a fault natively).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../../.."
repo=$PWD
out=$repo/loader/target/aarch64-host
unicorn=${AARCH64_UNICORN:-0}
packages=(openjdk-17-jre-headless:arm64 libc6:arm64 libgcc-s1:arm64 libstdc++6:arm64 zlib1g:arm64)
suffix=
if [[ $unicorn == 1 ]]; then
  packages+=(libunicorn2:arm64)
  suffix=-unicorn
fi
sysroot=${AARCH64_SYSROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/wasm-aot/aarch64-sysroot$suffix}
jvm=$sysroot/usr/lib/jvm/java-17-openjdk-arm64/bin/java
read -r -a mvn_flags <<<"${AARCH64_MVN_FLAGS--o}"
spec_files=${AARCH64_SPEC_FILES-i32,i64,conversions,call,call_indirect,memory,memory_grow,memory_trap,address,br_table,int_exprs,stack,traps}
shared=${WASMAOT_SHARED_DIR:-$(cd "$repo/.." && pwd)/shared}
DEFAULT_CLASSES=(
  io.github.wasmaot.loader.ManifestRunsTest
  io.github.wasmaot.loader.StackArgumentsTest
  io.github.wasmaot.loader.KvContractEndToEndTest
  io.github.wasmaot.loader.HostFunctionsEndToEndTest
  io.github.wasmaot.loader.InstanceApiTest
  io.github.wasmaot.loader.backend.nativ.WasmCallThreadTest
  io.github.wasmaot.loader.spec.CurrentAarch64NativeSpecTest
  io.github.wasmaot.loader.spec.LegacyAarch64NativeSpecTest
)
classes=("$@")
((${#classes[@]})) || classes=("${DEFAULT_CLASSES[@]}")
t0=$(date +%s)

command -v qemu-aarch64 >/dev/null 2>&1 || {
  echo "aarch64-host: qemu-aarch64 not found (Debian package qemu-user)" >&2
  exit 2
}

# 1. the arm64 JRE, unpacked (not installed)
if [[ ! -x $jvm ]]; then
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "+ dpkg --add-architecture arm64"
    dpkg --add-architecture arm64
  fi
  apt-cache show openjdk-17-jre-headless:arm64 >/dev/null 2>&1 || apt-get update -q
  debs=$(mktemp -d)
  chmod 755 "$debs"  # apt-get download runs as _apt where it can
  (cd "$debs" && apt-get download -q "${packages[@]}")
  rm -rf "$sysroot.tmp"
  mkdir -p "$sysroot.tmp"
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$sysroot.tmp"; done
  rm -rf "$debs" "$sysroot"
  mv "$sysroot.tmp" "$sysroot"
fi
aarch64_java=(nice -n 10 qemu-aarch64 -L "$sysroot" "$jvm")
jvm_version=$("${aarch64_java[@]}" -version 2>&1 | sed -n 2p)

# 2. test classes and classpath, built on the host
mkdir -p "$out"
build=(./mvnw -B -q "${mvn_flags[@]}" -pl loader -am test-compile dependency:build-classpath
       -Dmdep.includeScope=test "-Dmdep.outputFile=$out/test.classpath")
printf '+'; printf ' %q' "${build[@]}"; echo
nice -n 10 "${build[@]}"
m2=${MAVEN_REPO:-$HOME/.m2/repository}
fetch() {  # fetch GROUP:ARTIFACT:VERSION[:jar:CLASSIFIER] into ~/.m2 unless it is there (online: not in -o)
  local file=$1 artifact=$2
  [[ -f $file ]] && return 0
  echo "+ ./mvnw -B -q dependency:get -Dartifact=$artifact -Dtransitive=false"
  ./mvnw -B -q dependency:get "-Dartifact=$artifact" -Dtransitive=false
}
cp_entries=()
IFS=: read -r -a deps <"$out/test.classpath" || true  # no trailing newline
for entry in "$repo/loader/target/test-classes" "$repo/loader/target/classes" "${deps[@]}"; do
  if [[ $entry == */org/bytedeco/*-linux-x86_64.jar ]]; then
    arm=${entry/linux-x86_64/linux-arm64}
    name=$(basename "$entry" -linux-x86_64.jar)            # llvm-20.1.7-1.5.12
    dir=$(dirname "$entry")                                   # .../org/bytedeco/llvm/20.1.7-1.5.12
    version=$(basename "$dir")
    artifact=$(basename "$(dirname "$dir")")
    fetch "$arm" "org.bytedeco:$artifact:$version:jar:linux-arm64"
    entry=$arm
  fi
  cp_entries+=("$entry")
done
classpath=$(IFS=:; echo "${cp_entries[*]}")
platform=$(tr ':' '\n' <"$out/test.classpath" | sed -n 's:.*/junit-platform-engine-\(.*\)\.jar$:\1:p' | head -n 1)
[[ -n $platform ]] || { echo "aarch64-host: no junit-platform-engine in the test classpath" >&2; exit 2; }
console=$m2/org/junit/platform/junit-platform-console-standalone/$platform/junit-platform-console-standalone-$platform.jar
fetch "$console" "org.junit.platform:junit-platform-console-standalone:$platform"

# 3. the run
selectors=()
for c in "${classes[@]}"; do selectors+=(--select-class "$c"); done
# a bounded heap: the machine is shared, and qemu's translation cache comes on top of it
props=(-Xmx2g -Dwasmaot.native.unsafe=true "-Dwasmaot.shared.dir=$shared" "-Dwasmaot.repo.dir=$repo")
[[ $spec_files == all ]] || props+=("-Dwasmaot.spec.files=$spec_files")
rm -rf "$out/reports"
run=(env -u CI "${aarch64_java[@]}" "${props[@]}" -jar "$console" execute --disable-banner --details=summary
     --disable-ansi-colors --class-path "$classpath" --reports-dir "$out/reports" "${selectors[@]}")
echo "+ ${run[*]:0:8} ... ${selectors[*]}"
status=0
"${run[@]}" 2>&1 | tee "$out/run.log" || status=$?
t1=$(date +%s)

# 4. counts
xml=$out/reports/TEST-junit-jupiter.xml
if [[ ! -f $xml ]]; then
  echo "aarch64-host: no report at $xml (launcher exit $status)" >&2
  exit 2
fi
attr() { sed -n "0,/<testsuite /s:.*<testsuite [^>]* $1=\"\([0-9]*\)\".*:\1:p" "$xml" | head -n 1; }
tests=$(attr tests) failures=$(attr failures) errors=$(attr errors) skipped=$(attr skipped)
failed=$((failures + errors))
passed=$((tests - failed - skipped))
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "jvm: $jvm_version (qemu-aarch64 $(qemu-aarch64 --version | sed -n '1s/.*version \([^ ]*\).*/\1/p'))"
  echo "classes: ${classes[*]}"
  echo "spec files: $spec_files"
  echo "time: $((t1 - t0)) s"
  echo "aarch64-host: $passed passed, $failed failed, $skipped skipped"
} | tee "$out/summary.txt"
((failed == 0 && status == 0))
