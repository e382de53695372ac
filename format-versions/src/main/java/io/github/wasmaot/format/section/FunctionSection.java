package io.github.wasmaot.format.section;

import java.util.List;

/**
 * The function section: one text offset and one type index per defined function; layouts from AOT v5 on
 * also carry the max local and max stack cell numbers (empty lists otherwise).
 */
public record FunctionSection(List<Long> textOffsets, List<Long> typeIndexes, List<Long> maxLocalCellNums,
                              List<Long> maxStackCellNums) implements Section {
    public FunctionSection {
        textOffsets = List.copyOf(textOffsets);
        typeIndexes = List.copyOf(typeIndexes);
        maxLocalCellNums = List.copyOf(maxLocalCellNums);
        maxStackCellNums = List.copyOf(maxStackCellNums);
    }

    public int functionCount() {
        return textOffsets.size();
    }

    @Override
    public SectionKind kind() {
        return SectionKind.FUNCTION;
    }
}
