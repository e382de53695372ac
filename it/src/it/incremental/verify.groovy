def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] --- wasm-aot:[^ ]+:compile /)
assert builds.size() == 6 : "expected five wasm-aot:compile runs"
def images = ['math/fib.wasm': 'fib', 'hello.wasm': 'hello']
def cells = ['wamr-2.4/x86_64', 'wamr-cba4c782/x86_64']

// 1: everything compiled, extra/broken.wasm excluded
assert builds[1].contains('wasm-aot compile: 4 image(s): 4 compiled, 0 up to date, 0 failed')
['fib', 'hello'].each { m -> cells.each { c ->
    assert builds[1] =~ /(?m)^\[INFO\] ${m}\.wasm -> ${c}\/${m}\.aot: compiled \(no image yet, \d+ ms\)$/
} }
assert !builds[1].contains('broken')

// 2: nothing compiled, one line per image saying so
assert builds[2].contains('wasm-aot compile: 4 image(s): 0 compiled, 4 up to date, 0 failed')
['fib', 'hello'].each { m -> cells.each { c ->
    assert builds[2] =~ /(?m)^\[INFO\] ${m}\.wasm -> ${c}\/${m}\.aot: up to date, skipped$/
} }
assert !builds[2].contains(': compiled (')

// 3: other options: compiled again, saying why
assert builds[3].contains('wasm-aot compile: 4 image(s): 4 compiled, 0 up to date, 0 failed')
assert builds[3] =~ /(?m)^\[INFO\] hello\.wasm -> wamr-2\.4\/x86_64\/hello\.aot: compiled \(options changed, were --runtime=wamr-2\.4 --target=x86_64 --opt-level=3 --bounds-checks=0 --cpu=\S+( --\S+)*, \d+ ms\)$/
cells.each { c ->
    assert new File(basedir, "target/wasm-aot/${c}/hello.aot.stamp").text.contains('option=--bounds-checks=1')
}

// 4: skipped
assert builds[4].contains('wasm-aot compile skipped (wasm-aot.skip)')

// 5: the broken module fails, named with the decoder's message; the others are up to date
assert builds[5].contains('wasm-aot compile: 6 image(s): 0 compiled, 4 up to date, 2 failed')
assert builds[5] =~ /(?m)^\[ERROR\] broken\.wasm for current\/x86_64: FAILED: broken\.wasm: .+$/
assert builds[5].contains('2 image(s) could not be compiled:')
assert builds[5].contains('BUILD FAILURE')
assert !new File(basedir, 'target/wasm-aot/wamr-2.4/x86_64/broken.aot').exists()
return true
