/* The tiny export the start-up row calls: `wasm-aot run --invoke fib 1 fib.aot`. */
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
