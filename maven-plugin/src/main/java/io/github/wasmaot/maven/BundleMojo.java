package io.github.wasmaot.maven;

import io.github.wasmaot.bundle.BundleException;
import io.github.wasmaot.bundle.BundleFormat;
import io.github.wasmaot.bundle.BundleRequest;
import io.github.wasmaot.bundle.BundleResult;
import io.github.wasmaot.bundle.BundledImage;
import io.github.wasmaot.bundle.Bundler;
import io.github.wasmaot.bundle.CompilerInfo;
import io.github.wasmaot.compiler.batch.CompiledImages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packs the project's AOT images ({@code <profile>/<isa>/<name>.aot} under {@code imageDirectory}), their source
 * wasm modules and a {@code manifest.json} into reproducible {@code tar.gz} and/or {@code zip} archives and attaches
 * them to the project with a classifier, so that install and deploy publish them. The manifest records, per image,
 * its path in the archive, runtime profile, AOT version, ISA (read from the image), compiler version and options
 * when given, and the SHA-256 of the image and of its wasm module (usable as TEE measurements). The same inputs
 * give byte-identical archives (sorted entries; fixed times, owners and modes). With {@code includeInJar} the
 * bundle's entries are also written under {@code target/classes/META-INF/wasm-aot/}, so that they end up in the
 * main jar: bind the execution to {@code prepare-package} then, because the jar is made early in {@code package}.
 */
