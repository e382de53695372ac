package io.github.wasmaot.wasm.model;

/** What an import brings in. */
public sealed interface ImportDescriptor {

    /** An imported function of type {@code typeIndex}. */
    record Function(int typeIndex) implements ImportDescriptor {
    }

    record Table(TableType type) implements ImportDescriptor {
    }

    record Memory(MemoryType type) implements ImportDescriptor {
    }

    record Global(GlobalType type) implements ImportDescriptor {
    }
}
