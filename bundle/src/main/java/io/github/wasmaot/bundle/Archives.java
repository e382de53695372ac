package io.github.wasmaot.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** Writes sorted entries as a reproducible tar.gz or zip: fixed times, owners and modes, nothing host-specific. */
final class Archives {
    /** rw-r--r-- regular file. */
    private static final int FILE_MODE = 0100644;
    private static final int GZIP_OS_UNKNOWN = 255;
    private static final Instant DOS_MIN = Instant.parse("1980-01-01T00:00:00Z");
    private static final Instant DOS_MAX = Instant.parse("2107-12-31T23:59:58Z");

    private Archives() {
    }

    static void write(BundleFormat format, Path file, SortedMap<String, byte[]> entries, Instant time)
            throws IOException {
        switch (format) {
            case TAR_GZ -> writeTarGz(file, entries, time);
            case ZIP -> writeZip(file, entries, time);
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    private static void writeTarGz(Path file, SortedMap<String, byte[]> entries, Instant time) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setCompressionLevel(Deflater.BEST_COMPRESSION);
        gzip.setModificationTime(0); // no time in the gzip header
        gzip.setOperatingSystem(GZIP_OS_UNKNOWN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            FileTime mtime = FileTime.from(Instant.ofEpochSecond(time.getEpochSecond()));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                entry.setMode(FILE_MODE);
                entry.setLastModifiedTime(mtime);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void writeZip(Path file, SortedMap<String, byte[]> entries, Instant time) throws IOException {
        long dosTime = dosLocalMillis(time);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.setEncoding(StandardCharsets.UTF_8.name());
            zip.setUseLanguageEncodingFlag(true);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.setMethod(ZipArchiveOutputStream.DEFLATED);
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                entry.setTime(dosTime);
                entry.setUnixMode(FILE_MODE);
                entry.setSize(e.getValue().length);
                zip.putArchiveEntry(entry);
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    /**
     * Zip stores local date and time fields (DOS time) converted with the JVM's time zone; these millis make
     * the stored fields the UTC fields of {@code time} in every zone, clamped to the range DOS time can hold.
     */
    private static long dosLocalMillis(Instant time) {
        Instant t = time.isBefore(DOS_MIN) ? DOS_MIN : time.isAfter(DOS_MAX) ? DOS_MAX : time;
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return utc.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
