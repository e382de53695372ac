import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def images = ['add.wamr-2.4.x86_64.aot', 'add.wamr-2.4.x86_64.bounds-checks.aot']

// wasm-aot:help -Ddetail documents every parameter with its user property
['runtimes', 'runtime', 'target', 'files', 'imageDirectory', 'reportDirectory', 'failOnError',
 'failIfNoImages', 'skip'].each { p ->
    assert log.contains("User property: wasm-aot.${p}") : "help lacks wasm-aot.${p}"
}
assert log.contains('The CI gate: proves that AOT images load on pinned WAMR runtimes.')

images.each { image ->
    assert log.contains("${image}: accepted by wamr-2.4 (target x86_64)")
}
assert !log.contains('by wamr-cba4c782') : 'wasm-aot.runtime must replace wasm-aot.runtimes'
assert log.contains('2 accepted, 0 rejected')
assert log.contains('BUILD SUCCESS')

def json = new File(basedir, 'target/wasm-aot/verify-report.json')
def report = new JsonSlurper().parse(json)
assert report.passed == true
assert report.runtimes == ['wamr-2.4']
assert report.totals.images == 2
assert report.totals.accepted == 2
assert report.results*.file.collect { new File(it).name } == images
assert report.results.every { it.accepted && it.runtimeText == null }
assert new File(basedir, 'target/wasm-aot/verify-report.html').isFile()
return true
