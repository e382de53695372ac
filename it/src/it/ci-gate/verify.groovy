def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] --- wasm-aot:[^ ]+:verify /)
assert builds.size() == 3 : 'expected two wasm-aot:verify runs'
def image = /\S*images\/hello\.current\.x86_64\.aot/

// 1: accepted by the runtime it was made for
assert builds[1] =~ /(?m)^\[INFO\] ${image}: accepted by wamr-2\.4 \(target x86_64\)$/
assert builds[1].contains('BUILD SUCCESS')

// 2: legacy refuses it, with the runtime's own texts: the AOT version, then the 36-byte target info it reads
assert builds[2] =~ /(?m)^\[ERROR\] ${image}: error AOT_VERSION: .* \(runtime would say: "unknown binary version"\)$/
assert builds[2] =~ /(?m)^\[ERROR\] ${image}: error TARGET_INFO_SIZE: target-info section is 48 bytes .*, but wamr-cba4c782 reads 36 bytes.* \(runtime would say: "invalid section size"\)$/
assert builds[2].contains('hello.current.x86_64.aot: REJECTED by wamr-cba4c782 (target x86_64)')
assert builds[2].contains('1 of 1 AOT image check(s) rejected:')
assert builds[2].contains('BUILD FAILURE')
return true
