/* matmul: C = A x B for N x N doubles (i-k-j order), repeated R times, with a checksum. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 256;
    int rounds = argc > 2 ? atoi(argv[2]) : 4;
    double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n),
           *c = malloc(sizeof(double) * n * n);
    if (!a || !b || !c) { printf("out of memory\n"); return 1; }
    for (int i = 0; i < n * n; i++) {
        a[i] = (double) (i % 17) / 16.0;
        b[i] = (double) (i % 13) / 12.0;
    }
    double sum = 0;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n * n; i++) c[i] = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k] + r;
                for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
        for (int i = 0; i < n * n; i++) sum += c[i] * (double) ((i % 5) + 1);
    }
    printf("%.6f\n", sum);
    return 0;
}
