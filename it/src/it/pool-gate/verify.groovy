def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] --- wasm-aot:[^ ]+:verify /)
assert builds.size() == 3 : 'expected two wasm-aot:verify runs'

// 1: sized, logged, fits
assert builds[1] =~ /(?m)^\[INFO\] pool \S*hello\.current\.x86_64\.aot on wamr-2\.4\/x86_64 \(hw-bound-check\): load [0-9,]+, instantiate [0-9,]+, run [0-9,]+ bytes/
assert builds[1].contains('BUILD SUCCESS')

// 2: does not fit a 10,000-byte pool
assert builds[2] =~ /image does not fit the pool \(wasm-aot\.poolSize\): \S*hello\.current\.x86_64\.aot: needs [0-9,]+ bytes, pool is 10,000/
assert builds[2].contains('BUILD FAILURE')
return true
