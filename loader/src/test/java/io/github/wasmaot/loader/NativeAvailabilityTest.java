package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The native backend is offered only where a guard-page hit or a stack overflow traps instead of ending the JVM,
 * unless the caller accepts the risk; asking never installs the signal handler.
 */
class NativeAvailabilityTest {

    @AfterEach
    void clear() {
        System.clearProperty("wasmaot.native.noSignalTraps");
        System.clearProperty(BackendKind.NATIVE_UNSAFE_PROPERTY);
    }

    private static Isa host() {
        Assumptions.assumeTrue(Isa.host().isPresent(), "no supported host ISA");
        return Isa.host().get();
    }

    @Test
    void withoutTrapsTheNativeBackendIsRefusedWithTheWayOut() {
        Isa isa = host();
        System.setProperty("wasmaot.native.noSignalTraps", "true");
        String why = BackendKind.NATIVE.unavailableReason(isa);
        assertTrue(why != null && why.contains("would end the JVM") && why.contains("emulated")
                && why.contains("-Dwasmaot.native.unsafe=true"), String.valueOf(why));
    }

    @Test
    void acceptingTheRiskMakesItAvailableAgain() {
        Isa isa = host();
        System.setProperty("wasmaot.native.noSignalTraps", "true");
        System.setProperty(BackendKind.NATIVE_UNSAFE_PROPERTY, "true");
        assertNull(BackendKind.NATIVE.unavailableReason(isa));
    }

    @Test
    void onX8664LinuxItIsAvailableWithTraps() {
        Isa isa = host();
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux") && isa == Isa.X86_64,
                "traps exist on x86-64 Linux only");
        assertNull(BackendKind.NATIVE.unavailableReason(isa));
    }
}
