package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProfilesCommandTest {

    @Test
    void listsEveryProfileWithItsFormatFacts() {
        CliRun r = CliRun.of("profiles");
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = Pattern.compile("(?m)^(wamr-\\S+)  \\(aliases: ").matcher(r.out());
        List<String> names = m.results().map(x -> x.group(1)).toList();
        assertEquals(List.of("wamr-cba4c782", "wamr-1.3", "wamr-2.0", "wamr-2.1", "wamr-2.2", "wamr-2.3", "wamr-2.4",
                "wamr-main-646b5a9"), names, r.out());
        // the facts issue #13 lists: 1.3 v3 / 36 bytes, 2.0-2.2 v3 / 48, 2.3 writes v4 and takes 3 or 4, 2.4 v5, main v6
        assertTrue(r.out().contains("wamr-1.3  (aliases: 1.3, ") && r.out().contains(
                "  AOT:         writes version 3, loads 3; target info 36 bytes\n  compile for: aarch64, x86_64"),
                r.out());
        assertTrue(r.out().contains("  AOT:         writes version 6, loads 6; target info 48 bytes"), r.out());
    }

    @Test
    void showsOneProfileByAliasWithWhatWasJudged() {
        CliRun r = CliRun.of("profiles", "2.3.1");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out().replace(System.lineSeparator(), "\n");
        assertTrue(out.startsWith("wamr-2.3  (aliases: 2.3, "), out);
        assertTrue(out.contains("\n  WAMR:        2.3.0, 2.3.1 (source 2a303861cc916dc182b7fecaa0aacc1b797e7ac6, 2025-06-02)\n"
                + "  AOT:         writes version 4, loads 3 or 4; target info 48 bytes\n"), out);
        assertTrue(out.contains("\n  judged:\n    - 2026-12-02: the real wamrc 2.3.1 images"), out);
        CliRun legacy = CliRun.of("profiles", "legacy");
        assertTrue(legacy.out().contains("23633 / 23660 assert_return + assert_trap"), legacy.out());
    }

    @Test
    void unknownProfileIsAUsageError() {
        CliRun r = CliRun.of("profiles", "wamr-9.9");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("wasm-aot profiles: unknown runtime profile 'wamr-9.9'; known: wamr-cba4c782 (legacy, cba4c782), "),
                r.err());
        assertEquals("", r.out());
    }
}
