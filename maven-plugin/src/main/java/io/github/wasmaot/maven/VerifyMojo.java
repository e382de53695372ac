package io.github.wasmaot.maven;

import io.github.wasmaot.bundle.BundleException;
import io.github.wasmaot.bundle.BundleVerification;
import io.github.wasmaot.bundle.BundleVerifier;
import io.github.wasmaot.compiler.batch.CompiledImages;
import io.github.wasmaot.compiler.batch.ImageVerification;
import io.github.wasmaot.sizing.PoolSizeCalculator;
import io.github.wasmaot.verifier.report.ReportFiles;
import io.github.wasmaot.verifier.report.ReportLine;
import io.github.wasmaot.verifier.report.VerifyException;
import io.github.wasmaot.verifier.report.VerifyReport;
import io.github.wasmaot.verifier.report.VerifyReportWriter;
import io.github.wasmaot.verifier.report.VerifyRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The CI gate: proves that AOT images load on pinned WAMR runtimes. Checks every image against every runtime
 * profile, logs each finding with the text the runtime itself would print, writes {@code verify-report.json}
 * and {@code verify-report.html}, and fails the build when a runtime would refuse an image.
 *
 * <p>A bundle archive among {@code files} ({@code .tar.gz}, {@code .tgz}, {@code .zip}) is checked against its
 * {@code manifest.json} instead: every entry's SHA-256, and each image against the profile and ISA its manifest
 * records (see {@code io.github.wasmaot.bundle.BundleVerifier}); every difference fails the build like a refused
 * image. Bundles are logged, not part of the report files.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class VerifyMojo extends AbstractMojo {

    /**
     * Runtime profiles to verify against, by name or alias: {@code legacy} (= {@code wamr-cba4c782}),
     * {@code current} (= {@code wamr-2.4}), {@code wamr-1.3}, {@code wamr-2.0} ... {@code wamr-2.3}. Every image is
     * checked against each of them. On the command line, comma-separated.
     */
    @Parameter(property = "wasm-aot.runtimes", defaultValue = "current")
    List<String> runtimes;

    /**
     * One runtime profile to verify against, e.g. {@code -Dwasm-aot.runtime=legacy}. When set it replaces
     * {@code runtimes}.
     */
    @Parameter(property = "wasm-aot.runtime")
    String runtime;

    /**
     * ISA the runtime is built for: {@code x86_64}, {@code aarch64}, ... When unset each image is checked
     * against its own ISA.
     */
    @Parameter(property = "wasm-aot.target")
    String target;

    /**
     * AOT image files and directories to verify; a directory stands for every {@code *.aot} file under it; a
     * {@code .tar.gz}/{@code .tgz}/{@code .zip} file is a bundle, verified against its manifest. On the command
     * line, comma-separated. Relative paths resolve against the project's base directory.
     */
    @Parameter(property = "wasm-aot.files")
    List<File> files;

    /**
     * Directory where the compile goal writes AOT images, when it exists: each image filed there as
     * {@code <profile>/<isa>/<name>.aot} is verified against that profile and ISA (what it was compiled for); any
     * other {@code *.aot} file under it against {@code runtimes} and {@code target}, like {@code files}.
     */
    @Parameter(property = "wasm-aot.imageDirectory", defaultValue = "${project.build.directory}/wasm-aot")
    File imageDirectory;

    /** Directory that receives {@code verify-report.json} and {@code verify-report.html}. */
    @Parameter(property = "wasm-aot.reportDirectory", defaultValue = "${project.build.directory}/wasm-aot")
    File reportDirectory;

    /**
     * Fail the build when a runtime would refuse an image. When false the rejections are still logged and
     * reported.
     */
    @Parameter(property = "wasm-aot.failOnError", defaultValue = "true")
    boolean failOnError;

    /** Fail the build when {@code files} and {@code imageDirectory} hold no AOT image at all. */
    @Parameter(property = "wasm-aot.failIfNoImages", defaultValue = "true")
    boolean failIfNoImages;

    /**
     * The device's {@code Alloc_With_Pool} heap_size in bytes: when set, the build fails if an accepted image needs
     * more to load, instantiate and run {@code _start} on its runtime ("needs 412,736 bytes, pool is 400,000").
     * Unset: the sizes are still logged and written to {@code pool-size-report.json}. Example:
     * {@code -Dwasm-aot.poolSize=400000}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.poolSize")
    Long poolSize;

    /**
     * stack_size and app heap_size the device passes to {@code wasm_runtime_instantiate}, in bytes, for the pool
     * sizes: {@code STACK,HEAP}. Example: {@code -Dwasm-aot.poolStackAndHeap=16384,16384}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.poolStackAndHeap", defaultValue = "16384,16384")
    String poolStackAndHeap;

    /**
     * Build configuration of the device's runtime for the pool sizes: {@code hw-bound-check} (Linux default: linear
     * memory mapped outside the pool) or {@code no-hw-bound-check} ({@code -DWAMR_DISABLE_HW_BOUND_CHECK=1}, as TEE
     * ports build). Example: {@code -Dwasm-aot.poolConfiguration=no-hw-bound-check}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.poolConfiguration", defaultValue = "hw-bound-check")
    String poolConfiguration;

    /**
     * WASI environment variables ({@code KEY=VALUE}) the device passes to {@code wasm_runtime_set_wasi_args}, for
     * the pool sizes: the runtime copies them into the pool. Example:
     * {@code -Dwasm-aot.poolWasiEnv=HOME=/data,LANG=C}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.poolWasiEnv")
    List<String> poolWasiEnv;

    /**
     * Directories the device preopens for WASI ({@code dir_list} of {@code wasm_runtime_set_wasi_args}), as the
     * device passes them, for the pool sizes: each takes an fd object, prestat and fd table room and a copy of the
     * path in the pool. Paths on the device: not looked up on the build machine. Example:
     * {@code -Dwasm-aot.poolWasiDirs=/data,/tmp}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.poolWasiDirs")
    List<String> poolWasiDirs;

    /**
     * Pages the program's {@code _start} grows linear memory by, in all ({@code memory.grow}; a C program's
     * {@code malloc} grows it through wasi-libc's {@code sbrk}), for the run size and the {@code poolSize} gate.
     * Where linear memory lives in the pool (wamr-cba4c782 built {@code no-hw-bound-check}) each page costs 65,536
     * bytes there; elsewhere growth costs the pool nothing. Example: {@code -Dwasm-aot.poolGrowPages=383}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.poolGrowPages", defaultValue = "0")
    long poolGrowPages;

    /** Skip the verification. */
    @Parameter(property = "wasm-aot.skip", defaultValue = "false")
    boolean skip;

    /** Base directory of the project, or the current directory when run without one. */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wasm-aot verify skipped (wasm-aot.skip)");
            return;
        }
        List<Path> bundles = files().stream().filter(p -> !Files.isDirectory(p) && BundleVerifier.isArchive(p))
                .toList();
        List<Path> given = files().stream().filter(p -> !bundles.contains(p)).toList();
        boolean bundlesPassed = verifyBundles(bundles);
        File images = Standalone.resolve(imageDirectory, basedir);
        List<Path> inputs = new ArrayList<>(given);
        if (images.isDirectory()) {
            inputs.add(images.toPath());
        }
        VerifyReport report;
        try {
            report = ImageVerification.run(CompiledImages.scan(images.toPath()),
                    new VerifyRequest(given, runtimes(), target, false));
        } catch (VerifyException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list the images under " + images + ": " + e, e);
        }
        if (report.images().isEmpty() && bundles.isEmpty() && failIfNoImages) {
            throw new MojoFailureException(noImages(inputs));
        }
        if (report.images().isEmpty() && !bundles.isEmpty()) {
            bundleVerdict(bundlesPassed);
            return;
        }
        File reports = Standalone.resolve(reportDirectory, basedir);
        ReportFiles written;
        try {
            written = VerifyReportWriter.write(report, reports.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the verify report to " + reports + ": " + e, e);
        }
        report.lines().forEach(this::log);
        getLog().info(report.summary());
        getLog().info("report: " + written.html());
        List<PoolSizeReport.Entry> pools = poolSizes(report, reports.toPath());
        if (!report.passed()) {
            if (failOnError) {
                throw new MojoFailureException(report.failureMessage()
                        + (bundlesPassed ? "" : "; and some bundle differs from its manifest"));
            }
            getLog().warn(report.failureMessage());
        }
        List<String> tooBig = pools.stream().filter(p -> !p.fits()).map(p -> p.estimate().file() + ": "
                + PoolSizeCalculator.doesNotFit(p.estimate(), p.needed(), poolSize)).toList();
        if (!tooBig.isEmpty()) {
            throw new MojoFailureException("image does not fit the pool (wasm-aot.poolSize): "
                    + String.join("; ", tooBig));
        }
        bundleVerdict(bundlesPassed);
    }

    /** Pool sizes of the accepted images: logged, written to pool-size-report.json. */
    private List<PoolSizeReport.Entry> poolSizes(VerifyReport report, Path reports) throws MojoExecutionException,
            MojoFailureException {
        String[] sh = poolStackAndHeap.split(",");
        long stack;
        long heap;
        try {
            if (sh.length != 2) {
                throw new NumberFormatException("two numbers expected");
            }
            stack = Long.parseLong(sh[0].strip());
            heap = Long.parseLong(sh[1].strip());
            if (stack < 0 || heap < 0) {
                throw new NumberFormatException("negative");
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("wasm-aot.poolStackAndHeap must be STACK,HEAP in bytes, e.g. 16384,16384: "
                    + poolStackAndHeap);
        }
        if (poolGrowPages < 0) {
            throw new MojoFailureException("wasm-aot.poolGrowPages must not be negative: " + poolGrowPages);
        }
        PoolSizeCalculator.Options options;
        try {
            options = new PoolSizeCalculator.Options(stack, heap, List.of(), poolWasiEnv, poolWasiDirs,
                    poolConfiguration);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("wasm-aot.poolWasiEnv / wasm-aot.poolWasiDirs: " + e.getMessage());
        }
        List<PoolSizeReport.Entry> entries;
        try {
            entries = PoolSizeReport.of(report, options, poolGrowPages, poolSize);
            if (!entries.isEmpty()) {
                getLog().info("pool sizes: " + PoolSizeReport.write(entries, reports));
            }
        } catch (PoolSizeCalculator.SizingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot size the images' pools: " + e, e);
        }
        for (PoolSizeReport.Entry e : entries) {
            if (e.fits()) {
                getLog().info(e.line());
            } else {
                getLog().error(e.line());
            }
        }
        return entries;
    }

    /** Checks each bundle against its manifest, logging every line; true when all match. */
    private boolean verifyBundles(List<Path> bundles) throws MojoFailureException {
        boolean passed = true;
        for (Path bundle : bundles) {
            BundleVerification v;
            try {
                v = BundleVerifier.verify(bundle);
            } catch (BundleException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            for (String line : v.lines()) {
                if (line.startsWith("FAIL ")) {
                    getLog().error(line);
                } else {
                    getLog().info(line);
                }
            }
            passed &= v.passed();
        }
        return passed;
    }

    private void bundleVerdict(boolean passed) throws MojoFailureException {
        if (passed) {
            return;
        }
        String m = "some bundle differs from its manifest (see the FAIL lines above)";
        if (failOnError) {
            throw new MojoFailureException(m);
        }
        getLog().warn(m);
    }

    private List<Path> files() {
        List<Path> inputs = new ArrayList<>();
        if (files != null) {
            files.forEach(f -> inputs.add(f.toPath()));
        }
        return inputs;
    }

    private String noImages(List<Path> inputs) {
        String where = inputs.isEmpty()
                ? "no files given (<files>, -Dwasm-aot.files) and " + Standalone.resolve(imageDirectory, basedir)
                        + " does not exist"
                : "no *.aot image in " + inputs;
        return "nothing to verify: " + where + "; -Dwasm-aot.failIfNoImages=false allows this";
    }

    private List<String> runtimes() {
        if (runtime != null && !runtime.isBlank()) {
            return List.of(runtime);
        }
        return runtimes == null || runtimes.isEmpty() ? List.of("current") : runtimes;
    }

    private void log(ReportLine line) {
        switch (line.level()) {
            case ERROR -> getLog().error(line.text());
            case WARNING -> getLog().warn(line.text());
            default -> getLog().info(line.text());
        }
    }
}
