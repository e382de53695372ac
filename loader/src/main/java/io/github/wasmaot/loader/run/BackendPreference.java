package io.github.wasmaot.loader.run;

import io.github.wasmaot.loader.BackendKind;
import java.util.Locale;
import java.util.Optional;

/** Which backend a run asks for: the loader's own choice ({@link #AUTO}) or a forced one. */
public enum BackendPreference {
    /** Let {@link io.github.wasmaot.loader.BackendChoice#forModule} pick, and say why. */
    AUTO,
    /** Run directly on this CPU (the image's ISA must be the host's). */
    NATIVE,
    /** Run in the Unicorn emulator (needs libunicorn.so.2). */
    EMULATED;

    /** The forced backend, empty for {@link #AUTO}. */
    public Optional<BackendKind> kind() {
        return switch (this) {
            case AUTO -> Optional.empty();
            case NATIVE -> Optional.of(BackendKind.NATIVE);
            case EMULATED -> Optional.of(BackendKind.EMULATED);
        };
    }

    /** Parses {@code auto}, {@code native} or {@code emulated} (also {@code emulate}), ignoring case; null is auto. */
    public static BackendPreference parse(String text) {
        String t = text == null ? "auto" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "auto" -> AUTO;
            case "native" -> NATIVE;
            case "emulated", "emulate", "emulator" -> EMULATED;
            default -> throw new IllegalArgumentException("unknown backend '" + text
                    + "'; choose auto, native or emulated");
        };
    }
}
