// build.log holds the three invocations in order; split at each wasm-aot:run execution
def log = new File(basedir, 'build.log').text
def runs = [:]
def matcher = log =~ /(?ms)^\[INFO\] --- wasm-aot:[^ ]+:run \(([^)]+)\).*?(?=^\[INFO\] --- |\z)/
matcher.each { m -> runs[m[1]] = m[0] }
assert runs.keySet() == ['add', 'add-native', 'div-expected', 'stats', 'div-fails', 'add-wrong'] as Set : runs.keySet()

// help documents every parameter with its user property
['image', 'invoke', 'args', 'backend', 'heapSize', 'runtime', 'expectedOutput', 'expectedExitCode', 'skip'].each { p ->
    assert log.contains("User property: wasm-aot.run.${p}") : "help lacks wasm-aot.run.${p}"
}

// the backend choice is logged with its reason, then each result in iwasm's format
assert runs['add'] =~ /(?m)^\[INFO\] wasm-aot run: \S+\/add\.wamr-2\.4\.x86_64\.aot invoke add\(2, 3\)$/
assert runs['add'] =~ /(?m)^\[INFO\] backend: (native|emulated) \(.+\)$/
assert runs['add'] =~ /(?m)^\[INFO\] 0x5:i32$/
assert runs['add'] =~ /(?m)^\[INFO\] exit code 0$/
assert runs['add-native'].contains('[INFO] backend: native (requested)')
assert runs['add-native'] =~ /(?m)^\[INFO\] 0xfffffffe:i32$/

// linear memory: the loader picks the emulator where one emulates x86_64 (else native, which traps guard-page
// hits too), and says why
assert runs['div-expected'] =~ /(?m)^\[INFO\] backend: (emulated|native) \(.+\)$/
assert runs['div-expected'] =~ /(?m)^\[INFO\] Exception: integer divide by zero$/
assert runs['div-expected'] =~ /(?m)^\[INFO\] exit code 1$/

assert runs['stats'] =~ /(?m)^\[INFO\] wasm-aot run: \S+ _start 3000$/
assert runs['stats'] =~ /(?m)^\[INFO\] n=3000 mean=49\.298926 /
assert runs['stats'] =~ /(?m)^\[INFO\] exit code 4$/

// 2: the unexpected trap fails the build, naming the runtime's text
assert runs['div-fails'] =~ /(?m)^\[INFO\] Exception: integer divide by zero$/
assert runs['div-fails'] =~ /features\.wamr-2\.4\.x86_64\.aot: exit code 1: Exception: integer divide by zero \(set expectedExitCode if this is expected\)/

// 3: the wrong expectation fails the build with both outputs
assert runs['add-wrong'] =~ /add\.wamr-2\.4\.x86_64\.aot: output differs: expected 0x6:i32 but was 0x5:i32/

def results = log.findAll(/(?m)^\[INFO\] BUILD (SUCCESS|FAILURE)$/)
assert results == ['[INFO] BUILD SUCCESS', '[INFO] BUILD FAILURE', '[INFO] BUILD FAILURE'] : results
return true
