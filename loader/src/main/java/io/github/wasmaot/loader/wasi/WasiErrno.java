package io.github.wasmaot.loader.wasi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** The wasi_snapshot_preview1 errno values the loader answers (wasi-libc's __WASI_ERRNO_*). */
public final class WasiErrno {
    public static final int SUCCESS = 0;
    public static final int ACCES = 2;
    public static final int AGAIN = 6;
    public static final int BADF = 8;
    public static final int BUSY = 10;
    public static final int EXIST = 20;
    public static final int FAULT = 21;
    public static final int FBIG = 22;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int ISDIR = 31;
    public static final int LOOP = 32;
    public static final int MLINK = 34;
    public static final int NAMETOOLONG = 37;
    public static final int NOENT = 44;
    public static final int NOMEM = 48;
    public static final int NOSPC = 51;
    public static final int NOSYS = 52;
    public static final int NOTDIR = 54;
    public static final int NOTEMPTY = 55;
    public static final int NOTSOCK = 57;
    public static final int NOTSUP = 58;
    public static final int NXIO = 60;
    public static final int OVERFLOW = 61;
    public static final int PERM = 63;
    public static final int ROFS = 69;
    public static final int SPIPE = 70;
    public static final int XDEV = 75;
    public static final int NOTCAPABLE = 76;

    private WasiErrno() {
    }

    /** The errno of a failed host file operation, from the exception type or the OS's message (Linux strerror). */
    static int of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return NOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return EXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return NOTEMPTY;
        }
        if (e instanceof NotDirectoryException) {
            return NOTDIR;
        }
        if (e instanceof AccessDeniedException) {
            return ACCES;
        }
        if (e instanceof FileSystemLoopException) {
            return LOOP;
        }
        if (e instanceof NotLinkException) {
            return INVAL;
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (reason == null) {
            return IO;
        }
        if (reason.contains("Not a directory")) {
            return NOTDIR;
        }
        if (reason.contains("Is a directory")) {
            return ISDIR;
        }
        if (reason.contains("Directory not empty")) {
            return NOTEMPTY;
        }
        if (reason.contains("File exists")) {
            return EXIST;
        }
        if (reason.contains("No such file")) {
            return NOENT;
        }
        if (reason.contains("Permission denied")) {
            return ACCES;
        }
        if (reason.contains("Operation not permitted")) {
            return PERM;
        }
        if (reason.contains("Too many levels of symbolic links")) {
            return LOOP;
        }
        if (reason.contains("Invalid argument")) {
            return INVAL;
        }
        if (reason.contains("cross-device")) {
            return XDEV;
        }
        if (reason.contains("No space left")) {
            return NOSPC;
        }
        if (reason.contains("Read-only file system")) {
            return ROFS;
        }
        if (reason.contains("File name too long")) {
            return NAMETOOLONG;
        }
        if (reason.contains("Device or resource busy")) {
            return BUSY;
        }
        return IO;
    }
}
