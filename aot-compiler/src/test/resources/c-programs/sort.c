/* Sorting: a deterministic pseudo-random array sorted by qsort and by a hand-written merge sort. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 20000

static uint32_t state = 12345u;

static uint32_t next_random(void) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) & 0xffffffu;
}

static int compare_ints(const void *a, const void *b) {
    int32_t x = *(const int32_t *) a, y = *(const int32_t *) b;
    return (x > y) - (x < y);
}

static void merge_sort(int32_t *a, int32_t *tmp, size_t n) {
    if (n < 2) return;
    size_t half = n / 2;
    merge_sort(a, tmp, half);
    merge_sort(a + half, tmp, n - half);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < half) tmp[k++] = a[i++];
    while (j < n) tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

static uint64_t checksum(const int32_t *a, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint32_t) a[i]) * 1099511628211ull;
    return h;
}

int main(void) {
    int32_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b), *tmp = malloc(N * sizeof *tmp);
    if (!a || !b || !tmp) return 2;
    for (size_t i = 0; i < N; i++) a[i] = b[i] = (int32_t) next_random() - 0x800000;
    printf("unsorted checksum %016llx\n", (unsigned long long) checksum(a, N));
    qsort(a, N, sizeof *a, compare_ints);
    merge_sort(b, tmp, N);
    for (size_t i = 1; i < N; i++) {
        if (a[i - 1] > a[i]) { printf("qsort out of order at %zu\n", i); return 1; }
    }
    printf("qsort and merge sort agree: %s\n", memcmp(a, b, N * sizeof *a) == 0 ? "yes" : "no");
    printf("sorted checksum %016llx\n", (unsigned long long) checksum(a, N));
    printf("min %d median %d max %d\n", a[0], a[N / 2], a[N - 1]);
    for (int i = 0; i < 8; i++) printf("%d%c", a[i * (N / 8)], i == 7 ? '\n' : ' ');
    return 0;
}
