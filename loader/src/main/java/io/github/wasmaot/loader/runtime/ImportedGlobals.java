package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.format.section.init.ImportGlobal;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.host.HostGlobal;
import io.github.wasmaot.loader.host.HostImports;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of a module's imported globals, taken from the host's globals at instantiation (WAMR's AOT
 * runtime copies an imported global's value into the instance's global data). An import nobody serves, or
 * served with another type or mutability, fails the instantiation naming (module, name).
 */
final class ImportedGlobals {
    private ImportedGlobals() {
    }

    static List<Long> values(List<ImportGlobal> imports, HostImports host) throws LoaderException {
        List<Long> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ImportGlobal g : imports) {
            String module = g.moduleName().text();
            String name = g.globalName().text();
            HostGlobal h = host.lookupGlobal(module, name).orElse(null);
            if (h == null) {
                problems.add("unknown import (" + module + ", " + name + "): no host global is registered for it");
                continue;
            }
            boolean mutable = g.mutable() != 0;
            if (h.value().type().code() != g.valueType() || h.mutable() != mutable) {
                problems.add("incompatible import type (" + module + ", " + name + "): the module imports a "
                        + (mutable ? "mutable " : "") + "global of type 0x" + Integer.toHexString(g.valueType())
                        + " but the host global is " + (h.mutable() ? "mutable " : "") + h.value().type());
                continue;
            }
            out.add(h.value().bits());
        }
        if (!problems.isEmpty()) {
            throw new LoaderException(String.join("; ", problems));
        }
        return out;
    }
}
