package io.github.wasmaot.format.io;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;

/** The 8-byte file header: magic and AOT version. */
public record ImageHeader(long magic, long version) {
    /** Reads and checks the magic (WAMR: "magic header not detected"). */
    public static ImageHeader read(byte[] image, String fileName) throws AotFormatException {
        ByteReader in = ByteReader.over(image, fileName);
        long magic = in.u32();
        if (magic != AotImage.MAGIC) {
            throw in.errorAt(0, "magic is 0x" + Long.toHexString(magic) + ", not \\0aot",
                    "magic header not detected");
        }
        return new ImageHeader(magic, in.u32());
    }
}
