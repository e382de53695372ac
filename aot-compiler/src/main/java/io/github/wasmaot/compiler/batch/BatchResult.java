package io.github.wasmaot.compiler.batch;

import java.util.List;

/** Every (module, cell) result of a batch, in request order (sources outermost). */
public record BatchResult(List<ModuleResult> results) {
    public BatchResult {
        results = List.copyOf(results);
    }

    public List<ModuleResult.Compiled> compiled() {
        return results.stream().filter(ModuleResult.Compiled.class::isInstance).map(ModuleResult.Compiled.class::cast)
                .toList();
    }

    public List<ModuleResult.UpToDate> upToDate() {
        return results.stream().filter(ModuleResult.UpToDate.class::isInstance).map(ModuleResult.UpToDate.class::cast)
                .toList();
    }

    public List<ModuleResult.Failed> failed() {
        return results.stream().filter(ModuleResult.Failed.class::isInstance).map(ModuleResult.Failed.class::cast)
                .toList();
    }

    /** {@code 4 image(s): 1 compiled, 3 up to date, 0 failed}. */
    public String summary() {
        return results.size() + " image(s): " + compiled().size() + " compiled, " + upToDate().size()
                + " up to date, " + failed().size() + " failed";
    }
}
