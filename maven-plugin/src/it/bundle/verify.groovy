import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.GZIPInputStream
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def vectors = new File((new File(basedir, 'pom.xml').text =~ /<vectors>([^<]+)<\/vectors>/)[0][1])
assert vectors.isDirectory() : "vectors at ${vectors}"

static String sha256(byte[] bytes) {
    MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
}

/** Entries of a tar.gz in order: name -> bytes (pax headers skipped). */
static Map<String, byte[]> readTarGz(File file) {
    def entries = new LinkedHashMap<String, byte[]>()
    new GZIPInputStream(new FileInputStream(file)).withCloseable { gz ->
        def data = gz.readAllBytes()
        int at = 0
        while (at + 512 <= data.length) {
            byte[] header = Arrays.copyOfRange(data, at, at + 512)
            String name = new String(header, 0, 100, 'UTF-8').replaceAll('\u0000.*$', '')
            if (name.isEmpty()) break // end-of-archive blocks
            String prefix = new String(header, 345, 155, 'UTF-8').replaceAll('\u0000.*$', '')
            long size = Long.parseLong(new String(header, 124, 12, 'US-ASCII').replaceAll('[\u0000 ]', '') ?: '0', 8)
            char type = (char) header[156]
            String mode = new String(header, 100, 8, 'US-ASCII').replaceAll('[\u0000 ]', '')
            String uid = new String(header, 108, 8, 'US-ASCII').replaceAll('[\u0000 ]', '')
            String uname = new String(header, 265, 32, 'UTF-8').replaceAll('\u0000.*$', '')
            long mtime = Long.parseLong(new String(header, 136, 12, 'US-ASCII').replaceAll('[\u0000 ]', ''), 8)
            at += 512
            byte[] body = Arrays.copyOfRange(data, at, at + (int) size)
            at += (int) ((size + 511).intdiv(512) * 512)
            if (type == 'x' as char || type == 'g' as char) continue
            assert type == '0' as char : "entry ${name} is not a plain file"
            assert mode.endsWith('644') : "mode ${mode} of ${name}"
            assert uid.replaceAll('^0+', '') == '' : "uid ${uid} of ${name}"
            assert uname == '' : "user name ${uname} of ${name}"
            assert mtime == 1767225600L : "mtime ${mtime} of ${name} is not the project's outputTimestamp"
            entries[(prefix ? prefix + '/' : '') + name] = body
        }
    }
    entries
}

static Map<String, byte[]> readZip(File file) {
    def entries = new LinkedHashMap<String, byte[]>()
    new ZipFile(file).withCloseable { zip ->
        zip.entries().each { e -> entries[e.name] = zip.getInputStream(e).readAllBytes() }
    }
    entries
}

// help documents every parameter with its user property
['imageDirectory', 'sourceDirectory', 'formats', 'bundleDirectory', 'bundleName', 'classifier', 'attach',
 'includeInJar', 'compilerVersion', 'compilerOptions', 'failIfNoImages', 'bundle.skip'].each { p ->
    assert log.contains("User property: wasm-aot.${p}") : "help lacks wasm-aot.${p}"
}
assert log.contains('imageCompilers')

def images = [
    'aot/legacy/x86_64/hello.wamr-cba4c782.x86_64.aot',
    'aot/wamr-2.4/aarch64/add.wamr-2.4.aarch64.aot',
    'aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.aot',
    'aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.bounds-checks.aot',
    'aot/wamr-2.4/x86_64/features.wamr-2.4.x86_64.aot',
]
def expectedEntries = (images + ['manifest.json', 'wasm/add.wasm', 'wasm/features.wasm', 'wasm/hello.wasm']).sort()

def tgz = new File(target, 'bundle-1.0-wasm-aot.tar.gz')
def zip = new File(target, 'bundle-1.0-wasm-aot.zip')
assert tgz.isFile() && zip.isFile()
assert log.contains("bundle: ${tgz} (attached as tar.gz:wasm-aot)")
assert log.contains("bundle: ${zip} (attached as zip:wasm-aot)")
assert log.contains('wasm-aot bundle: 5 image(s) from ')

def tar = readTarGz(tgz)
def zipped = readZip(zip)
assert tar.keySet() as List == expectedEntries : "tar entries ${tar.keySet()}"
assert zipped.keySet() as List == expectedEntries : "zip entries ${zipped.keySet()}"
expectedEntries.each { assert Arrays.equals(tar[it], zipped[it]) : "${it} differs between tar.gz and zip" }

// the shared vectors' own manifest: what the real wamrc made
def vectorManifest = new JsonSlurper().parse(new File(vectors, 'manifest.json'))
def vectorByFile = vectorManifest.entries.collectEntries { [(it.file): it] }

def manifest = new JsonSlurper().parse(tar['manifest.json'])
assert manifest.format == 'wasm-aot-bundle/1'
assert manifest.images*.path == images
manifest.images.each { m ->
    def file = m.path.substring(m.path.lastIndexOf('/') + 1)
    def v = vectorByFile[file]
    // recomputed from the archive entry, from the file the build copied, and as the vectors record it
    assert sha256(tar[m.path]) == m.sha256 : m.path
    assert sha256(new File(target, 'wasm-aot/' + m.path.substring(4)).bytes) == m.sha256
    assert v.sha256 == m.sha256 : m.path
    assert m.size == tar[m.path].length
    assert m.profile == v.profile
    assert m.isa == v.isa
    assert m.aotVersion == v.aot_version
    assert m.wasm.path == 'wasm/' + v.wasm
    assert sha256(tar[m.wasm.path]) == m.wasm.sha256
    assert sha256(new File(vectors, v.wasm).bytes) == m.wasm.sha256
    assert m.wasm.size == tar[m.wasm.path].length
}
def byPath = manifest.images.collectEntries { [(it.path): it] }
assert byPath['aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.bounds-checks.aot'].compiler ==
        [version: 'wamrc 2.4.4', options: ['--target=x86_64', '--bounds-checks=1']]
assert byPath['aot/legacy/x86_64/hello.wamr-cba4c782.x86_64.aot'].compiler ==
        [version: 'wamrc cba4c782', options: ['--target=x86_64', '--cpu=x86-64-v2']]
assert byPath['aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.aot'].compiler == [version: 'wamrc 2.4.4', options: []]

// reproducible: build 2 bundled the same inputs under another name
['tar.gz', 'zip'].each { ext ->
    def again = new File(target, "rebuilt.${ext}")
    assert again.isFile()
    assert Arrays.equals(again.bytes, new File(target, "bundle-1.0-wasm-aot.${ext}").bytes) : "${ext} not reproducible"
}
// atomic writes leave no temporary files behind
assert target.list().findAll { it.endsWith('.tmp') } == []

// includeInJar: the main jar carries the entries under META-INF/wasm-aot/
def jar = readZip(new File(target, 'bundle-1.0.jar'))
expectedEntries.each { e ->
    assert Arrays.equals(jar['META-INF/wasm-aot/' + e], tar[e]) : "jar lacks META-INF/wasm-aot/${e}"
}
assert !log.contains('was already packaged before this execution')

// attached with the classifier, installed beside the jar
def repo = new File(localRepositoryPath, 'io/github/wasmaot/it/bundle/1.0')
assert Arrays.equals(new File(repo, 'bundle-1.0-wasm-aot.tar.gz').bytes, tgz.bytes)
assert Arrays.equals(new File(repo, 'bundle-1.0-wasm-aot.zip').bytes, zip.bytes)
assert new File(repo, 'bundle-1.0.jar').isFile()
return true
