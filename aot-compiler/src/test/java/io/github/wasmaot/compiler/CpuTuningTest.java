package io.github.wasmaot.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An x86-64 level ({@code --cpu x86-64-v2}: the legacy wamrc needs an explicit CPU on a current x86 host) picks the
 * instructions, not the processor to tune for: a rotate stays {@code rol}, which is fast everywhere, instead of
 * the {@code shld r, r, imm} LLVM's Sandy Bridge / Haswell tuning picks, which is slow on AMD Zen (sha256 ran 1.75×
 * as long on the real cba4c782 iwasm).
 */
class CpuTuningTest {
    /** {@code (func (param i32) (result i32) (i32.rotl (local.get 0) (i32.const 7)))}. */
    private static final byte[] ROTL7 = TinyModules.unary((byte) 0x7f, 0x41, 0x07, 0x77);

    /** Whether {@code code} holds {@code shld}/{@code shrd} with an immediate ({@code 0F A4} / {@code 0F AC}). */
    private static boolean hasDoubleShift(byte[] code) {
        for (int i = 0; i + 1 < code.length; i++) {
            if (code[i] == 0x0f && (code[i + 1] == (byte) 0xa4 || code[i + 1] == (byte) 0xac)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @CsvSource({"wamr-cba4c782, x86-64-v2", "wamr-cba4c782, x86-64-v3", "wamr-2.4, x86-64-v2", "wamr-2.4, x86-64"})
    void levelsAreTunedGenericallyAndRotateWithRol(String profile, String cpu) throws Exception {
        byte[] code = TinyModules.compiledText(ROTL7, new CompileOptions(profile, "x86_64", 3, false, cpu));
        String hex = HexFormat.of().formatHex(code);
        assertFalse(hasDoubleShift(code), "shld/shrd in " + hex);
        // rol r32, 7 (C1 /0 7), ror r32, 25 (C1 /1 25) or BMI2's rorx r32, r/m32, 25 (VEX ... F0 /r 25)
        assertTrue(hex.matches(".*c1c[0-7]07.*|.*c1c[8-9a-f]19.*|.*f0[0-9a-f]{2}19.*"), "no rotate in " + hex);
    }
}
