import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def image = 'add.wamr-2.4.x86_64.aot'

// one line per finding: FILE: <severity> <code>: <message> (runtime would say: "...")
assert log =~ /(?m)\[ERROR\] \S*\/${image.replace('.', '\\.')}: error AOT_VERSION: .* \(runtime would say: "unknown binary version"\)$/
// behind the version wall: legacy reads 36 bytes of target info, the 2.4 image carries 48
assert log =~ /(?m)\[ERROR\] \S*\/${image.replace('.', '\\.')}: error TARGET_INFO_SIZE: target-info section is 48 bytes .* \(runtime would say: "invalid section size"\)$/
assert log.contains("${image}: REJECTED by wamr-cba4c782 (target x86_64)")
assert log.contains('0 accepted, 1 rejected')
// the failure names the rejected image and what the runtime would print
assert log.contains('1 of 1 AOT image check(s) rejected:')
assert log =~ /(?m)^\s+\S*\/${image.replace('.', '\\.')} on wamr-cba4c782 \(target x86_64\): AOT_VERSION \(runtime would say: "unknown binary version"\); TARGET_INFO_SIZE \(runtime would say: "invalid section size"\)/
assert log.contains('BUILD FAILURE')

def json = new File(basedir, 'target/wasm-aot/verify-report.json')
assert json.isFile()
def report = new JsonSlurper().parse(json)
assert report.passed == false
assert report.runtimes == ['wamr-cba4c782']
assert report.target == 'x86_64'
assert report.totals.rejected == 1
assert report.results.size() == 1
assert report.results[0].file.endsWith('/' + image)
assert report.results[0].accepted == false
assert report.results[0].runtimeText == 'unknown binary version'
assert report.results[0].findings*.code == ['AOT_VERSION', 'TARGET_INFO_SIZE']
assert new File(basedir, 'target/wasm-aot/verify-report.html').text.contains('unknown binary version')
return true
