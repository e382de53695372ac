package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.profile.TargetInfoField;
import io.github.wasmaot.format.profile.TargetInfoLayout;
import io.github.wasmaot.format.section.TargetInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Target info read and written field by field from the profile's field list. */
public final class TargetInfoCodec implements SectionCodec<TargetInfo> {
    public static final String NAME = "target-info-fields";

    @Override
    public String layoutName() {
        return NAME;
    }

    @Override
    public TargetInfo read(ByteReader in, LayoutContext ctx) throws AotFormatException {
        TargetInfoLayout layout = ctx.profile().targetInfo();
        Map<String, Long> values = new HashMap<>();
        byte[] arch = new byte[TargetInfo.ARCH_LENGTH];
        for (TargetInfoField f : layout.fields()) {
            switch (f.type()) {
                case "u16" -> values.put(f.name(), (long) in.u16());
                case "u32" -> values.put(f.name(), in.u32());
                case "u64" -> values.put(f.name(), in.u64());
                default -> {
                    byte[] raw = in.bytes(f.size());
                    if (f.name().equals("arch")) {
                        arch = new byte[TargetInfo.ARCH_LENGTH];
                        System.arraycopy(raw, 0, arch, 0, Math.min(raw.length, arch.length));
                    }
                }
            }
        }
        if (layout.archMustEndWithNul() && arch[arch.length - 1] != 0) {
            throw in.error("arch string is not NUL-terminated", "invalid arch string");
        }
        if (!in.atEnd()) {
            throw in.error("target info is " + layout.size() + " bytes in this layout, section has "
                    + (in.remaining() + layout.size()), "invalid section size");
        }
        OptionalLong flags = values.containsKey("feature_flags")
                ? OptionalLong.of(values.get("feature_flags")) : OptionalLong.empty();
        return new TargetInfo(values.getOrDefault("bin_type", 0L).intValue(),
                values.getOrDefault("abi_type", 0L).intValue(), values.getOrDefault("e_type", 0L).intValue(),
                values.getOrDefault("e_machine", 0L).intValue(), values.getOrDefault("e_version", 0L),
                values.getOrDefault("e_flags", 0L), flags, values.getOrDefault("reserved", 0L), arch);
    }

    @Override
    public void write(TargetInfo t, ByteSink out, LayoutContext ctx) {
        for (TargetInfoField f : ctx.profile().targetInfo().fields()) {
            switch (f.name()) {
                case "bin_type" -> out.u16(t.binType());
                case "abi_type" -> out.u16(t.abiType());
                case "e_type" -> out.u16(t.eType());
                case "e_machine" -> out.u16(t.eMachine());
                case "e_version" -> writeNumber(out, f, t.eVersion());
                case "e_flags" -> writeNumber(out, f, t.eFlags());
                case "feature_flags" -> writeNumber(out, f, t.featureFlags().orElse(0));
                case "reserved" -> writeNumber(out, f, t.reserved());
                case "arch" -> {
                    byte[] raw = new byte[f.size()];
                    byte[] arch = t.arch();
                    System.arraycopy(arch, 0, raw, 0, Math.min(arch.length, raw.length));
                    out.bytes(raw);
                }
                default -> writeNumber(out, f, 0);
            }
        }
    }

    private static void writeNumber(ByteSink out, TargetInfoField f, long v) {
        switch (f.type()) {
            case "u16" -> out.u16((int) v);
            case "u32" -> out.u32(v);
            case "u64" -> out.u64(v);
            default -> out.bytes(new byte[f.size()]);
        }
    }
}
