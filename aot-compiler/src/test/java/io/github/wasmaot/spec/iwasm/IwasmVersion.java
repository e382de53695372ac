package io.github.wasmaot.spec.iwasm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code iwasm --version} says: {@code iwasm 2.4.4} on 2.x; the legacy runtime (cba4c782,
 * 2021) has no such option. The legacy REPL also never flushes stdout, so on a pipe its replies
 * only arrive at exit; 2.x flushes after every prompt.
 *
 * @param version e.g. {@code 2.4.4}, empty for a runtime without {@code --version}
 */
public record IwasmVersion(Optional<String> version) {

    private static final Pattern VERSION = Pattern.compile("^iwasm (\\d+\\.\\d+\\.\\d+)", Pattern.MULTILINE);

    public boolean flushesReplOutput() {
        return version.isPresent();
    }

    /** {@code wamr-2.4} for 2.4.x; empty for the legacy runtime (no version to derive it from). */
    public Optional<String> profile() {
        return version.map(v -> "wamr-" + v.substring(0, v.lastIndexOf('.')));
    }

    @Override
    public String toString() {
        return version.map(v -> "iwasm " + v).orElse("iwasm (no --version: pre-2.0)");
    }

    static IwasmVersion probe(IwasmConfig config) {
        List<String> command = new ArrayList<>(config.launcher());
        command.add("--version");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(config.commandTimeout().toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Matcher m = VERSION.matcher(new String(out, StandardCharsets.UTF_8));
            return new IwasmVersion(m.find() ? Optional.of(m.group(1)) : Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
