import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

static String sha256(byte[] bytes) {
    MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
}

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def cells = ['wamr-2.4/x86_64', 'wamr-2.4/aarch64', 'wamr-cba4c782/x86_64', 'wamr-cba4c782/aarch64']
def wasm = new File(basedir, 'src/main/wasm/hello.wasm').bytes

// compile: one line per module and cell, a summary, the binding
cells.each { c ->
    assert log =~ /(?m)^\[INFO\] hello\.wasm -> ${c}\/hello\.aot: compiled \(no image yet, \d+ ms\)$/ : "no compile line for ${c}"
    assert new File(target, "wasm-aot/${c}/hello.aot").isFile()
    assert new File(target, "wasm-aot/${c}/hello.aot.stamp").isFile()
}
assert log.contains('wasm-aot compile: 4 image(s): 4 compiled, 0 up to date, 0 failed')
assert log.contains('binding io.github.wasmaot.it.Hello: add(i32,i32->i32), fib(i32->i32), mul64(i64,i64->i64), half(f64->f64)')
assert new File(target, 'classes/io/github/wasmaot/it/Hello.class').isFile()
// javac compiled main code against it (wasm-aot:compile bound to generate-resources)
assert new File(target, 'classes/io/github/wasmaot/it/Fibs.class').isFile()
// the binding's source is a main source root (the loader is a compile dependency), so javac compiled it beside Fibs
assert new File(target, 'generated-sources/wasm-aot/io/github/wasmaot/it/Hello.java').isFile()
assert log =~ /(?m)^\[INFO\] binding sources: main source root \S+\/target\/generated-sources\/wasm-aot$/
assert log =~ /(?m)^\[INFO\] Compiling 2 source files with javac .* to target\/classes$/
assert new ZipFile(new File(target, 'hello-1.0.jar')).withCloseable { jar ->
    jar.getEntry('io/github/wasmaot/it/Hello.class') != null && jar.getEntry('META-INF/wasm-aot/manifest.json') != null
}
assert new File(target, 'classes/META-INF/wasm-aot/manifest.json').isFile()

// the project's JUnit test called the generated class
def surefire = new File(target, 'surefire-reports/TEST-io.github.wasmaot.it.HelloTest.xml').text
assert surefire =~ /tests="4"/
assert surefire =~ /failures="0"/
assert surefire =~ /errors="0"/
assert surefire =~ /skipped="0"/

// verify: each image against the runtime and ISA it was compiled for
def report = new JsonSlurper().parse(new File(target, 'wasm-aot/verify-report.json'))
assert report.passed == true
assert report.totals.images == 4
assert report.totals.accepted == 4
assert report.totals.rejected == 0
assert report.runtimes as Set == ['wamr-2.4', 'wamr-cba4c782'] as Set
assert log.contains('4 image(s)')

// bundle: both formats, every image with its source wasm and the compile options from its stamp
['tar.gz', 'zip'].each { ext -> assert new File(target, "hello-1.0-wasm-aot.${ext}").isFile() }
def zip = new ZipFile(new File(target, 'hello-1.0-wasm-aot.zip'))
def names = zip.entries().collect { it.name }
assert names == (cells.collect { "aot/${it}/hello.aot".toString() } + ['manifest.json', 'wasm/hello.wasm']).sort()
assert sha256(zip.getInputStream(zip.getEntry('wasm/hello.wasm')).bytes) == sha256(wasm)
def manifest = new JsonSlurper().parse(zip.getInputStream(zip.getEntry('manifest.json')))
zip.close()
assert manifest.images.size() == 4
manifest.images.each { i ->
    def (profile, isa) = i.path.split('/')[1..2]
    assert i.profile == profile
    assert i.isa == isa
    assert i.aotVersion == (profile == 'wamr-2.4' ? 5 : 3)
    assert i.sha256 == sha256(new File(target, "wasm-aot/${profile}/${isa}/hello.aot").bytes)
    assert i.wasm.path == 'wasm/hello.wasm'
    assert i.wasm.sha256 == sha256(wasm)
    assert i.compiler.version.startsWith('wasm-aot-compiler ')
    assert i.compiler.options[0..3] == ["--runtime=${profile}", "--target=${isa}", '--opt-level=3', '--bounds-checks=0']*.toString()
    assert i.compiler.options[4].startsWith('--cpu=')
}

// run: one smoke run per cell through the loader, aarch64 emulated
def runs = [:]
(log =~ /(?ms)^\[INFO\] --- wasm-aot:[^ ]+:run \(([^)]+)\).*?(?=^\[INFO\] --- |\z)/).each { m -> runs[m[1]] = m[0] }
assert runs.keySet() == ['run-current-x86_64', 'run-current-aarch64', 'run-legacy-x86_64', 'run-legacy-aarch64'] as Set
assert runs['run-current-x86_64'] =~ /(?m)^\[INFO\] 0x5:i32$/
assert runs['run-current-aarch64'] =~ /(?m)^\[INFO\] 0x1a6d:i32$/
assert runs['run-current-aarch64'].contains('[INFO] backend: emulated (requested)')
assert runs['run-legacy-x86_64'] =~ /(?m)^\[INFO\] 0x300000000:i64$/
assert runs['run-legacy-aarch64'] =~ /(?m)^\[INFO\] 0x1a6d:i32$/

// help documents every compile parameter with its user property
['sourceDirectory', 'includes', 'excludes', 'runtimes', 'targets', 'optLevel', 'boundsChecks', 'cpu', 'imageDirectory',
 'generateBindings', 'bindingPackage', 'addSourceRoot', 'classesDirectory', 'failIfNoSources', 'skip'].each { p ->
    assert log.contains("User property: wasm-aot.${p}") : "help lacks wasm-aot.${p}"
}
assert log.contains('BUILD SUCCESS')
return true
