package io.github.wasmaot.verifier.report;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a batch of AOT images against pinned runtime profiles: the one entry point shared by the Maven
 * plugin's {@code verify} goal and build scripts.
 */
public final class BatchVerifier {
    private BatchVerifier() {
    }

    /**
     * Checks every image of the request against every requested runtime.
     *
     * @throws VerifyException naming the profile or file when a runtime profile is unknown, an input does not
     *                         exist or cannot be read, or no image is found although the request requires one
     */
    public static VerifyReport run(VerifyRequest request) throws VerifyException {
        List<RuntimeProfile> profiles = profiles(request.runtimes());
        Target target = request.target() == null ? null : Target.of(request.target());
        List<Path> images = ImageFiles.expand(request.inputs());
        if (images.isEmpty() && request.requireImages()) {
            throw new VerifyException("no " + ImageFiles.SUFFIX + " images found in " + request.inputs());
        }
        List<ImageCheck> checks = new ArrayList<>();
        for (Path image : images) {
            byte[] bytes = read(image);
            for (RuntimeProfile profile : profiles) {
                checks.add(new ImageCheck(image, Verifier.verify(bytes, image.toString(), profile, target)));
            }
        }
        List<String> names = profiles.stream().map(RuntimeProfile::name).toList();
        return new VerifyReport(names, target == null ? null : target.isa(), images, checks);
    }

    private static List<RuntimeProfile> profiles(List<String> requested) throws VerifyException {
        Map<String, RuntimeProfile> byName = new LinkedHashMap<>();
        for (String name : requested) {
            RuntimeProfile p = ProfileCatalog.byNameOrAlias(name).orElseThrow(() -> new VerifyException(
                    ProfileCatalog.unknownProfileMessage(name)));
            byName.putIfAbsent(p.name(), p);
        }
        return List.copyOf(byName.values());
    }

    private static byte[] read(Path image) throws VerifyException {
        try {
            return Files.readAllBytes(image);
        } catch (IOException e) {
            throw new VerifyException("cannot read AOT image " + image + ": " + e, e);
        }
    }
}
