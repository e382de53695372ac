package io.github.wasmaot.loader;

/**
 * Which backend runs a module when the user does not force one, and why. Natively, two kinds of fault would take
 * the JVM down rather than trap unless something catches them: an access to a guard page (images with linear
 * memory may rely on guard pages instead of software bounds checks, wamrc's default on 64-bit targets), and a
 * runaway recursion in an image that does not check its native stack (an image does not say whether it has
 * wamrc's check of {@code exec_env->native_stack_boundary}). Where the native backend catches both
 * ({@code backend.nativ.SignalTraps}, x86-64 Linux: a SIGSEGV handler that stops the AOT code, as WAMR's does), a
 * host-ISA image runs natively: same results and traps as the emulator, at the machine's speed. Otherwise the
 * emulator runs it, since it turns both into traps; native execution with those risks is chosen only when the
 * emulator is unavailable, with the risks in the reason. The user can always force either.
 *
 * @param kind    the backend
 * @param reason  why, in words for the user
 * @param notable whether the choice is worth telling the user unasked (it is not when the image runs natively
 *                with every fault trapped: the expected case, and then `run` stays as quiet as iwasm)
 */
public record BackendChoice(BackendKind kind, String reason, boolean notable) {
    private static final String STACK_RISK = "the image may not check its native stack, and natively a runaway"
            + " recursion would hit the JVM thread's guard page";

    public BackendChoice(BackendKind kind, String reason) {
        this(kind, reason, true);
    }

    public static BackendChoice forModule(AotModule module) throws LoaderException {
        Isa isa = module.isa();
        String nativeUnavailable = BackendKind.NATIVE.unavailableReason(isa);
        boolean hasMemory = module.image().initData().importMemoryCount() > 0
                || module.image().initData().memories().stream().anyMatch(m -> !isPlaceholder(m));
        String trapsUnavailable = nativeUnavailable != null ? null
                : io.github.wasmaot.loader.backend.nativ.SignalTraps.unavailableReason();
        if (nativeUnavailable == null && trapsUnavailable == null) {
            return new BackendChoice(BackendKind.NATIVE, "host ISA; native code traps "
                    + (hasMemory ? "guard-page hits and " : "") + "stack overflows", false);
        }
        // probed only now: asking the emulator loads Unicorn, which a native run never needs
        boolean emulatorOk = BackendKind.EMULATED.unavailableReason(isa) == null;
        if (emulatorOk) {
            return new BackendChoice(BackendKind.EMULATED, nativeUnavailable != null ? nativeUnavailable
                    : (hasMemory ? "the module has linear memory and may rely on guard pages, and " : "")
                    + STACK_RISK + "; native code cannot trap that here (" + trapsUnavailable
                    + "), the emulator does");
        }
        if (nativeUnavailable == null) {
            return new BackendChoice(BackendKind.NATIVE, "emulator unavailable ("
                    + BackendKind.EMULATED.unavailableReason(isa) + "); "
                    + (hasMemory ? "an out-of-bounds access in an image without software bounds checks, or " : "")
                    + "a runaway recursion in an image without a native-stack check would crash the JVM");
        }
        throw new LoaderException("no backend can run " + isa.label() + " images here: "
                + nativeUnavailable + "; " + BackendKind.EMULATED.unavailableReason(isa));
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
