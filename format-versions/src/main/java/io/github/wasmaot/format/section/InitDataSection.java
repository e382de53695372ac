package io.github.wasmaot.format.section;

import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.FuncType;
import io.github.wasmaot.format.section.init.Global;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.format.section.init.ImportGlobal;
import io.github.wasmaot.format.section.init.ImportTable;
import io.github.wasmaot.format.section.init.MemInitData;
import io.github.wasmaot.format.section.init.Memory;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import java.util.List;

/** The init-data section: memories, tables, types, globals, imports, counts and object data sections. */
public record InitDataSection(long importMemoryCount, List<Memory> memories, List<MemInitData> memInitData,
                              List<ImportTable> importTables, List<Table> tables,
                              List<TableInitData> tableInitData, List<FuncType> funcTypes,
                              List<ImportGlobal> importGlobals, List<Global> globals,
                              List<ImportFunc> importFuncs, long funcCount, long startFuncIndex, AuxInfo aux,
                              List<ObjectDataSection> objectDataSections) implements Section {
    public InitDataSection {
        memories = List.copyOf(memories);
        memInitData = List.copyOf(memInitData);
        importTables = List.copyOf(importTables);
        tables = List.copyOf(tables);
        tableInitData = List.copyOf(tableInitData);
        funcTypes = List.copyOf(funcTypes);
        importGlobals = List.copyOf(importGlobals);
        globals = List.copyOf(globals);
        importFuncs = List.copyOf(importFuncs);
        objectDataSections = List.copyOf(objectDataSections);
    }

    @Override
    public SectionKind kind() {
        return SectionKind.INIT_DATA;
    }
}
