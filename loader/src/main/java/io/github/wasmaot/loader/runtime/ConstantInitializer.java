package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.loader.LoaderException;

/** Evaluates the constant initializers of globals, data and element offsets (no imported globals yet). */
final class ConstantInitializer {
    private ConstantInitializer() {
    }

    /** The raw bits of a constant initializer. */
    static long bits(InitExpr e, String what) throws LoaderException {
        if (e instanceof InitExpr.Value32 v && v.type() != InitExpr.GET_GLOBAL) {
            return v.value() & 0xffffffffL;
        }
        if (e instanceof InitExpr.Value64 v) {
            return v.value();
        }
        if (e instanceof InitExpr.Slot64 v && v.type() != InitExpr.GET_GLOBAL) {
            return v.type() == InitExpr.I32_CONST || v.type() == InitExpr.F32_CONST
                    || v.type() == InitExpr.FUNCREF_CONST ? v.value() & 0xffffffffL : v.value();
        }
        throw new LoaderException(what + ": initializer " + e + " is not supported by the loader yet"
                + " (global.get of imported globals, extended constants, v128)");
    }

    /** A 32-bit offset (data/element segment). */
    static long offset(InitExpr e, String what) throws LoaderException {
        return bits(e, what) & 0xffffffffL;
    }

    static boolean isNullRef(InitExpr e) {
        return e.type() == InitExpr.REFNULL_CONST;
    }
}
