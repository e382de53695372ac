package io.github.wasmaot.loader.runtime;

import java.util.List;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.loader.LoaderException;

/**
 * Evaluates the constant initializers of globals, data and element offsets; {@code global.get} reads the
 * imported globals' values (the only globals a constant expression may name).
 */
final class ConstantInitializer {
    private final List<Long> importedGlobals;

    /** @param importedGlobals raw bits of the imported globals, in import order */
    ConstantInitializer(List<Long> importedGlobals) {
        this.importedGlobals = List.copyOf(importedGlobals);
    }

    /** The raw bits of a constant initializer. */
    long bits(InitExpr e, String what) throws LoaderException {
        if (e.type() == InitExpr.GET_GLOBAL) {
            long index = e instanceof InitExpr.Value32 v ? v.value() : e instanceof InitExpr.Slot64 v ? v.value()
                    : e instanceof InitExpr.Value64 v ? v.value() : -1;
            if (index < 0 || index >= importedGlobals.size()) {
                throw new LoaderException(what + ": global.get " + index + " does not name an imported global");
            }
            return importedGlobals.get((int) index);
        }
        return literal(e, what);
    }

    private static long literal(InitExpr e, String what) throws LoaderException {
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
                + " (extended constants, v128)");
    }

    /** A 32-bit offset (data/element segment). */
    long offset(InitExpr e, String what) throws LoaderException {
        return bits(e, what) & 0xffffffffL;
    }

    static boolean isNullRef(InitExpr e) {
        return e.type() == InitExpr.REFNULL_CONST;
    }
}
