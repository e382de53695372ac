/* sort: a pseudo-random int array (grown with malloc, so memory grows) sorted by qsort and a merge sort. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(int argc, char **argv) {
    size_t n = argc > 1 ? (size_t) atol(argv[1]) : 1000000;
    int32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *tmp = malloc(n * sizeof *tmp);
    if (!a || !b || !tmp) { printf("out of memory\n"); return 1; }
    for (size_t i = 0; i < n; i++) a[i] = b[i] = (int32_t) next_random();
    qsort(a, n, sizeof *a, compare_ints);
    merge_sort(b, tmp, n);
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i] || (i && a[i - 1] > a[i])) { printf("mismatch at %zu\n", i); return 1; }
        sum = sum * 31 + (uint32_t) a[i];
    }
    printf("%zu sorted, checksum %llu\n", n, (unsigned long long) sum);
    return 0;
}
