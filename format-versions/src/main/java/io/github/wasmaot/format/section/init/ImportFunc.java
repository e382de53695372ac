package io.github.wasmaot.format.section.init;

import io.github.wasmaot.format.section.AotString;

public record ImportFunc(int typeIndex, AotString moduleName, AotString functionName) {
}
