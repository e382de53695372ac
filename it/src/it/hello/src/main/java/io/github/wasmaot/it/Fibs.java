package io.github.wasmaot.it;

/** Main code calling the generated binding: wasm-aot:compile runs in generate-resources here, before javac. */
public final class Fibs {
    private Fibs() {
    }

    /** fib(0) ... fib(n - 1), computed by hello.wasm. */
    public static int[] first(int n) {
        try (Hello hello = Hello.open()) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = hello.fib(i);
            }
            return out;
        }
    }
}
