/* sieve: primes below N by the sieve of Eratosthenes over a malloc'd byte array, repeated R times. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    size_t n = argc > 1 ? (size_t) atol(argv[1]) : 10000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    unsigned char *composite = malloc(n + 1);
    if (!composite) { printf("out of memory\n"); return 1; }
    size_t count = 0;
    for (int r = 0; r < rounds; r++) {
        memset(composite, 0, n + 1);
        count = 0;
        for (size_t i = 2; i <= n; i++) {
            if (composite[i]) continue;
            count++;
            for (size_t j = i * i; j <= n; j += i) composite[j] = 1;
        }
    }
    printf("%zu primes below %zu\n", count, n);
    return 0;
}
