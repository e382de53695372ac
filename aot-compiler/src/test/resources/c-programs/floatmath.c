/* Floating point: IEEE arithmetic (exact by the standard), conversions and libm. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static double newton_sqrt(double x) {
    double r = x > 1 ? x / 2 : 1;
    for (int i = 0; i < 60; i++) r = 0.5 * (r + x / r);
    return r;
}

int main(void) {
    /* sums and products rounded by IEEE 754: identical on every conforming target */
    double harmonic = 0;
    float harmonic_f = 0;
    for (int i = 1; i <= 100000; i++) { harmonic += 1.0 / i; harmonic_f += 1.0f / (float) i; }
    printf("harmonic(1e5) double %.17g float %.9g\n", harmonic, (double) harmonic_f);

    double pi = 0;
    for (int k = 0; k < 1000000; k++) pi += (k % 2 ? -4.0 : 4.0) / (2.0 * k + 1);
    printf("leibniz pi %.17g\n", pi);

    printf("sqrt(2) %.17g newton %.17g sqrtf(2) %.9g\n", sqrt(2.0), newton_sqrt(2.0), (double) sqrtf(2.0f));
    printf("fma %.17g\n", fma(0.1, 10.0, -1.0));
    printf("floor %.1f ceil %.1f trunc %.1f rint %.1f nearbyint %.1f\n",
           floor(-2.5), ceil(-2.5), trunc(-2.5), rint(-2.5), nearbyint(3.5));
    printf("fmin %g fmax %g copysign %g fabs %g\n", fmin(-0.0, 0.0), fmax(1.5, NAN), copysign(3.0, -0.0), fabs(-7.25));

    /* conversions, including saturating edge cases that C leaves defined */
    double values[] = {0.5, -0.5, 1e10, -1e10, 2147483647.0, -2147483648.0, 123456789.987654321};
    for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++) {
        double v = values[i];
        long long ll = (long long) v;
        float f = (float) v;
        printf("v=%.17g (long long)=%lld (float)=%.9g bits=%08x\n", v, ll, (double) f, *(uint32_t *) &f);
    }

    /* libm with results rounded to 12 significant digits: glibc and musl agree to well under an ulp */
    for (int i = 1; i <= 5; i++) {
        double x = i * 0.7;
        printf("x=%.2f sin %.12g cos %.12g exp %.12g log %.12g pow %.12g atan2 %.12g\n",
               x, sin(x), cos(x), exp(x), log(x), pow(x, 1.5), atan2(x, 1.0 - x));
    }
    printf("inf %g -inf %g nan? %d fmod %.17g\n", 1.0 / 0.0 * 1, -1.0 / 0.0, isnan(0.0 / 0.0), fmod(10.5, 3.0));
    return 0;
}
