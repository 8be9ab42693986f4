package org.redgovernance.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's image as the build wrote it ({@code <service>/target/<service>-image.tar}, an OCI
 * image layout in a tar archive, as {@code podman load}, {@code skopeo} and {@code docker load}
 * (Docker 25 and later) take it), opened without a container engine: its configuration and layers
 * are read from the archive, its file system unpacked layer by layer, and its entrypoint started as
 * a container runtime would — in that file system (chroot), as the image's user, with the image's
 * environment, a private /proc and the host's /dev and /etc/hosts — so that a test talks to the
 * service the image really holds.
 */
final class ServiceImage {

  private static final Path ROOT = Path.of(System.getProperty("rg.root", "../.."));

  private final String service;
  private final Path archive;
  private final JsonObject manifest;
  private final JsonObject config;

  private ServiceImage(String service, Path archive) throws IOException, InterruptedException {
    this.service = service;
    this.archive = archive;
    Files.createDirectories(archive);
    run(List.of("tar", "-xf", tarball(service).toString(), "-C", archive.toString()));
    // an OCI image layout: index.json names the manifest, which names the config and the layers
    JsonObject index = read(archive.resolve("index.json")).getAsJsonObject();
    this.manifest =
        read(blob(index.getAsJsonArray("manifests").get(0).getAsJsonObject())).getAsJsonObject();
    this.config = read(blob(manifest.getAsJsonObject("config"))).getAsJsonObject();
  }

  /** The file of the blob a descriptor points at. */
  private Path blob(JsonObject descriptor) {
    String[] digest = descriptor.get("digest").getAsString().split(":");
    return archive.resolve("blobs").resolve(digest[0]).resolve(digest[1]);
  }

  /** The media type of the image's manifest (OCI's, not Docker's). */
  String manifestMediaType() {
    return manifest.get("mediaType").getAsString();
  }

  static Path tarball(String service) {
    return ROOT.resolve(service).resolve("target").resolve(service + "-image.tar");
  }

  /** Opens the service's image archive into {@code work}. */
  static ServiceImage open(String service, Path work) throws IOException, InterruptedException {
    if (!Files.exists(tarball(service))) {
      throw new IllegalStateException(
          "No image " + tarball(service) + ": the service's package phase builds it (Jib)");
    }
    return new ServiceImage(service, work.resolve(service + "-archive"));
  }

  /** The image configuration's {@code config} part: user, entrypoint, environment, ports. */
  JsonObject runConfig() {
    return config.getAsJsonObject("config");
  }

  /** The layers' archives (gzipped tar), base first. */
  List<Path> layers() {
    List<Path> layers = new ArrayList<>();
    for (JsonElement layer : manifest.getAsJsonArray("layers")) {
      layers.add(blob(layer.getAsJsonObject()));
    }
    return layers;
  }

  /** The files of one layer, as tar lists them. */
  static List<String> files(Path layer) throws IOException, InterruptedException {
    return List.of(run(List.of("tar", "-tf", layer.toString())).split("\n"));
  }

  /** The image's file system, every layer unpacked in order, in {@code rootfs}. */
  Path unpack(Path rootfs) throws IOException, InterruptedException {
    Files.createDirectories(rootfs);
    for (Path layer : layers()) {
      run(List.of("tar", "-xf", layer.toString(), "-C", rootfs.toString()));
    }
    // what a runtime mounts over: the host's name resolution, for 127.0.0.1 and localhost
    Files.writeString(rootfs.resolve("etc/hosts"), "");
    return rootfs;
  }

  /**
   * Starts {@code command} (the image's entrypoint when empty) in the unpacked file system as the
   * image's user, with the image's environment and {@code env}; the process ends with its output in
   * {@code log}.
   */
  Process start(Path rootfs, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    List<String> run =
        new ArrayList<>(
            List.of(
                "/usr/bin/unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child=SIGTERM",
                "/bin/sh",
                "-c",
                "set -e; root=$1; user=$2; shift 2;"
                    + " mount -t proc proc \"$root/proc\";"
                    + " mount --rbind /dev \"$root/dev\";"
                    + " mount --bind /etc/hosts \"$root/etc/hosts\";"
                    + " exec chroot --userspec=\"$user\" \"$root\" \"$@\"",
                "image-" + service,
                rootfs.toString(),
                runConfig().get("User").getAsString()));
    if (command.isEmpty()) {
      runConfig().getAsJsonArray("Entrypoint").forEach(part -> run.add(part.getAsString()));
    } else {
      run.addAll(command);
    }
    ProcessBuilder builder = new ProcessBuilder(run);
    builder.environment().clear();
    for (JsonElement variable : runConfig().getAsJsonArray("Env")) {
      String[] pair = variable.getAsString().split("=", 2);
      builder.environment().put(pair[0], pair[1]);
    }
    builder.environment().putAll(env);
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static JsonElement read(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
