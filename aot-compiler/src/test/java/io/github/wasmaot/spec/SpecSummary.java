package io.github.wasmaot.spec;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts outcomes per spec file and per command type, plus how many rejected modules/actions
 * got the reference interpreter's message, and every failed command with what went wrong; renders them as
 * Markdown (no dates, so an unchanged result renders identically).
 */
public final class SpecSummary {

    /** passed / failed / skipped counts. */
    static final class Counts {
        int passed;
        int failed;
        int skipped;

        void add(Outcome.Status s) {
            switch (s) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }

        void addAll(Counts c) {
            passed += c.passed;
            failed += c.failed;
            skipped += c.skipped;
        }

        int total() {
            return passed + failed + skipped;
        }
    }

    private final Map<String, Counts> byFile = new TreeMap<>();
    private final Map<String, Counts> byKind = new TreeMap<>();
    private final Map<String, Integer> skipReasons = new TreeMap<>();
    private int messagesCompared;
    private int messagesAgreeing;
    private final Map<String, Integer> disagreements = new TreeMap<>();
    private final Map<String, String> firstDisagreement = new TreeMap<>();
    /** Longest failure text kept per command in the Markdown. */
    static final int FAILURE_TEXT_LIMIT = 240;

    /** A failed command: where it is and why it failed. */
    record Failure(String file, int line, String kind, String why) {
        static final Comparator<Failure> ORDER = Comparator.comparing(Failure::file).thenComparingInt(Failure::line);
    }

    private final Set<Failure> failures = new TreeSet<>(Failure.ORDER);

    synchronized void record(String file, int line, String kind, Outcome outcome) {
        byFile.computeIfAbsent(file, f -> new Counts()).add(outcome.status());
        byKind.computeIfAbsent(kind, k -> new Counts()).add(outcome.status());
        if (outcome.status() == Outcome.Status.SKIPPED) {
            skipReasons.merge(outcome.detail(), 1, Integer::sum);
        }
        if (outcome.status() == Outcome.Status.FAILED) {
            failures.add(new Failure(file, line, kind, outcome.detail()));
        }
        if (outcome.messageAgrees() != null) {
            messagesCompared++;
            if (outcome.messageAgrees()) {
                messagesAgreeing++;
            } else {
                String pair = "\"" + outcome.expectedMessage() + "\" <- \"" + outcome.detail() + "\"";
                disagreements.merge(pair, 1, Integer::sum);
                firstDisagreement.putIfAbsent(pair, file + ":" + line);
            }
        }
    }

    synchronized int recorded() {
        return byKind.values().stream().mapToInt(Counts::total).sum();
    }

    synchronized int failed() {
        return byKind.values().stream().mapToInt(c -> c.failed).sum();
    }

    /** Reference message and ours, for each kind of disagreement, with counts (for the console). */
    synchronized Map<String, String> disagreements() {
        Map<String, String> out = new TreeMap<>();
        disagreements.forEach((pair, n) -> out.put(pair, "x" + n + ", first at " + firstDisagreement.get(pair)));
        return out;
    }

    synchronized String toMarkdown(String producer, String executorName) {
        StringBuilder md = new StringBuilder();
        md.append("Produced by `").append(producer).append("` (executor: ").append(executorName)
                .append("). Every binary module is decoded and validated by the front end (`assert_unlinkable` and ")
                .append("`assert_uninstantiable` modules too, before their instantiation is handed to the executor); ")
                .append("without an executor a `module` command checks only that.\n\n");
        md.append("### By command type\n\n");
        table(md, "command", byKind);
        md.append("\nRejections whose message starts with the reference interpreter's: ")
                .append(messagesAgreeing).append(" of ").append(messagesCompared).append(".\n");
        if (!skipReasons.isEmpty()) {
            md.append("\nSkipped because:\n\n");
            skipReasons.forEach((reason, n) -> md.append("- ").append(reason).append(": ").append(n).append('\n'));
        }
        md.append("\n### By file\n\n");
        table(md, "file", byFile);
        if (!failures.isEmpty()) {
            md.append("\n### Failed commands\n\n");
            failures.forEach(f -> md.append("- `").append(f.file()).append(':').append(f.line()).append("` ")
                    .append(f.kind()).append(": ").append(oneLine(f.why())).append('\n'));
        }
        return md.toString();
    }

    /** {@code text} on one line, shortened to {@link #FAILURE_TEXT_LIMIT} characters, with Markdown code quotes. */
    static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (flat.length() > FAILURE_TEXT_LIMIT) {
            flat = flat.substring(0, FAILURE_TEXT_LIMIT) + "…";
        }
        return flat.isEmpty() ? "(no message)" : "`` " + flat + " ``";
    }

    private static void table(StringBuilder md, String what, Map<String, Counts> rows) {
        md.append("| ").append(what).append(" | passed | failed | skipped |\n|---|---:|---:|---:|\n");
        Counts total = new Counts();
        rows.forEach((name, c) -> {
            row(md, "`" + name + "`", c);
            total.addAll(c);
        });
        row(md, "**total**", total);
    }

    private static void row(StringBuilder md, String name, Counts c) {
        md.append("| ").append(name).append(" | ").append(c.passed).append(" | ").append(c.failed)
                .append(" | ").append(c.skipped).append(" |\n");
    }
}
