package io.github.wasmaot.loader;

/**
 * Which backend runs a module when the user does not force one, and why. The emulator is preferred wherever it
 * runs, because natively two kinds of fault would take the JVM down rather than trap: an access to a guard page
 * (images with linear memory may rely on guard pages instead of software bounds checks, wamrc's default on
 * 64-bit targets), and a runaway recursion in an image that does not check its native stack (wamrc's check of
 * {@code exec_env->native_stack_boundary}; this project's compiler does not emit it yet, and an image does not
 * say whether it has it). The emulator turns both into traps. Native execution is chosen when the emulator is
 * unavailable, with those risks in the reason; the user can always force it. On x86-64 Linux the native backend
 * traps both as well ({@code backend.nativ.SignalTraps}: a SIGSEGV handler that stops the AOT code, as WAMR's
 * does); the reason then says so, and the emulator stays the default only so that the choice does not depend on
 * the host.
 */
public record BackendChoice(BackendKind kind, String reason) {
    private static final String STACK_RISK = "the image may not check its native stack, and natively a runaway"
            + " recursion would hit the JVM thread's guard page";

    public static BackendChoice forModule(AotModule module) throws LoaderException {
        Isa isa = module.isa();
        boolean nativeOk = BackendKind.NATIVE.unavailableReason(isa) == null;
        boolean emulatorOk = BackendKind.EMULATED.unavailableReason(isa) == null;
        boolean hasMemory = module.image().initData().importMemoryCount() > 0
                || module.image().initData().memories().stream().anyMatch(m -> !isPlaceholder(m));
        if (emulatorOk) {
            return new BackendChoice(BackendKind.EMULATED, !nativeOk ? BackendKind.NATIVE.unavailableReason(isa)
                    : hasMemory ? "the module has linear memory and may rely on guard pages, which only the emulator"
                    + " traps cleanly; and " + STACK_RISK
                    : "no linear memory, but " + STACK_RISK + "; the emulator traps both");
        }
        if (nativeOk) {
            String unavailable = "emulator unavailable (" + BackendKind.EMULATED.unavailableReason(isa) + "); ";
            if (io.github.wasmaot.loader.backend.nativ.SignalTraps.available()) {
                return new BackendChoice(BackendKind.NATIVE, unavailable + "native code traps "
                        + (hasMemory ? "guard-page hits and " : "") + "stack overflows too");
            }
            return new BackendChoice(BackendKind.NATIVE, unavailable
                    + (hasMemory ? "an out-of-bounds access in an image without software bounds checks, or " : "")
                    + "a runaway recursion in an image without a native-stack check would crash the JVM");
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
