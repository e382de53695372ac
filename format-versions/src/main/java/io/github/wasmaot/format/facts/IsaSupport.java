package io.github.wasmaot.format.facts;

import java.util.List;
import java.util.Optional;

/**
 * What the runtime supports for one ISA: arch strings it accepts, ELF e_machine, relocation kinds it applies,
 * native symbols it can resolve, and the branch range it checks (null when it checks none).
 */
public record IsaSupport(List<String> archNames, int eMachine, List<RelocationKind> relocations,
                         List<String> symbols, BranchRange branchRange) {
    public IsaSupport {
        archNames = archNames == null ? List.of() : List.copyOf(archNames);
        relocations = relocations == null ? List.of() : List.copyOf(relocations);
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    public Optional<RelocationKind> relocation(long type) {
        return relocations.stream().filter(r -> r.type() == type).findFirst();
    }

    public Optional<BranchRange> branch() {
        return Optional.ofNullable(branchRange);
    }

    /** Arch string the runtime reports as "expected" in its target-type error: the first arch name. */
    public String expectedArch() {
        return archNames.isEmpty() ? "" : archNames.get(0);
    }
}
