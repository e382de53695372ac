package io.github.wasmaot.loader;

/**
 * Which backend runs a module when the user does not force one, and why. Native execution is chosen only
 * where it cannot take the JVM down: the image's ISA is the host's and the module has no linear memory.
 * Images with memory may rely on the runtime's guard pages instead of software bounds checks (wamrc's default
 * on 64-bit targets); natively an out-of-bounds access would then be a SIGSEGV in the JVM, while the emulator
 * turns the unmapped guard region into a clean trap.
 */
public record BackendChoice(BackendKind kind, String reason) {

    public static BackendChoice forModule(AotModule module) throws LoaderException {
        Isa isa = module.isa();
        boolean nativeOk = BackendKind.NATIVE.unavailableReason(isa) == null;
        boolean emulatorOk = BackendKind.EMULATED.unavailableReason(isa) == null;
        boolean hasMemory = module.image().initData().importMemoryCount() > 0
                || module.image().initData().memories().stream().anyMatch(m -> !isPlaceholder(m));
        if (nativeOk && !hasMemory) {
            return new BackendChoice(BackendKind.NATIVE, isa.label() + " image on a " + isa.label()
                    + " host, no linear memory");
        }
        if (emulatorOk) {
            return new BackendChoice(BackendKind.EMULATED, nativeOk
                    ? "the module has linear memory and may rely on guard pages, which only the emulator traps cleanly"
                    : BackendKind.NATIVE.unavailableReason(isa));
        }
        if (nativeOk) {
            return new BackendChoice(BackendKind.NATIVE, "emulator unavailable ("
                    + BackendKind.EMULATED.unavailableReason(isa) + "); an out-of-bounds access in an image without"
                    + " software bounds checks would crash the JVM");
        }
        throw new LoaderException("no backend can run " + isa.label() + " images here: "
                + BackendKind.NATIVE.unavailableReason(isa) + "; " + BackendKind.EMULATED.unavailableReason(isa));
    }

    /**
     * The memory wamrc writes for a module that has none (aot.c: memory_count forced to 1, zeroed, only
     * num_bytes_per_page set; cba4c782:388-400, WAMR-2.4.4:565-582): no flags, no pages, maximum 0. A declared
     * {@code (memory 0 0)} has the has-maximum flag set, so it is never mistaken for it.
     */
    private static boolean isPlaceholder(io.github.wasmaot.format.section.init.Memory m) {
        return m.flags() == 0 && m.initPageCount() == 0 && m.maxPageCount() == 0;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + reason + ")";
    }
}
