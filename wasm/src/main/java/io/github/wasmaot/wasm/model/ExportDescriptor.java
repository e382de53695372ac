package io.github.wasmaot.wasm.model;

/** What an export refers to: an index into one of the module's index spaces. */
public sealed interface ExportDescriptor {

    int index();

    record Function(int index) implements ExportDescriptor {
    }

    record Table(int index) implements ExportDescriptor {
    }

    record Memory(int index) implements ExportDescriptor {
    }

    record Global(int index) implements ExportDescriptor {
    }
}
