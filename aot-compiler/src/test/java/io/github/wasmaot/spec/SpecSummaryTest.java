package io.github.wasmaot.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecSummaryTest {

    @Test
    void listsEveryFailedCommandInFileAndLineOrderOnOneLine() {
        SpecSummary summary = new SpecSummary();
        summary.record("linking", 210, "assert_return", Outcome.failed("expected [i32:4]\n  but got [i32:2]"));
        summary.record("imports", 86, "assert_return", Outcome.failed("unlinked import (spectest, print_i64)"));
        summary.record("linking", 18, "assert_return", Outcome.failed(""));
        summary.record("linking", 19, "assert_return", Outcome.passed());
        summary.record("linking", 20, "action", Outcome.skipped("not run"));

        String md = summary.toMarkdown("p", "e");

        String list = md.substring(md.indexOf("### Failed commands"));
        assertEquals("""
                ### Failed commands

                - `imports:86` assert_return: `` unlinked import (spectest, print_i64) ``
                - `linking:18` assert_return: (no message)
                - `linking:210` assert_return: `` expected [i32:4] but got [i32:2] ``
                """, list);
    }

    @Test
    void noListWithoutFailuresAndLongTextsAreCut() {
        SpecSummary summary = new SpecSummary();
        summary.record("f32", 1, "assert_return", Outcome.passed());
        assertFalse(summary.toMarkdown("p", "e").contains("Failed commands"));

        String cut = SpecSummary.oneLine("x".repeat(SpecSummary.FAILURE_TEXT_LIMIT + 50));
        assertTrue(cut.endsWith("… ``"), cut);
        assertEquals(SpecSummary.FAILURE_TEXT_LIMIT + "`` ".length() + "… ``".length(), cut.length());
    }
}
