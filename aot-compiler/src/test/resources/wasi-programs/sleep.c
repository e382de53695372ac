/* Sleeps through poll_oneoff (nanosleep, usleep, clock_nanosleep) and polls a file fd. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
    struct timespec res;
    printf("clock_getres monotonic: %d\n", clock_getres(CLOCK_MONOTONIC, &res));
    printf("realtime after 2020: %d\n", time(NULL) > 1577836800);
    long long t0 = now_ns(CLOCK_MONOTONIC);
    struct timespec d = {0, 60 * 1000000};
    printf("nanosleep: %d\n", nanosleep(&d, NULL));
    long long t1 = now_ns(CLOCK_MONOTONIC);
    printf("slept >= 60ms: %d\n", t1 - t0 >= 60000000LL);
    printf("usleep: %d\n", usleep(30000));
    long long t2 = now_ns(CLOCK_MONOTONIC);
    printf("slept >= 30ms: %d\n", t2 - t1 >= 30000000LL);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 20000000;
    if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
    printf("clock_nanosleep abstime: %d\n", clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &until, NULL));
    printf("reached deadline: %d\n", now_ns(CLOCK_REALTIME) >= until.tv_sec * 1000000000LL + until.tv_nsec);
    int fd = open("in.txt", O_RDONLY);
    struct pollfd p[2] = {{fd, POLLIN, 0}, {1, POLLOUT, 0}};
    int r = poll(p, 2, 1000);
    printf("poll file+stdout: %d revents %d %d\n", r, (p[0].revents & POLLIN) != 0, (p[1].revents & POLLOUT) != 0);
    close(fd);
    return 0;
}
