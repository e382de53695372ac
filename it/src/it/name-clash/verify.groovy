def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] --- wasm-aot:[^ ]+:compile /)
assert builds.size() == 3 : "expected two wasm-aot:compile runs"
def wasm = new File(basedir, 'src/main/wasm').canonicalPath

// 1: both files and the fix named, nothing compiled
assert builds[1].contains("${wasm}/my-mem.wasm and ${wasm}/my_mem.wasm both map to binding class MyMem; rename one file," +
        " or give one another class name with <bindingNames><my_mem>OtherName</my_mem></bindingNames>")
assert builds[1].contains("${wasm}/class.wasm maps to binding class Class, which would shadow java.lang.Class")
assert builds[1].contains('BUILD FAILURE')
assert !builds[1].contains(': compiled (')

// 2: renamed
assert builds[2].contains('binding io.github.wasmaot.it.MyMem: ')
assert builds[2].contains('binding io.github.wasmaot.it.MyMemory: ')
assert builds[2].contains('binding io.github.wasmaot.it.ClassModule: ')
def classes = new File(basedir, 'target/classes/io/github/wasmaot/it')
['MyMem', 'MyMemory', 'ClassModule'].each { assert new File(classes, "${it}.class").isFile() }
assert !new File(classes, 'Class.class').exists()
return true
