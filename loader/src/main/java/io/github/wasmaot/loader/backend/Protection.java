package io.github.wasmaot.loader.backend;

/** Access rights of a mapped range. */
public enum Protection {
    NONE, READ, READ_WRITE, READ_EXEC, READ_WRITE_EXEC
}
