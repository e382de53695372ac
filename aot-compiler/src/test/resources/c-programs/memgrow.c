/* Memory growth: allocates far more than the initial linear memory, so malloc must grow it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK (1024 * 1024)
#define BLOCKS 24

int main(void) {
    unsigned char *blocks[BLOCKS];
    uint64_t sum = 0;
    for (int i = 0; i < BLOCKS; i++) {
        blocks[i] = malloc(BLOCK);
        if (!blocks[i]) { printf("malloc failed at block %d\n", i); return 1; }
        memset(blocks[i], i + 1, BLOCK);
        blocks[i][i * 1000] = (unsigned char) (0xA0 + i);
    }
    for (int i = 0; i < BLOCKS; i++) {
        for (int j = 0; j < BLOCK; j += 4096) sum += blocks[i][j];
        sum += blocks[i][i * 1000];
    }
    printf("allocated %d MiB in %d blocks\n", BLOCKS, BLOCKS);
    printf("checksum %llu\n", (unsigned long long) sum);
    for (int i = 0; i < BLOCKS; i += 2) free(blocks[i]);
    unsigned char *big = malloc(8 * BLOCK);
    if (!big) { printf("big malloc failed\n"); return 1; }
    memset(big, 0x5a, 8 * BLOCK);
    printf("big block ends with %02x\n", big[8 * BLOCK - 1]);
    return 3;
}
