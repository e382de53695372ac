package io.github.wasmaot.format.section.init;

import java.util.List;

/**
 * One element segment. {@code elemRefType} is null in layouts that have none; in the legacy layout the
 * values are function indexes, stored as {@link InitExpr.Value32} with type FUNCREF_CONST.
 */
public record TableInitData(long mode, long elemType, long tableIndex, InitExpr offset, ElemRefType elemRefType,
                            List<InitExpr> values) {
    public TableInitData {
        values = List.copyOf(values);
    }
}
