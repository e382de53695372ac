import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendChoice;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.WasmValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the same image twice in one JVM, as a test suite that loads an image per test does, and prints
 * milliseconds: "first open+instantiate+call, second open, second open+instantiate+call". Open = AotModule.open (read the image, detect
 * and check its profile); the call is {@code fib(1)} of bench/kernels/fib.c. Run by bench/kernels/run:
 * {@code java -cp cli/target/wasm-aot-cli.jar bench/kernels/OpenTwice.java fib.aot}.
 */
public final class OpenTwice {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        AotModule first = AotModule.open(Files.readAllBytes(file), file.toString());
        try (Instance i = first.instantiate(BackendChoice.forModule(first).kind(), InstanceOptions.defaults())) {
            i.call("fib", List.of(WasmValue.i32(1)));
        }
        long t1 = System.nanoTime();
        AotModule second = AotModule.open(Files.readAllBytes(file), file.toString());
        long t2 = System.nanoTime();
        try (Instance i = second.instantiate(BackendChoice.forModule(second).kind(), InstanceOptions.defaults())) {
            i.call("fib", List.of(WasmValue.i32(1)));
        }
        long t3 = System.nanoTime();
        System.out.printf("%.2f %.2f %.2f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t1) / 1e6);
    }
}
