import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] --- wasm-aot:[^ ]+:compile /)
assert builds.size() == 3 : "expected two wasm-aot:compile runs"
def t = new File(basedir, 'target')
def gone = [
    'wasm-aot/wamr-2.4/x86_64/gone.aot', 'wasm-aot/wamr-2.4/x86_64/gone.aot.stamp',
    'classes/io/github/wasmaot/it/stale/Gone.class', 'generated-sources/wasm-aot/io/github/wasmaot/it/stale/Gone.java',
    'classes/META-INF/wasm-aot/aot/wamr-2.4/x86_64/gone.aot', 'classes/META-INF/wasm-aot/wasm/gone.wasm']
def kept = gone.collect { it.replace('gone', 'hello').replace('Gone', 'Hello') }

// 1: both modules
assert builds[1].contains('wasm-aot compile: 2 image(s): 2 compiled, 0 up to date, 0 failed')
assert builds[1].contains('binding io.github.wasmaot.it.stale.Gone: ')

// 2: gone.wasm deleted: each output of it removed with a log line, hello.wasm up to date and kept
assert !new File(basedir, 'src/main/wasm/gone.wasm').exists()
assert builds[2].contains('[INFO] removed wamr-2.4/x86_64/gone.aot and its stamp: its source module is gone')
assert builds[2].contains('[INFO] removed META-INF/wasm-aot/aot/wamr-2.4/x86_64/gone.aot: no longer in the bundle manifest')
assert builds[2].contains('[INFO] removed META-INF/wasm-aot/wasm/gone.wasm: no longer in the bundle manifest')
assert builds[2] =~ /(?m)^\[INFO\] removed \S+\/classes\/io\/github\/wasmaot\/it\/stale\/Gone\.class: /
assert builds[2] =~ /(?m)^\[INFO\] removed \S+\/generated-sources\/wasm-aot\/io\/github\/wasmaot\/it\/stale\/Gone\.java: /
assert builds[2].contains('wasm-aot compile: 1 image(s): 0 compiled, 1 up to date, 0 failed')
gone.each { assert !new File(t, it).exists() : "${it} should have been removed" }
kept.each { assert new File(t, it).isFile() : "${it} should be kept" }

def manifest = new File(t, 'classes/META-INF/wasm-aot/manifest.json').text
assert !manifest.contains('gone')
assert manifest.contains('"aot/wamr-2.4/x86_64/hello.aot"')

def zip = new ZipFile(new File(t, 'stale-module-1.0-wasm-aot.zip'))
try {
    def names = zip.entries().collect { it.name }
    assert names == ['aot/wamr-2.4/x86_64/hello.aot', 'manifest.json', 'wasm/hello.wasm'] : names
    assert !zip.getInputStream(zip.getEntry('manifest.json')).text.contains('gone')
} finally {
    zip.close()
}
// the verify goal checked the bundle against its manifest
assert builds[2].contains('stale-module-1.0-wasm-aot.zip: bundle verified, 1 image(s)')
assert builds[2].contains('BUILD SUCCESS')
return true
