package org.redgovernance.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests of {@code infra/deploy/kubernetes}, and their check against the
 * Kubernetes API: each object is read by the official Java client's model of its kind (generated
 * from Kubernetes' OpenAPI schema), which refuses a field the API does not have, a required field
 * left out, and a value of the wrong type — what {@code kubectl apply --validate=strict} refuses.
 */
final class KubernetesManifests {

  /** The API version each kind the manifests use is served under in Kubernetes 1.35. */
  static final Map<String, String> API_VERSIONS =
      Map.ofEntries(
          Map.entry("Namespace", "v1"),
          Map.entry("ConfigMap", "v1"),
          Map.entry("Secret", "v1"),
          Map.entry("Service", "v1"),
          Map.entry("PersistentVolumeClaim", "v1"),
          Map.entry("Deployment", "apps/v1"),
          Map.entry("Job", "batch/v1"),
          Map.entry("Ingress", "networking.k8s.io/v1"),
          Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
          Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
          Map.entry("PodDisruptionBudget", "policy/v1"));

  /** One object of a manifest file. */
  record Manifest(Path file, Map<String, Object> object) {

    String kind() {
      return (String) object.get("kind");
    }

    String name() {
      return (String) Nodes.at(object, "metadata", "name");
    }

    @Override
    public String toString() {
      return file.getFileName() + ": " + kind() + " " + name();
    }
  }

  private KubernetesManifests() {}

  static Path folder() {
    return Path.of(System.getProperty("rg.root", "../..")).resolve("infra/deploy/kubernetes");
  }

  /** Every object of every manifest file, in file order. */
  static List<Manifest> all() throws IOException {
    List<Manifest> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file)) {
          for (Object object : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
            if (object != null) {
              @SuppressWarnings("unchecked")
              Map<String, Object> map = (Map<String, Object>) object;
              manifests.add(new Manifest(file, map));
            }
          }
        }
      }
    }
    return manifests;
  }

  /** What the Kubernetes API would refuse in this object; empty when it would take it. */
  static Optional<String> problem(Map<String, Object> object) {
    Object kind = object.get("kind");
    Object apiVersion = object.get("apiVersion");
    if (!(kind instanceof String) || !(apiVersion instanceof String)) {
      return Optional.of("kind and apiVersion are required");
    }
    String expected = API_VERSIONS.get(kind);
    if (expected == null) {
      return Optional.of("kind " + kind + " is not one the platform's manifests use");
    }
    if (!expected.equals(apiVersion)) {
      return Optional.of(kind + " is served as " + expected + ", not " + apiVersion);
    }
    String version = expected.substring(expected.lastIndexOf('/') + 1);
    String model =
        "io.kubernetes.client.openapi.models.V" + version.substring(1).toLowerCase() + kind;
    JsonElement json = new Gson().toJsonTree(object);
    try {
      Class<?> type = Class.forName(model);
      type.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
      JSON.getGson().fromJson(json, type);
      return Optional.empty();
    } catch (InvocationTargetException refused) {
      return Optional.of(refused.getCause().getMessage());
    } catch (RuntimeException wrongType) {
      return Optional.of(wrongType.getMessage());
    } catch (ReflectiveOperationException noModel) {
      return Optional.of("no model " + model + " in the Kubernetes client");
    }
  }
}
