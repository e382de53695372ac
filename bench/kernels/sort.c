/* sort: a pseudo-random int array (malloc'd, so memory grows) sorted by libc qsort (indirect calls to the
 * comparator) and by an in-place heap sort; the two results are checked against each other. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t xorshift(uint32_t *s) {
    uint32_t x = *s;
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    return *s = x;
}

static int by_value(const void *pa, const void *pb) {
    int32_t l = *(const int32_t *) pa, r = *(const int32_t *) pb;
    return l < r ? -1 : l > r;
}

static void sift_down(int32_t *h, size_t root, size_t len) {
    for (size_t child; (child = 2 * root + 1) < len; root = child) {
        if (child + 1 < len && h[child + 1] > h[child]) child++;
        if (h[root] >= h[child]) return;
        int32_t t = h[root]; h[root] = h[child]; h[child] = t;
    }
}

static void heap_sort(int32_t *h, size_t len) {
    for (size_t i = len / 2; i-- > 0;) sift_down(h, i, len);
    for (size_t end = len; end-- > 1;) {
        int32_t t = h[0]; h[0] = h[end]; h[end] = t;
        sift_down(h, 0, end);
    }
}

int main(int argc, char **argv) {
    size_t count = argc > 1 ? (size_t) atol(argv[1]) : 1000000;
    int32_t *x = malloc(count * sizeof *x), *y = malloc(count * sizeof *y);
    if (!x || !y) { printf("out of memory\n"); return 1; }
    uint32_t seed = 2463534242u;
    for (size_t i = 0; i < count; i++) x[i] = y[i] = (int32_t) (xorshift(&seed) >> 1);
    qsort(x, count, sizeof *x, by_value);
    heap_sort(y, count);
    uint64_t digest = 0;
    for (size_t i = 0; i < count; i++) {
        if (x[i] != y[i]) { printf("differ at %zu\n", i); return 1; }
        digest = digest * 1000003u ^ (uint32_t) x[i];
    }
    printf("%zu sorted, digest %llu\n", count, (unsigned long long) digest);
    return 0;
}
