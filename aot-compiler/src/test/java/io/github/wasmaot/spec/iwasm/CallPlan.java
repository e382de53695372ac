package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.wasm.model.ValType;
import java.util.List;

/**
 * How one export is reached through the REPL: the name typed ({@code replName}) and the export's
 * own parameter and result types. When {@code probe} is true the name is an added probe export
 * that passes every f32/f64 as its i32/i64 bit pattern (see {@link ProbeInstrumenter}).
 */
record CallPlan(String replName, List<ValType> params, List<ValType> results, boolean probe) {

    CallPlan {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }
}