@Mojo(name = "bundle", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BundleMojo extends AbstractMojo {

    /**
     * Root of the AOT images, laid out {@code <profile>/<isa>/<name>.aot} ({@code wamr-2.4/x86_64/app.aot}): where
     * the compile goal writes them. Each image must be an image of the runtime profile (name or alias) and ISA its
     * directories name. Other files there, such as the verify report, are ignored.
     */
    @Parameter(property = "wasm-aot.imageDirectory", defaultValue = "${project.build.directory}/wasm-aot")
    File imageDirectory;

    /**
     * Directory of the source {@code .wasm} modules, bundled under {@code wasm/} with their SHA-256. Image
     * {@code <name>.aot} takes {@code <name>.wasm}, else the longest dot-separated prefix of its name that has a
     * {@code .wasm} here ({@code app.bounds-checks.aot} takes {@code app.wasm}). Unset: images written by the
     * compile goal take the source their {@code .aot.stamp} records; other images are bundled without source.
     */
    @Parameter(property = "wasm-aot.sourceDirectory")
    File sourceDirectory;

    /** Archive formats: {@code tar.gz}, {@code zip}, or both. On the command line, comma-separated. */
    @Parameter(property = "wasm-aot.formats", defaultValue = "tar.gz")
    List<String> formats;

    /** Directory that receives the archives. */
    @Parameter(property = "wasm-aot.bundleDirectory", defaultValue = "${project.build.directory}")
    File bundleDirectory;

    /** Archive file name without extension: the archives are {@code <bundleName>.tar.gz} and {@code .zip}. */
    @Parameter(property = "wasm-aot.bundleName", defaultValue = "${project.build.finalName}-wasm-aot")
    String bundleName;

    /** Classifier of the attached archives: {@code <artifactId>-<version>-<classifier>.tar.gz} in a repository. */
    @Parameter(property = "wasm-aot.classifier", defaultValue = "wasm-aot")
    String classifier;

    /** Attach the archives to the project, so that {@code install} and {@code deploy} publish them. */
    @Parameter(property = "wasm-aot.attach", defaultValue = "true")
    boolean attach;

    /**
     * Also write the bundle's entries (images, wasm modules, {@code manifest.json}) under
     * {@code ${project.build.outputDirectory}/META-INF/wasm-aot/}, so that the main jar carries them. The jar
     * plugin runs first in {@code package}: bind this execution to {@code prepare-package}.
     */
    @Parameter(property = "wasm-aot.includeInJar", defaultValue = "false")
    boolean includeInJar;

    /**
     * Compiler name and version recorded for every image without an {@code imageCompilers} entry and without a
     * compile stamp (images written by the compile goal record the compiler and canonical options of their stamp).
     */
    @Parameter(property = "wasm-aot.compilerVersion")
    String compilerVersion;

    /**
     * Compiler options recorded for every image without an {@code imageCompilers} entry. On the command line,
     * comma-separated.
     */
    @Parameter(property = "wasm-aot.compilerOptions")
    List<String> compilerOptions;

    /**
     * Compiler version and options per image: {@code <imageCompiler>} elements with {@code <image>} (path under
     * {@code imageDirectory} or file name), {@code <version>} and {@code <options>}. An entry that names no image
     * fails the build.
     */
    @Parameter
    List<ImageCompiler> imageCompilers;

    /**
     * Time stored for every archive entry: the build's {@code project.build.outputTimestamp} (ISO-8601 or seconds
     * since the epoch), else 1980-01-01T00:00:00Z. Never the current time.
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /** Fail the build when {@code imageDirectory} is missing or holds no image; otherwise nothing is bundled. */
    @Parameter(property = "wasm-aot.failIfNoImages", defaultValue = "true")
    boolean failIfNoImages;

    /** Skip the bundle goal. */
    @Parameter(property = "wasm-aot.bundle.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Component
    MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wasm-aot bundle skipped (wasm-aot.bundle.skip)");
            return;
        }
        BundleRequest request = request();
        BundleResult result;
        try {
            result = Bundler.bundle(request);
        } catch (BundleException e) {
            String m = e.getMessage();
            boolean nothing = m.startsWith("image directory ") || m.startsWith("no *.aot image under ");
            throw new MojoFailureException(nothing ? m + "; -Dwasm-aot.failIfNoImages=false allows this" : m, e);
        }
        if (result.isEmpty()) {
            getLog().info("wasm-aot bundle: no image under " + imageDirectory + ", nothing bundled");
            return;
        }
        getLog().info("wasm-aot bundle: " + result.images().size() + " image(s) from " + imageDirectory);
        for (BundledImage image : result.images()) {
            getLog().info("  " + image.path() + ": " + image.profile() + " " + image.isa() + " AOT v"
                    + image.aotVersion() + ", sha256 " + image.sha256()
                    + image.wasm().map(w -> "; " + w.path() + " sha256 " + w.sha256()).orElse("; no source wasm"));
        }
        for (Map.Entry<BundleFormat, Path> archive : result.archives().entrySet()) {
            File file = archive.getValue().toFile();
            if (attach) {
                projectHelper.attachArtifact(project, archive.getKey().extension(), classifier, file);
                getLog().info("bundle: " + file + " (attached as " + archive.getKey().extension() + ":" + classifier
                        + ")");
            } else {
                getLog().info("bundle: " + file);
            }
        }
        result.unpackDirectory().ifPresent(dir -> {
            getLog().info("bundle entries written under " + dir + " for the main jar");
            File jar = project.getArtifact() == null ? null : project.getArtifact().getFile();
            if (jar != null && jar.isFile()) {
                getLog().warn("includeInJar: the main artifact " + jar + " was already packaged before this"
                        + " execution; bind wasm-aot:bundle to the prepare-package phase so that it carries the images");
            }
        });
    }

    private BundleRequest request() throws MojoExecutionException {
        if (attach && (classifier == null || classifier.isBlank())) {
            throw new MojoExecutionException("a classifier is required to attach the bundle (wasm-aot.classifier)");
        }
        Instant timestamp;
        try {
            timestamp = OutputTimestamp.parse(outputTimestamp);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        try {
            BundleRequest.Builder b = BundleRequest.builder(imageDirectory.toPath(), bundleDirectory.toPath(),
                            bundleName)
                    .sourceDirectory(sourceDirectory == null ? null : sourceDirectory.toPath())
                    .timestamp(timestamp)
                    .requireImages(failIfNoImages)
                    .defaultCompiler(new CompilerInfo(compilerVersion, compilerOptions));
            for (String f : formats == null || formats.isEmpty() ? List.of("tar.gz") : formats) {
                b.formats(BundleFormat.parse(f));
            }
            Set<String> explicit = new HashSet<>();
            if (imageCompilers != null) {
                for (ImageCompiler c : imageCompilers) {
                    if (c.image == null || c.image.isBlank()) {
                        throw new MojoExecutionException("an <imageCompiler> needs an <image>");
                    }
                    explicit.add(c.image.trim());
                }
            }
            Path staging = sourceDirectory == null
                    ? new File(project.getBuild().getDirectory(), "wasm-aot-sources").toPath() : null;
            StampedImages.apply(b, imageDirectory.toPath(), CompiledImages.scan(imageDirectory.toPath()), explicit,
                    staging);
            if (imageCompilers != null) {
                for (ImageCompiler c : imageCompilers) {
                    b.compiler(c.image.trim(), new CompilerInfo(c.version, c.options));
                }
            }
            if (includeInJar) {
                b.unpackDirectory(new File(project.getBuild().getOutputDirectory(), "META-INF/wasm-aot").toPath());
            }
            return b.build();
        } catch (BundleException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the compile stamps under " + imageDirectory + ": " + e, e);
        }
    }
}
