package io.github.wasmaot.maven.binding;

import java.util.Locale;
import java.util.Set;

/** Java names for wasm names: class names for modules, method names for exports, packages for group ids. */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "record", "yield", "sealed", "permits");

    private JavaNames() {
    }

    /** {@code hello} → {@code Hello}, {@code my-module.v2} → {@code MyModuleV2}, {@code 9lives} → {@code M9lives}. */
    static String className(String module) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < module.length(); i++) {
            char c = module.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (b.isEmpty() || !Character.isJavaIdentifierStart(b.charAt(0))) {
            b.insert(0, 'M');
        }
        return b.toString();
    }

    /** An export name as a method name: invalid characters become {@code _}, keywords get a trailing {@code _}. */
    static String methodName(String export) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < export.length(); i++) {
            char c = export.charAt(i);
            b.append(b.isEmpty() ? (Character.isJavaIdentifierStart(c) ? c : Character.isJavaIdentifierPart(c)
                    ? "_" + c : "_") : (Character.isJavaIdentifierPart(c) ? c : '_'));
        }
        String s = b.isEmpty() ? "_" : b.toString();
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    /** A package from a Maven group id: {@code io.github.my-org} → {@code io.github.my_org}. */
    static String packageName(String groupId) {
        StringBuilder out = new StringBuilder();
        for (String part : groupId.toLowerCase(Locale.ROOT).split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            String p = methodName(part);
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(p);
        }
        return out.toString();
    }

    /** True when {@code name} is a dotted sequence of Java identifiers. */
    static boolean isPackageName(String name) {
        if (name.isEmpty()) {
            return true;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || KEYWORDS.contains(part) || !Character.isJavaIdentifierStart(part.charAt(0))
                    || !part.chars().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }
}
