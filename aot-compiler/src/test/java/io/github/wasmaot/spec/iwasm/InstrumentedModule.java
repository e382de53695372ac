package io.github.wasmaot.spec.iwasm;

import java.util.Map;

/**
 * A module binary with its probe exports added, and how to call each original export: function
 * exports by name in {@code functions}, global exports (read through a getter probe) in
 * {@code globals}.
 */
record InstrumentedModule(byte[] bytes, Map<String, CallPlan> functions, Map<String, CallPlan> globals) {

    InstrumentedModule {
        functions = Map.copyOf(functions);
        globals = Map.copyOf(globals);
    }
}
