package io.github.wasmaot.loader.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image's text and object data sections mapped, relocated and protected in a backend's address space.
 *
 * @param functions address of each defined function (index = function index minus import count)
 * @param dataSections address of each object data section by name
 */
public record LinkedCode(long mappingBase, long mappingSize, long literal, long code, long plt,
                         List<Long> functions, Map<String, Long> dataSections) {
    public LinkedCode {
        functions = List.copyOf(functions);
        dataSections = Map.copyOf(dataSections);
    }

    public Optional<Long> dataSection(String name) {
        return Optional.ofNullable(dataSections.get(name));
    }
}
