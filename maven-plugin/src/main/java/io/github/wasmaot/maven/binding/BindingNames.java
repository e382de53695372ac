package io.github.wasmaot.maven.binding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class name of each module's binding, checked before anything is written: two modules whose class names are
 * equal (or differ only in case, which clashes on case-insensitive file systems), or a class name that is also a
 * {@code java.lang} type (which the binding would shadow in its package: {@code Class}, {@code String},
 * {@code Record}, ...) fail with both files and the fix.
 */
public final class BindingNames {
    private BindingNames() {
    }

    /**
     * @param modules  module name of each source file, in order
     * @param mapping  explicit simple class names by module name (the {@code bindingNames} parameter); may be empty
     * @return the simple class name of each source file, in order
     * @throws IllegalArgumentException naming the files and the fix when names clash, a mapping names no module or
     *                                  maps to no valid class name
     */
    public static Map<Path, String> classNames(Map<Path, String> modules, Map<String, String> mapping) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            if (!modules.containsValue(m.getKey())) {
                problems.add("bindingNames maps module \"" + m.getKey() + "\", which is no source module (modules: "
                        + String.join(", ", modules.values()) + ")");
            }
            String name = m.getValue() == null ? "" : m.getValue().trim();
            if (!JavaNames.isPackageName(name) || name.isEmpty() || name.contains(".")) {
                problems.add("bindingNames maps module \"" + m.getKey() + "\" to \"" + name
                        + "\", which is no Java class name");
            }
        }
        Map<Path, String> out = new LinkedHashMap<>();
        Map<String, Path> byLowerName = new LinkedHashMap<>();
        for (Map.Entry<Path, String> e : modules.entrySet()) {
            String mapped = mapping.get(e.getValue());
            String name = mapped == null ? JavaNames.className(e.getValue()) : mapped.trim();
            out.put(e.getKey(), name);
            Path prior = byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), e.getKey());
            if (prior != null) {
                problems.add(prior + " and " + e.getKey() + " both map to binding class " + name
                        + (name.equals(out.get(prior)) ? "" : " / " + out.get(prior) + " (names equal but for case)")
                        + "; rename one file, or give one another class name with <bindingNames><"
                        + e.getValue() + ">OtherName</" + e.getValue() + "></bindingNames>");
            }
            if (isJavaLang(name)) {
                problems.add(e.getKey() + " maps to binding class " + name + ", which would shadow java.lang."
                        + name + "; rename the file, or give it another class name with <bindingNames><"
                        + e.getValue() + ">" + name + "Module</" + e.getValue()
                        + "></bindingNames>");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return out;
    }

    /** True when {@code java.lang.<name>} is a class of the running JDK. */
    static boolean isJavaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

}
