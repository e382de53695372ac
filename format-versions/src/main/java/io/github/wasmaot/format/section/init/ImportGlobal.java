package io.github.wasmaot.format.section.init;

import io.github.wasmaot.format.section.AotString;

public record ImportGlobal(int valueType, int mutable, AotString moduleName, AotString globalName) {
}
