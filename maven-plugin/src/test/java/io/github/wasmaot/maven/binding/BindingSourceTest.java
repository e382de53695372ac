package io.github.wasmaot.maven.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated Java source compiles (javax.tools) to a class with the ASM class's members. */
class BindingSourceTest {
    @TempDir
    Path dir;

    @Test
    void sourceCompilesToTheSameMembersAsTheWrittenClass() throws Exception {
        Path wasm = dir.resolve("hello.wasm");
        try (InputStream in = BindingSourceTest.class.getResourceAsStream("/hello.wasm")) {
            Files.copy(in, wasm);
        }
        Path asm = dir.resolve("asm");
        Path sources = dir.resolve("src");
        GeneratedBinding b = BindingGenerator.generate(wasm, "hello", "Hello", "com.example", "wamr-2.4", asm,
                sources);
        assertEquals(sources.resolve("com/example/Hello.java"), b.source());
        String text = Files.readString(b.source());
        assertTrue(text.contains("     * Calls wasm export <code>add</code>.\n"), text);
        assertTrue(text.contains("     * <p>wasm: {@code (func (param i32 i32) (result i32))}<br>\n"), text);
        assertTrue(text.contains("     * Java: <code>int add(int arg0, int arg1)</code>\n"), text);
        assertTrue(text.contains("@throws io.github.wasmaot.loader.WasmTrapException when the function traps"), text);

        Path javac = dir.resolve("javac");
        Files.createDirectories(javac);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        int rc = compiler.getTask(out, null, null, List.of("-d", javac.toString(), "-Xlint:all", "-Werror",
                "-Xdoclint:all", "-parameters", "-classpath", System.getProperty("java.class.path")), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(b.source().toFile())).call()
                ? 0 : 1;
        assertEquals(0, rc, out.toString());

        try (URLClassLoader fromAsm = new URLClassLoader(new URL[] {asm.toUri().toURL()},
                BindingSourceTest.class.getClassLoader());
             URLClassLoader fromJavac = new URLClassLoader(new URL[] {javac.toUri().toURL()},
                     BindingSourceTest.class.getClassLoader())) {
            Class<?> a = fromAsm.loadClass("com.example.Hello");
            Class<?> j = fromJavac.loadClass("com.example.Hello");
            assertEquals(a.getModifiers(), j.getModifiers());
            assertEquals(Arrays.asList(a.getInterfaces()), Arrays.asList(j.getInterfaces()));
            assertEquals(members(a), members(j));
            assertTrue(members(a).contains("public int add(int arg0, int arg1)"), members(a).toString());
            assertEquals(a.getField("MODULE").get(null), j.getField("MODULE").get(null));
            assertEquals(a.getField("DEFAULT_PROFILE").get(null), j.getField("DEFAULT_PROFILE").get(null));
        }
    }

    @Test
    void literalsAndJavadocTextAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\012\\015\\u00e9\"", BindingSourceWriter.literal("a\"b\\c\n\ré"));
        assertEquals("a&#42;&#47;b&#64;&lt;i&gt;&#92;u000a", BindingSourceWriter.doc("a*/b@<i>\\u000a"));
    }

    private static TreeSet<String> members(Class<?> c) {
        TreeSet<String> out = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            out.add(Modifier.toString(m.getModifiers()) + " " + m.getReturnType().getTypeName() + " " + m.getName()
                    + "(" + Arrays.stream(m.getParameters()).map(BindingSourceTest::param)
                    .collect(Collectors.joining(", ")) + ")");
        }
        for (Field f : c.getDeclaredFields()) {
            out.add(Modifier.toString(f.getModifiers()) + " " + f.getType().getTypeName() + " " + f.getName());
        }
        Arrays.stream(c.getDeclaredConstructors()).forEach(k -> out.add(Modifier.toString(k.getModifiers()) + " <init>"
                + Arrays.toString(k.getParameterTypes())));
        return out;
    }

    private static String param(Parameter p) {
        return p.getType().getTypeName() + " " + p.getName();
    }
}
