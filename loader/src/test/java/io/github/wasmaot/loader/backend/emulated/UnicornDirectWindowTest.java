package io.github.wasmaot.loader.backend.emulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.loader.backend.nativ.NativeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code uc_wasmaot_direct_window} of tools/unicorn's patch, which the bundled linux-x86_64 Unicorn carries:
 * translated code reaches guest memory in the window at the host address the window names, and the window ends
 * (accesses go back through Unicorn's checks) when a page in it changes protection; ranges it cannot serve are
 * refused. The emulated spec cells and trap tests run through it wherever the bundled build is used.
 */
class UnicornDirectWindowTest {
    private static final long CODE = 0x10000;
    private static final long DATA = 0x100000;
    private static final int PAGE = 4096;
    /** str x1, [x0]; ldr x2, [x0, #8] */
    private static final int[] STORE_LOAD = {0xF9000001, 0xF9400402};
    private static final int X0 = UnicornConstants.ARM64_X0;
    private static final int X1 = UnicornConstants.ARM64_X0 + 1;
    private static final int X2 = UnicornConstants.ARM64_X0 + 2;
    private static final int UC_ERR_WRITE_PROT = 12;
    private static final int UC_ERR_ARG = 15;
    private static final int RW = UnicornConstants.UC_PROT_READ | UnicornConstants.UC_PROT_WRITE;

    private UnicornEngine uc;
    private NativeMemory host;
    private long hostBase;

    @BeforeEach
    void open() {
        assumeTrue(UnicornEngine.unavailableReason(UnicornConstants.UC_ARCH_ARM64) == null, "no Unicorn for arm64");
        uc = UnicornEngine.open(UnicornConstants.UC_ARCH_ARM64, UnicornConstants.UC_MODE_ARM,
                UnicornConstants.UC_CPU_ARM64_MAX);
        assumeTrue(uc.hasDirectWindow(), "the Unicorn here has no uc_wasmaot_direct_window (not the patched build)");
        host = new NativeMemory();
        hostBase = host.map(3L * PAGE, Protection.READ_WRITE, false);
        uc.map(CODE, PAGE, UnicornConstants.UC_PROT_READ | UnicornConstants.UC_PROT_EXEC);
        ByteBuffer code = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (int insn : STORE_LOAD) {
            code.putInt(insn);
        }
        uc.write(CODE, code.array());
        // two guest pages from one host block, as the backend maps linear memory (a region per commit)
        uc.mapPtr(DATA, PAGE, RW, hostBase);
        uc.mapPtr(DATA + PAGE, PAGE, RW, hostBase + PAGE);
    }

    @AfterEach
    void close() {
        if (uc != null) {
            uc.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static byte[] le(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }

    /** Runs the store and load at guest {@code address}; returns Unicorn's result code. */
    private int storeLoad(long address, long value) {
        uc.writeRegister(X0, address);
        uc.writeRegister(X1, value);
        uc.writeRegister(X2, 0);
        return uc.run(CODE, CODE + 4L * STORE_LOAD.length);
    }

    @Test
    void guestAccessesInTheWindowReachTheHostMemoryItNames() {
        uc.directWindow(DATA, 2L * PAGE, hostBase);
        host.write(hostBase + PAGE + 0x18, le(0x0102030405060708L));
        // across the boundary of the two regions, and again with the translated block reused
        for (long value : new long[] {0x1122334455667788L, 0x55aa55aa55aa55aaL}) {
            assertEquals(UnicornConstants.UC_ERR_OK, storeLoad(DATA + PAGE + 0x10, value));
            assertArrayEquals(le(value), host.read(hostBase + PAGE + 0x10, 8));
            assertEquals(0x0102030405060708L, uc.readRegister(X2));
        }
        // and at the first byte of the window, where the host's first page holds it
        assertEquals(UnicornConstants.UC_ERR_OK, storeLoad(DATA, 0x77L));
        assertArrayEquals(le(0x77L), host.read(hostBase, 8));
    }

    @Test
    void protectingAPageInTheWindowEndsItSoStoresThereFaultAgain() {
        uc.directWindow(DATA, 2L * PAGE, hostBase);
        assertEquals(UnicornConstants.UC_ERR_OK, storeLoad(DATA + PAGE, 1L));
        uc.protect(DATA + PAGE, PAGE, UnicornConstants.UC_PROT_READ);
        assertEquals(UC_ERR_WRITE_PROT, storeLoad(DATA + PAGE, 2L));
        assertArrayEquals(le(1L), host.read(hostBase + PAGE, 8), "the refused store wrote nothing");
        // the page before it is still writable, through Unicorn's own path now
        assertEquals(UnicornConstants.UC_ERR_OK, storeLoad(DATA + 0x20, 3L));
        assertArrayEquals(le(3L), host.read(hostBase + 0x20, 8));
    }

    @Test
    void rangesTheWindowCannotServeAreRefused() {
        // not backed by the host memory named (one page off)
        assertEquals(UC_ERR_ARG, assertThrows(UnicornException.class,
                () -> uc.directWindow(DATA, 2L * PAGE, hostBase + PAGE)).error());
        // running past the mapped pages
        assertEquals(UC_ERR_ARG, assertThrows(UnicornException.class,
                () -> uc.directWindow(DATA, 3L * PAGE, hostBase)).error());
        // executable pages: a direct store would miss the code translated from them
        assertEquals(UC_ERR_ARG, assertThrows(UnicornException.class,
                () -> uc.directWindow(CODE, PAGE, hostBase)).error());
        // a read-only page
        uc.protect(DATA + PAGE, PAGE, UnicornConstants.UC_PROT_READ);
        assertEquals(UC_ERR_ARG, assertThrows(UnicornException.class,
                () -> uc.directWindow(DATA, 2L * PAGE, hostBase)).error());
        // what is left is served
        uc.directWindow(DATA, PAGE, hostBase);
        assertEquals(UnicornConstants.UC_ERR_OK, storeLoad(DATA + 8, 9L));
        assertArrayEquals(le(9L), host.read(hostBase + 8, 8));
    }
}
