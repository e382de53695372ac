import groovy.json.JsonSlurper

// build.log holds the four invocations in order
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] --- wasm-aot:[^ ]+:verify /)
assert builds.size() == 5 : "expected four wasm-aot:verify runs, log: ${log}"
def imageDir = new File(basedir, 'target/wasm-aot').absolutePath

// 1: fails, saying where it looked and how to allow it
def expected = "nothing to verify: no files given (<files>, -Dwasm-aot.files) and " + imageDir +
        " does not exist; -Dwasm-aot.failIfNoImages=false allows this"
assert builds[1].contains(expected)
assert builds[1].contains('BUILD FAILURE')

// 2: allowed, an empty passing report
assert builds[2].contains('0 image(s) x 1 runtime(s) [wamr-2.4]')
assert builds[2].contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/wasm-aot/verify-report.json'))
assert report.passed == true
assert report.totals.images == 0
assert report.results == []

// 3: skipped before the unknown runtime could matter
assert builds[3].contains('wasm-aot verify skipped (wasm-aot.skip)')
assert !builds[3].contains('no-such-runtime')
assert builds[3].contains('BUILD SUCCESS')

// 4: the image directory exists and holds only the report
assert builds[4].contains("nothing to verify: no *.aot image in [${imageDir}]; -Dwasm-aot.failIfNoImages=false allows this")
assert builds[4].contains('BUILD FAILURE')
return true
