package io.github.wasmaot.maven.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingNamesTest {
    private static Map<Path, String> modules(String... files) {
        Map<Path, String> m = new LinkedHashMap<>();
        for (String f : files) {
            m.put(Path.of("/p/src/main/wasm", f), f.substring(f.lastIndexOf('/') + 1, f.length() - 5));
        }
        return m;
    }

    @Test
    void distinctModulesGetTheirCamelCaseNames() {
        assertEquals(List.of("Hello", "MyMem"), List.copyOf(BindingNames.classNames(
                modules("hello.wasm", "my-mem.wasm"), Map.of()).values()));
    }

    @Test
    void twoFilesOneClassNameNamesBothFilesAndTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BindingNames.classNames(modules("my-mem.wasm", "sub/my_mem.wasm"), Map.of()));
        assertEquals("/p/src/main/wasm/my-mem.wasm and /p/src/main/wasm/sub/my_mem.wasm both map to binding class"
                + " MyMem; rename one file, or give one another class name with"
                + " <bindingNames><my_mem>OtherName</my_mem></bindingNames>", e.getMessage());
    }

    @Test
    void namesEqualButForCaseClashToo() {
        // MyMem.class and Mymem.class are one file on case-insensitive file systems
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BindingNames.classNames(modules("my-mem.wasm", "mymem.wasm"), Map.of()));
        assertTrue(e.getMessage().contains("both map to binding class Mymem / MyMem (names equal but for case)"),
                e.getMessage());
    }

    @Test
    void javaLangNamesAreRefused() {
        for (String m : List.of("class", "string", "object", "integer", "math", "system", "thread", "record")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BindingNames.classNames(modules(m + ".wasm"), Map.of()), m);
            String cls = Character.toUpperCase(m.charAt(0)) + m.substring(1);
            assertTrue(e.getMessage().contains("maps to binding class " + cls + ", which would shadow java.lang."
                    + cls + "; rename the file"), e.getMessage());
        }
        assertTrue(BindingNames.isJavaLang("ProcessHandle"));
        assertFalse(BindingNames.isJavaLang("Hello"));
        assertFalse(BindingNames.isJavaLang("reflect"));
    }

    @Test
    void aMappingResolvesTheClash() {
        Map<Path, String> names = BindingNames.classNames(modules("my-mem.wasm", "my_mem.wasm", "class.wasm"),
                Map.of("my_mem", "MyMemory", "class", "ClassModule"));
        assertEquals(List.of("MyMem", "MyMemory", "ClassModule"), List.copyOf(names.values()));
    }

    @Test
    void aBadMappingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BindingNames.classNames(modules("hello.wasm"), Map.of("helo", "X", "hello", "a.B")));
        assertTrue(e.getMessage().contains("bindingNames maps module \"helo\", which is no source module"),
                e.getMessage());
        assertTrue(e.getMessage().contains("to \"a.B\", which is no Java class name"), e.getMessage());
    }
}
