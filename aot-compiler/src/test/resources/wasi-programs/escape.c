/* Tries to leave the preopened directory: every way must be refused, with the errno iwasm gives. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void try_open(const char *path) {
    errno = 0;
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        char buf[64] = {0};
        ssize_t n = read(fd, buf, sizeof buf - 1);
        printf("open %-34s ok, read %zd: %s", path, n, n > 0 && buf[n - 1] == '\n' ? buf : "\n");
        close(fd);
    } else {
        printf("open %-34s errno %d\n", path, errno);
    }
}

#define TRY(expr) do { errno = 0; int r_ = (expr); printf("%-44s -> %d errno %d\n", #expr, r_, r_ ? errno : 0); } while (0)

int main(void) {
    try_open("in.txt");
    try_open("../outside/secret.txt");
    try_open("data/../../outside/secret.txt");
    try_open("data/../in.txt");
    try_open("/etc/passwd");
    try_open("link-in");
    try_open("link-out");
    try_open("link-abs");
    try_open("link-dir/secret.txt");
    try_open("data/sub/../../link-out");
    struct stat st;
    TRY(stat("..", &st));
    TRY(stat("link-out", &st));
    TRY(lstat("link-out", &st));
    TRY(mkdir("../evil", 0755));
    TRY(open("../evil.txt", O_WRONLY | O_CREAT, 0644) < 0 ? -1 : 0);
    TRY(rename("in.txt", "../stolen.txt"));
    TRY(symlink("../outside", "mylink"));
    try_open("mylink/secret.txt");
    TRY(unlink("../outside/secret.txt"));
    TRY(unlink("link-out"));
    char buf[64] = {0};
    ssize_t n = readlink("link-abs", buf, sizeof buf - 1);
    printf("readlink link-abs: %zd %s\n", n, buf);
    DIR *d = opendir("..");
    printf("opendir ..: %s errno %d\n", d ? "opened" : "refused", d ? 0 : errno);
    return 0;
}
