package io.github.wasmaot.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The WebAssembly spec tests ({@code shared/spec-tests/NAME/NAME.json}) as JUnit dynamic tests:
 * one container per file, one test per command named {@code NAME:LINE}, run in file order.
 * Subclasses choose the {@link Executor} (none: execution commands are skipped, never passed)
 * and where the Markdown summary goes. Reused by later modules through this module's test-jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SpecTestSuite {

    /** The command that regenerates the summary, recorded in it. */
    protected static final String PRODUCER = "./mvnw -B verify";

    private final SpecSummary summary = new SpecSummary();
    private int commandCount;
    private CommandRunner runner;
    private String runnerFile = "";

    /** The executor for execution commands, or empty to check only decoding and validation. */
    protected abstract Optional<Executor> executor();

    /**
     * Commands ({@code NAME:LINE}) this suite's executor is known to fail, for reasons recorded where the list is
     * kept. They still count as failed in the summary; the JUnit test is aborted with the reason instead of
     * failing, so a build stays green on known failures and turns red on any new one. Empty by default.
     */
    protected Set<String> expectedFailures() {
        return Set.of();
    }

    /** Marker name of the section in {@code docs/compat.md} this suite writes. */
    protected String summaryMarker() {
        return "spec-summary";
    }

    /**
     * Whether a complete run rewrites its section of the repository's {@code docs/compat.md}. The build's own
     * suite does; suites judged by tools that exist only on a developer's machine say so explicitly, and
     * otherwise write their section into a temporary copy whose path they print.
     */
    protected boolean writesCompat() {
        return true;
    }

    protected static Path sharedDirectory() {
        String shared = System.getProperty("wasmaot.shared.dir");
        return shared != null ? Paths.get(shared) : repoDirectory().resolve("../shared").normalize();
    }

    protected static Path repoDirectory() {
        return Paths.get(System.getProperty("wasmaot.repo.dir", "..")).toAbsolutePath().normalize();
    }

    /**
     * The spec files to run: every {@code <name>/<name>.json}, or only the names listed (comma-separated) in
     * {@code -Dwasmaot.spec.files=i32,i64}; a subset never writes the summary (see {@link #writeSummary}).
     */
    static List<Path> specFiles(Path specTests) throws IOException {
        Set<String> only = Arrays.stream(System.getProperty("wasmaot.spec.files", "").split(","))
                .map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(specTests)) {
            List<Path> files = dirs.filter(Files::isDirectory)
                    .filter(d -> only.isEmpty() || only.contains(d.getFileName().toString()))
                    .map(d -> d.resolve(d.getFileName() + ".json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            if (files.size() < only.size()) {
                throw new IllegalArgumentException("wasmaot.spec.files names spec files not in " + specTests + ": "
                        + only);
            }
            return files;
        }
    }

    @TestFactory
    Stream<DynamicNode> specTests() throws IOException {
        Path specTests = sharedDirectory().resolve("spec-tests");
        assertTrue(Files.isDirectory(specTests), "spec tests not found at " + specTests);
        List<Path> files = specFiles(specTests);
        assertFalse(files.isEmpty(), "no spec test files in " + specTests);
        return files.stream().map(this::container);
    }

    private DynamicContainer container(Path json) {
        SpecFile file;
        try {
            file = SpecFile.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commandCount += file.commands().size();
        Stream<DynamicNode> tests = file.commands().stream().map(c -> DynamicTest.dynamicTest(
                file.name() + ":" + c.line(), json.toUri(), () -> run(file, c)));
        return DynamicContainer.dynamicContainer(file.name(), json.toUri(), tests);
    }

    private void run(SpecFile file, SpecCommand command) {
        if (runner == null || !runnerFile.equals(file.name())) {
            closeRunner();
            runner = new CommandRunner(file, executor());
            runnerFile = file.name();
        }
        Outcome outcome;
        try {
            outcome = runner.run(command);
        } catch (RuntimeException e) {
            summary.record(file.name(), command.line(), command.kind(), Outcome.failed(e.toString()));
            abortIfExpected(file, command, e.toString());
            throw e;
        }
        summary.record(file.name(), command.line(), command.kind(), outcome);
        switch (outcome.status()) {
            case FAILED -> {
                abortIfExpected(file, command, outcome.detail());
                Assertions.fail(outcome.detail());
            }
            case SKIPPED -> Assumptions.abort(outcome.detail());
            case PASSED -> {
                String id = file.name() + ":" + command.line();
                if (expectedFailures().contains(id)) {
                    Assertions.fail("listed as an expected failure but passes now: remove " + id + " from the list");
                }
            }
        }
    }

    private void abortIfExpected(SpecFile file, SpecCommand command, String detail) {
        String id = file.name() + ":" + command.line();
        if (expectedFailures().contains(id)) {
            Assumptions.abort("expected failure " + id + " (counted as failed in the summary): " + detail);
        }
    }

    private void closeRunner() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    @AfterAll
    void writeSummary() throws IOException {
        closeRunner();
        String executorName = executor().map(Executor::name).orElse("none");
        String markdown = summary.toMarkdown(PRODUCER, executorName);
        System.out.println(markdown);
        summary.disagreements().forEach((pair, n) -> System.out.println("[spec] message " + pair + " " + n));
        String subset = System.getProperty("wasmaot.spec.files", "");
        if (commandCount == 0 || summary.recorded() != commandCount || !subset.isBlank()) {
            System.out.println("[spec] partial run (" + summary.recorded() + " of " + commandCount + " commands"
                    + (subset.isBlank() ? "" : ", only " + subset) + "): docs/compat.md not updated");
            return;
        }
        Path compat = writesCompat() ? repoDirectory().resolve("docs/compat.md")
                : Files.createTempDirectory("wasmaot-compat-").resolve("compat.md");
        new MarkedSection(compat, summaryMarker())
                .write(markdown, "# Compatibility\n\nSpec-test results, generated by the test suite.\n");
        if (!writesCompat()) {
            System.out.println("[spec] docs/compat.md left unchanged; this run's section is in " + compat);
        }
    }
}
