package io.github.wasmaot.maven;

import io.github.wasmaot.bundle.BundleException;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.batch.BatchCompileException;
import io.github.wasmaot.compiler.ProgressPrinter;
import io.github.wasmaot.compiler.batch.BatchCompiler;
import io.github.wasmaot.compiler.batch.BatchRequest;
import io.github.wasmaot.compiler.batch.BatchResult;
import io.github.wasmaot.compiler.batch.MatrixCell;
import io.github.wasmaot.compiler.batch.ModuleResult;
import io.github.wasmaot.compiler.batch.StaleImages;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.maven.binding.BindingGenerator;
import io.github.wasmaot.maven.binding.BindingNames;
import io.github.wasmaot.maven.binding.GeneratedBinding;
import io.github.wasmaot.maven.binding.SourceRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Compiles every WebAssembly module of the project ({@code src/main/wasm/**}{@code /*.wasm} by default) into AOT
 * images {@code <imageDirectory>/<profile>/<isa>/<name>.aot} for each runtime × target, through the library call
 * {@code io.github.wasmaot.compiler.batch.BatchCompiler} that build scripts can make too. Incremental: an image whose
 * source, options and compiler are unchanged is skipped, and the log says so (one line per module and cell). Each
 * image is verified for its runtime before it is written, atomically.
 *
 * <p>Unless {@code generateBindings} is off it also writes, into the classes directory, the images with their
 * bundle manifest under {@code META-INF/wasm-aot/} and per module a class with one method per exported function
 * (see the README), so that tests and, when this goal runs before {@code compile}, main code can call the module.
 * The Java source of each class goes to {@code generatedSourcesDirectory} and, unless {@code addSourceRoot} is off,
 * that directory becomes a source root of the project (so IDEs and source jars show it): the main one when the project
 * depends on {@code wasm-aot-loader} at compile scope, the test one when only at test scope. javac compiles the source
 * to a class with the same members as the one written here, so whichever lands last is equivalent.
 *
 * <p>Outputs of modules that no longer exist under {@code sourceDirectory} are removed, each with a log line: their
 * images and stamps, binding classes and sources, and their entries under {@code META-INF/wasm-aot/}. Files the
 * goal did not write are never touched.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends AbstractMojo {
    /** At most one progress line per module this often. */
    private static final long PROGRESS_INTERVAL_MILLIS = 5_000;


    /** Directory of the source modules. */
    @Parameter(property = "wasm-aot.sourceDirectory", defaultValue = "${project.basedir}/src/main/wasm")
    File sourceDirectory;

    /** Source modules to compile, as patterns relative to {@code sourceDirectory}. On the command line, comma-separated. */
    @Parameter(property = "wasm-aot.includes", defaultValue = "**/*.wasm")
    List<String> includes;

    /** Source modules not to compile, as patterns relative to {@code sourceDirectory}. */
    @Parameter(property = "wasm-aot.excludes")
    List<String> excludes;

    /**
     * Runtime profiles to compile for, by name or alias: {@code legacy} (= {@code wamr-cba4c782}), {@code current}
     * (= {@code wamr-2.4}). On the command line, comma-separated.
     */
    @Parameter(property = "wasm-aot.runtimes", defaultValue = "current")
    List<String> runtimes;

    /**
     * ISAs to compile for: {@code x86_64}, {@code aarch64}. Unset: the ISA of the machine running the build. On the
     * command line, comma-separated.
     */
    @Parameter(property = "wasm-aot.targets")
    List<String> targets;

    /** LLVM optimisation level, 0-3 (wamrc's {@code --opt-level}). */
    @Parameter(property = "wasm-aot.optLevel", defaultValue = "3")
    int optLevel;

    /**
     * Software bounds checks on linear-memory accesses (wamrc's {@code --bounds-checks=1}); without them 64-bit
     * runtimes rely on guard pages.
     */
    @Parameter(property = "wasm-aot.boundsChecks", defaultValue = "false")
    boolean boundsChecks;

    /**
     * LLVM CPU name for every target (so leave it unset with several ISAs: a CPU of one ISA fails the other's cells);
     * unset: the profile's default for each ISA. An x86-64 level ({@code x86-64}, {@code x86-64-v2},
     * {@code x86-64-v3}) chooses the instructions and is tuned for {@code generic}, as GCC tunes
     * {@code -march=x86-64-v2}. Example: {@code <cpu>x86-64-v2</cpu>}.
     */
    @Parameter(property = "wasm-aot.cpu")
    String cpu;

    /**
     * LLVM target features for every target, {@code +feature,-feature} (wamrc's {@code --cpu-features}); unset: the
     * profile's for each ISA.
     */
    @Parameter(property = "wasm-aot.cpuFeatures")
    String cpuFeatures;

    /**
     * wamrc's {@code --size-level} 0-3, which picks LLVM's code model (0 large, 1 medium, 2 kernel, 3 small); unset:
     * the profile's (small, wamrc's default on Linux). A code model whose relocations the runtime cannot apply fails
     * that cell with the verifier's finding.
     */
    @Parameter(property = "wasm-aot.sizeLevel")
    Integer sizeLevel;

    /**
     * Threads that compile: the (module, cell) images are compiled in parallel, and a module's partitions share
     * what is left; 0 (the default) means one per available core. The images are byte-identical whatever the value,
     * e.g. {@code <threads>2</threads>} on a CI runner with little memory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.threads", defaultValue = "0")
    int threads;

    /**
     * Native stack overflow check at every function entry (wamrc's {@code --stack-bounds-checks}); unset: the same
     * as {@code boundsChecks}, as wamrc does.
     */
    @Parameter(property = "wasm-aot.stackBoundsChecks")
    Boolean stackBoundsChecks;

    /** Root of the images, written as {@code <profile>/<isa>/<name>.aot} with a {@code .aot.stamp} beside each. */
    @Parameter(property = "wasm-aot.imageDirectory", defaultValue = "${project.build.directory}/wasm-aot")
    File imageDirectory;

    /**
     * Write the images and their manifest under {@code META-INF/wasm-aot/} of the classes directory, and a binding
     * class per module.
     */
    @Parameter(property = "wasm-aot.generateBindings", defaultValue = "true")
    boolean generateBindings;

    /** Java package of the binding classes; unset: the project's groupId ({@code -} becomes {@code _}). */
    @Parameter(property = "wasm-aot.bindingPackage")
    String bindingPackage;

    /**
     * Class names of bindings by module name, for modules whose default name (the file name in CamelCase:
     * {@code my-mem.wasm} → {@code MyMem}) clashes with another module's or with a {@code java.lang} type:
     * {@code <bindingNames><my_mem>MyMemory</my_mem></bindingNames>}.
     */
    @Parameter
    Map<String, String> bindingNames;

    /**
     * Seconds a module may compile before the goal logs its progress at INFO (functions translated N/M, object
     * emitted, image written; at most a line every 5 s), e.g. {@code -Dwasm-aot.progressAfter=0} for every step.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.progressAfter", defaultValue = "3")
    int progressAfter = 3;

    /** Write the Java source of each binding class (with Javadoc) under {@code generatedSourcesDirectory}. */
    @Parameter(property = "wasm-aot.generateSources", defaultValue = "true")
    boolean generateSources;

    /** Directory of the bindings' Java sources (for reading, IDEs and javac; see {@code addSourceRoot}). */
    @Parameter(property = "wasm-aot.generatedSourcesDirectory",
            defaultValue = "${project.build.directory}/generated-sources/wasm-aot")
    File generatedSourcesDirectory;

    /**
     * Add {@code generatedSourcesDirectory} to the project's source roots when binding sources are written: the main
     * roots when the project depends on {@code wasm-aot-loader} at compile (or provided/system) scope, the test roots
     * when it does so only at test scope, none when it does not depend on the loader (the log says which). IDEs and
     * {@code maven-source-plugin} then show the bindings; javac compiles them when it runs after this goal (e.g. with
     * the goal bound to {@code generate-resources}), to classes equivalent to the ones this goal writes. Example:
     * {@code -Dwasm-aot.addSourceRoot=false} to keep the sources out of every build step.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.addSourceRoot", defaultValue = "true")
    boolean addSourceRoot = true;

    /** Classes directory that receives the bindings and {@code META-INF/wasm-aot/}. */
    @Parameter(property = "wasm-aot.classesDirectory", defaultValue = "${project.build.outputDirectory}")
    File classesDirectory;

    /** Fail the build when no source module matches; otherwise the goal does nothing. */
    @Parameter(property = "wasm-aot.failIfNoSources", defaultValue = "false")
    boolean failIfNoSources;

    /** Skip the goal (also skips {@code verify}). */
    @Parameter(property = "wasm-aot.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.groupId}", readonly = true)
    String groupId;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /** Group id of this plugin, which the loader the bindings import shares. */
    @Parameter(defaultValue = "${plugin.groupId}", readonly = true)
    String pluginGroupId;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    String outputTimestamp;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wasm-aot compile skipped (wasm-aot.skip)");
            return;
        }
        List<Path> sources;
        try {
            sources = SourceFiles.find(sourceDirectory.toPath(), includes == null || includes.isEmpty()
                    ? List.of("**/*.wasm") : includes, excludes == null ? List.of() : excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + sourceDirectory + ": " + e, e);
        }
        Path root = imageDirectory.toPath();
        removeStaleImages(root);
        if (sources.isEmpty()) {
            String m = "no wasm module matches " + includes + " in " + sourceDirectory;
            if (failIfNoSources) {
                throw new MojoFailureException(m + " (wasm-aot.failIfNoSources)");
            }
            getLog().info("wasm-aot compile: " + m + ", nothing to do");
            if (generateBindings && Files.isDirectory(classesDirectory.toPath().resolve(ClassesDirectoryImages.FOLDER))) {
                writeClasspathImages(root);
            }
            removeStaleBindings(Map.of());
            return;
        }
        Map<Path, String> classNames = null;
        if (generateBindings) {
            Map<Path, String> modules = new LinkedHashMap<>();
            sources.forEach(src -> modules.put(src, BatchCompiler.moduleName(src)));
            try {
                classNames = BindingNames.classNames(modules, bindingNames == null ? Map.of() : bindingNames);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("wasm-aot compile: cannot name the binding classes:\n" + e.getMessage());
            }
        }
        List<MatrixCell> matrix = MatrixCell.product(runtimes(), targets());
        getLog().info("wasm-aot compile: " + sources.size() + " module(s) x " + matrix + " -> " + root);
        BatchResult result;
        try {
            result = BatchCompiler.compile(new BatchRequest(sources, matrix,
                    // runtime and ISA come from each cell
                    new CompileOptions(matrix.get(0).runtime(), matrix.get(0).isa(), optLevel, boundsChecks,
                            blankToNull(cpu), stackBoundsChecks, blankToNull(cpuFeatures), sizeLevel, threads), root),
                    r -> log(r, root),
                    // a module that takes more than a few seconds logs its steps, at most one line every 5 s
                    (source, cell) -> ProgressPrinter.start(getLog()::info,
                            source.getFileName() + " -> " + cell, progressAfter * 1000L, PROGRESS_INTERVAL_MILLIS));
        } catch (BatchCompileException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info("wasm-aot compile: " + result.summary());
        if (!result.failed().isEmpty()) {
            StringBuilder m = new StringBuilder(result.failed().size() + " image(s) could not be compiled:");
            result.failed().forEach(f -> m.append("\n  ").append(f.describe(root)));
            throw new MojoFailureException(m.toString());
        }
        if (generateBindings) {
            bindings(sources, classNames, root, matrix);
        } else {
            removeStaleBindings(Map.of());
        }
    }

    private void removeStaleImages(Path root) throws MojoExecutionException {
        try {
            for (Path image : StaleImages.remove(root, sourceDirectory.toPath())) {
                getLog().info("removed " + root.relativize(image) + " and its stamp: its source module is gone");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot remove stale images under " + root + ": " + e, e);
        }
    }

    private void writeClasspathImages(Path root) throws MojoExecutionException {
        Path classes = classesDirectory.toPath();
        try {
            for (Path f : ClassesDirectoryImages.write(root, classes, buildDirectory.toPath(),
                    OutputTimestamp.parse(outputTimestamp))) {
                getLog().info("removed " + classes.relativize(f) + ": no longer in the bundle manifest");
            }
        } catch (IOException | BundleException e) {
            throw new MojoExecutionException("cannot write the images to " + classes + ": " + e.getMessage(), e);
        }
    }

    private void removeStaleBindings(Map<Path, Path> generated) throws MojoExecutionException {
        Path list = buildDirectory.toPath().resolve(GeneratedFiles.LIST);
        try {
            for (Path f : GeneratedFiles.replace(list, generated, List.of(classesDirectory.toPath(),
                    generatedSourcesDirectory.toPath()))) {
                getLog().info("removed " + f + ": its module is gone or its binding has another name");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot remove stale bindings listed in " + list + ": " + e, e);
        }
    }

    private void log(ModuleResult r, Path root) {
        if (r instanceof ModuleResult.Failed) {
            getLog().error(r.describe(root));
        } else {
            getLog().info(r.describe(root));
        }
    }

    private void bindings(List<Path> sources, Map<Path, String> classNames, Path root, List<MatrixCell> matrix)
            throws MojoExecutionException {
        Path classes = classesDirectory.toPath();
        String pkg = bindingPackage == null ? BindingGenerator.packageFor(groupId == null ? "" : groupId)
                : bindingPackage.trim();
        String defaultProfile = ProfileCatalog.byNameOrAlias(matrix.get(0).runtime()).map(RuntimeProfile::name)
                .orElseThrow();
        writeClasspathImages(root);
        Map<Path, Path> generated = new LinkedHashMap<>();
        try {
            for (Path source : sources) {
                GeneratedBinding b = BindingGenerator.generate(source, BatchCompiler.moduleName(source),
                        classNames.get(source), pkg, defaultProfile, classes,
                        generateSources ? generatedSourcesDirectory.toPath() : null);
                generated.put(b.file(), source);
                if (b.source() != null) {
                    generated.put(b.source(), source);
                }
                getLog().info("binding " + b.className() + ": " + String.join(", ", b.methods()));
                b.skipped().forEach(s -> getLog().warn("binding " + b.className() + ": no method for " + s));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the bindings to " + classes + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        removeStaleBindings(generated);
        if (generateSources) {
            addSourceRoot();
        }
    }

    private void addSourceRoot() {
        if (!addSourceRoot || project == null || pluginGroupId == null) {
            return;
        }
        List<SourceRoot.Dependency> deps = new ArrayList<>();
        project.getDependencies().forEach(d -> deps.add(new SourceRoot.Dependency(d.getGroupId(), d.getArtifactId(),
                d.getScope())));
        String dir = generatedSourcesDirectory.getAbsolutePath();
        switch (SourceRoot.of(deps, pluginGroupId)) {
            case MAIN -> {
                project.addCompileSourceRoot(dir);
                getLog().info("binding sources: main source root " + dir);
            }
            case TEST -> {
                project.addTestCompileSourceRoot(dir);
                getLog().info("binding sources: test source root " + dir + " (wasm-aot-loader is a test dependency)");
            }
            case NONE -> getLog().info("binding sources: not a source root (the project does not depend on "
                    + pluginGroupId + ":" + SourceRoot.LOADER_ARTIFACT + ", which they import)");
        }
    }

    private List<String> runtimes() {
        return runtimes == null || runtimes.isEmpty() ? List.of("current") : split(runtimes);
    }

    private List<String> targets() throws MojoExecutionException {
        if (targets != null && !targets.isEmpty()) {
            return split(targets);
        }
        return List.of(Isa.host().map(Isa::label).orElseThrow(() -> new MojoExecutionException(
                "this machine's ISA (" + System.getProperty("os.arch") + ") is no compile target; set <targets>"
                        + " (-Dwasm-aot.targets=x86_64,aarch64)")));
    }

    private static List<String> split(List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.putIfAbsent(s.trim(), s.trim());
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
