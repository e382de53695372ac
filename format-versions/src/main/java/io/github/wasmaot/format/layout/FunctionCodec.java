package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.FunctionSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Function section: pointer-sized text offsets, u32 type indexes, and (when {@code withCellNums}) u32
 * max local and max stack cell numbers, one per defined function. The count comes from the init data.
 */
public final class FunctionCodec implements SectionCodec<FunctionSection> {
    public static final String LEGACY = "function-v3";
    public static final String V5 = "function-v5";
    /** WAMR 2.0.0-2.2.0: already carries the cell numbers (WAMR-2.0.0 aot_loader.c load_function_section). */
    public static final String V3_2X = "function-v3-2.x";
    /** WAMR 2.3.x and 2.4.0. */
    public static final String V4 = "function-v4";

    private final String name;
    private final boolean withCellNums;

    public FunctionCodec(String name, boolean withCellNums) {
        this.name = name;
        this.withCellNums = withCellNums;
    }

    @Override
    public String layoutName() {
        return name;
    }

    @Override
    public FunctionSection read(ByteReader in, LayoutContext ctx) throws AotFormatException {
        long declared = ctx.initData() == null ? 0 : ctx.initData().funcCount();
        int ptr = ctx.pointerSize();
        int perFunction = ptr + 4 + (withCellNums ? 8 : 0);
        int n = in.count(declared, perFunction, "function");
        long codeSize = ctx.text() == null ? 0 : ctx.text().codeSize();
        long typeCount = ctx.initData() == null ? 0 : ctx.initData().funcTypes().size();
        List<Long> offsets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            long off = ptr == 8 ? in.u64() : in.u32();
            if (Long.compareUnsigned(off, codeSize) >= 0) {
                throw in.errorAt(at, "function " + i + " starts at " + Long.toUnsignedString(off)
                        + ", code is " + codeSize + " bytes", "invalid function code offset");
            }
            offsets.add(off);
        }
        List<Long> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            long t = in.u32();
            if (t >= typeCount) {
                throw in.errorAt(at, "function " + i + " uses type " + t + " of " + typeCount, "unknown type");
            }
            types.add(t);
        }
        List<Long> locals = new ArrayList<>(withCellNums ? n : 0);
        List<Long> stacks = new ArrayList<>(withCellNums ? n : 0);
        if (withCellNums) {
            for (int i = 0; i < n; i++) {
                locals.add(in.u32());
            }
            for (int i = 0; i < n; i++) {
                stacks.add(in.u32());
            }
        }
        if (!in.atEnd()) {
            throw in.error(in.remaining() + " bytes left after " + n + " functions",
                    "invalid function section size");
        }
        return new FunctionSection(offsets, types, locals, stacks);
    }

    @Override
    public void write(FunctionSection f, ByteSink out, LayoutContext ctx) {
        int ptr = ctx.pointerSize();
        for (long off : f.textOffsets()) {
            if (ptr == 8) {
                out.u64(off);
            } else {
                out.u32(off);
            }
        }
        f.typeIndexes().forEach(out::u32);
        if (withCellNums) {
            f.maxLocalCellNums().forEach(out::u32);
            f.maxStackCellNums().forEach(out::u32);
        }
    }
}
