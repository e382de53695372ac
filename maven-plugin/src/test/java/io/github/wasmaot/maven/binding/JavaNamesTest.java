package io.github.wasmaot.maven.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
    @Test
    void moduleNamesBecomeClassNames() {
        assertEquals("Hello", JavaNames.className("hello"));
        assertEquals("MyModuleV2", JavaNames.className("my-module.v2"));
        assertEquals("M9lives", JavaNames.className("9lives"));
        assertEquals("M", JavaNames.className("--"));
    }

    @Test
    void exportNamesBecomeMethodNames() {
        assertEquals("add", JavaNames.methodName("add"));
        assertEquals("_start", JavaNames.methodName("_start"));
        assertEquals("memory_grow", JavaNames.methodName("memory.grow"));
        assertEquals("_1st", JavaNames.methodName("1st"));
        assertEquals("int_", JavaNames.methodName("int"));
        assertEquals("__", JavaNames.methodName("_"));
        // "_" alone is no identifier since Java 9
        assertEquals("__", JavaNames.methodName(""));
    }

    @Test
    void groupIdsBecomePackages() {
        assertEquals("io.github.my_org", JavaNames.packageName("io.github.my-org"));
        assertEquals("com.example.int_", JavaNames.packageName("com.Example.int"));
        assertTrue(JavaNames.isPackageName("io.github.wasmaot.it"));
        assertTrue(JavaNames.isPackageName(""));
        assertFalse(JavaNames.isPackageName("io.github.my-org"));
        assertFalse(JavaNames.isPackageName("com..x"));
        assertFalse(JavaNames.isPackageName("com.int"));
    }
}
