package org.redgovernance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redgovernance.database.SchemaMigrations;
import org.redgovernance.deploy.KubernetesManifests.Manifest;

/**
 * The Kubernetes manifests an operator applies (infra/deploy/kubernetes): every object is one the
 * Kubernetes API takes, and the objects fit together — Services, budgets and the autoscaler find
 * their pods, probes ask the health groups on ports the containers open, every setting and secret a
 * container reads is declared, only platform-api is reachable from outside, and the images are the
 * ones this build makes.
 */
class KubernetesManifestsTests {

  private static List<Manifest> manifests;

  @BeforeAll
  static void read() throws IOException {
    manifests = KubernetesManifests.all();
  }

  @Test
  void everyObjectIsOneTheKubernetesApiTakes() {
    assertThat(manifests).hasSizeGreaterThan(10);
    for (Manifest manifest : manifests) {
      assertThat(KubernetesManifests.problem(manifest.object())).as(manifest.toString()).isEmpty();
    }
  }

  @Test
  void theCheckRefusesWhatTheApiWouldRefuse() {
    Map<String, Object> deployment = copy(deployment("platform-api").object());
    assertThat(KubernetesManifests.problem(deployment)).isEmpty();

    Map<String, Object> misspelt = copy(deployment);
    Nodes.map(misspelt, "spec").put("replcas", 2);
    assertThat(KubernetesManifests.problem(misspelt)).get().asString().contains("replcas");

    Map<String, Object> nameless = copy(deployment);
    Nodes.map(container(nameless)).remove("name");
    assertThat(KubernetesManifests.problem(nameless)).get().asString().contains("name");

    Map<String, Object> wrongType = copy(deployment);
    Nodes.map(wrongType, "spec").put("replicas", "two");
    assertThat(KubernetesManifests.problem(wrongType)).isPresent();

    Map<String, Object> retired = copy(deployment);
    retired.put("apiVersion", "extensions/v1beta1");
    assertThat(KubernetesManifests.problem(retired)).isPresent();
  }

  @Test
  void everyServicePodBudgetAndAutoscalerFindsItsDeployment() {
    for (Manifest service : ofKind("Service")) {
      Manifest deployment = selected(Nodes.map(service.object(), "spec", "selector"));
      for (Object port : Nodes.list(service.object(), "spec", "ports")) {
        assertThat(containerPorts(deployment))
            .as(service + " sends traffic to a port its pods open")
            .containsKey(Nodes.string(port, "targetPort"));
      }
    }
    for (String name : List.of("platform-api", "tenant-admin")) {
      assertThat(ofKind("PodDisruptionBudget"))
          .as("a disruption budget keeps one " + name + " up while nodes are drained")
          .anySatisfy(
              budget -> {
                assertThat(selected(Nodes.map(budget.object(), "spec", "selector", "matchLabels")))
                    .isEqualTo(deployment(name));
                assertThat(Nodes.at(budget.object(), "spec", "minAvailable")).isEqualTo(1);
              });
    }
    Manifest autoscaler = ofKind("HorizontalPodAutoscaler").get(0);
    assertThat(Nodes.string(autoscaler.object(), "spec", "scaleTargetRef", "name"))
        .isEqualTo("platform-api");
    assertThat((Integer) Nodes.at(autoscaler.object(), "spec", "minReplicas")).isGreaterThan(1);
  }

  @Test
  void probesAskTheHealthGroupsOnPortsTheContainersOpen() {
    for (String name : List.of("platform-api", "tenant-admin")) {
      Manifest deployment = deployment(name);
      Map<String, Object> container = Nodes.map(container(deployment.object()));
      for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        String path = Nodes.string(container, probe, "httpGet", "path");
        assertThat(path)
            .as(name + " " + probe)
            .isEqualTo(
                probe.equals("readinessProbe")
                    ? "/actuator/health/readiness"
                    : "/actuator/health/liveness");
        assertThat(containerPorts(deployment))
            .containsKey(Nodes.string(container, probe, "httpGet", "port"));
      }
    }
    // both services' health is on the management port, which their Services do not carry
    for (String name : List.of("platform-api", "tenant-admin")) {
      assertThat(
              Nodes.string(
                  container(deployment(name).object()), "readinessProbe", "httpGet", "port"))
          .as(name)
          .isEqualTo("management");
    }
  }

  @Test
  void everySettingAndSecretAContainerReadsIsDeclared() {
    Map<String, Set<String>> declared = new LinkedHashMap<>();
    for (Manifest manifest : manifests) {
      if (manifest.kind().equals("ConfigMap")) {
        declared.put("ConfigMap " + manifest.name(), Nodes.map(manifest.object(), "data").keySet());
      } else if (manifest.kind().equals("Secret")) {
        declared.put(
            "Secret " + manifest.name(), Nodes.map(manifest.object(), "stringData").keySet());
      }
    }
    List<String> references = new ArrayList<>();
    for (Manifest workload : workloads()) {
      Map<String, Object> container = Nodes.map(container(workload.object()));
      for (Object variable : Nodes.list(container, "env")) {
        for (String source : List.of("configMapKeyRef", "secretKeyRef")) {
          String sourceName = Nodes.string(variable, "valueFrom", source, "name");
          if (sourceName != null) {
            String key = Nodes.string(variable, "valueFrom", source, "key");
            String owner = (source.equals("secretKeyRef") ? "Secret " : "ConfigMap ") + sourceName;
            assertThat(declared.getOrDefault(owner, Set.of()))
                .as(workload + " reads " + key + " of " + owner)
                .contains(key);
            references.add(key);
          }
        }
      }
      for (Object from : Nodes.list(container, "envFrom")) {
        assertThat(declared).containsKey("ConfigMap " + Nodes.string(from, "configMapRef", "name"));
      }
    }
    assertThat(references)
        .contains("RG_PERSONAL_DATA_KEY", "RG_DB_API_PASSWORD", "RG_DB_ADMIN_PASSWORD");
  }

  @Test
  void onlyPlatformApisServicePortIsOpenToEveryone() {
    List<Manifest> policies = ofKind("NetworkPolicy");
    assertThat(policies)
        .as("everything is closed unless a policy opens it")
        .anySatisfy(
            policy -> {
              assertThat(Nodes.map(policy.object(), "spec", "podSelector")).isEmpty();
              assertThat(Nodes.list(policy.object(), "spec", "ingress")).isEmpty();
            });
    List<String> openToEveryone = new ArrayList<>();
    List<String> managementOpenTo = new ArrayList<>();
    for (Manifest policy : policies) {
      String pod =
          Nodes.string(
              policy.object(), "spec", "podSelector", "matchLabels", "app.kubernetes.io/name");
      for (Object rule : Nodes.list(policy.object(), "spec", "ingress")) {
        for (Object port : Nodes.list(rule, "ports")) {
          if (Nodes.list(rule, "from").isEmpty()) {
            openToEveryone.add(pod + ":" + Nodes.string(port, "port"));
          } else if (Nodes.string(port, "port").equals("management")) {
            for (Object from : Nodes.list(rule, "from")) {
              managementOpenTo.add(
                  pod
                      + " from "
                      + Nodes.string(
                          from, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
            }
          }
        }
      }
    }
    assertThat(openToEveryone).containsExactly("platform-api:http");
    assertThat(managementOpenTo)
        .as("each service's metrics are scraped by the monitoring namespace, and only by it")
        .containsExactlyInAnyOrder("platform-api from monitoring", "tenant-admin from monitoring");
    assertThat(ofKind("Ingress"))
        .allSatisfy(
            ingress ->
                assertThat(
                        Nodes.list(ingress.object(), "spec", "rules").stream()
                            .flatMap(rule -> Nodes.list(rule, "http", "paths").stream())
                            .map(path -> Nodes.string(path, "backend", "service", "name"))
                            .collect(Collectors.toSet()))
                    .containsExactly("platform-api"));
  }

  @Test
  void containersRunAsTheImagesUnprivilegedUserOnAReadOnlyRoot() {
    for (Manifest workload : workloads()) {
      Map<String, Object> pod = podSpec(workload.object());
      assertThat(Nodes.at(pod, "securityContext", "runAsNonRoot"))
          .as(workload.toString())
          .isEqualTo(true);
      assertThat(Nodes.at(pod, "securityContext", "runAsUser")).isEqualTo(65532);
      assertThat(Nodes.at(pod, "automountServiceAccountToken")).isEqualTo(false);
      Map<String, Object> container = Nodes.map(container(workload.object()));
      assertThat(Nodes.at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
      assertThat(Nodes.at(container, "securityContext", "allowPrivilegeEscalation"))
          .isEqualTo(false);
      assertThat(Nodes.list(container, "securityContext", "capabilities", "drop"))
          .containsExactly("ALL");
      assertThat(Nodes.list(container, "volumeMounts"))
          .as("the JVM and Tomcat write their temporary files somewhere")
          .anySatisfy(mount -> assertThat(Nodes.string(mount, "mountPath")).isEqualTo("/tmp"));
      assertThat(Nodes.string(container, "resources", "limits", "memory")).isNotNull();
    }
  }

  @Test
  void theImagesAreTheOnesThisBuildMakesAndTheJobMigratesWithThem() {
    String version = System.getProperty("rg.project.version");
    assertThat(version).isNotBlank();
    for (Manifest workload : workloads()) {
      assertThat(Nodes.string(container(workload.object()), "image"))
          .as(workload.toString())
          .isIn("red-governance/platform-api:" + version, "red-governance/tenant-admin:" + version);
    }
    Manifest migration = ofKind("Job").get(0);
    assertThat(Nodes.string(container(migration.object()), "image"))
        .isEqualTo("red-governance/platform-api:" + version);
    assertThat(Nodes.list(container(migration.object()), "command"))
        .as("the Job runs the changelog's own main class, on the image's class path")
        .contains("@/app/jib-classpath-file", SchemaMigrations.class.getName());
  }

  private static List<Manifest> ofKind(String kind) {
    return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  private static List<Manifest> workloads() {
    return manifests.stream()
        .filter(m -> m.kind().equals("Deployment") || m.kind().equals("Job"))
        .toList();
  }

  private static Manifest deployment(String name) {
    return ofKind("Deployment").stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name));
  }

  /** The one Deployment whose pods carry these labels. */
  private static Manifest selected(Map<String, Object> labels) {
    assertThat(labels).isNotEmpty();
    List<Manifest> matching =
        ofKind("Deployment").stream()
            .filter(
                d ->
                    Nodes.map(d.object(), "spec", "template", "metadata", "labels")
                        .entrySet()
                        .containsAll(labels.entrySet()))
            .toList();
    assertThat(matching).as("Deployments selected by " + labels).hasSize(1);
    return matching.get(0);
  }

  private static Map<String, Object> podSpec(Map<String, Object> workload) {
    return Nodes.map(workload, "spec", "template", "spec");
  }

  private static Object container(Map<String, Object> workload) {
    List<Object> containers = Nodes.list(podSpec(workload), "containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  private static Map<String, Object> containerPorts(Manifest deployment) {
    Map<String, Object> ports = new LinkedHashMap<>();
    for (Object port : Nodes.list(container(deployment.object()), "ports")) {
      ports.put(Nodes.string(port, "name"), Nodes.at(port, "containerPort"));
    }
    return ports;
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, value) -> copy.put((String) key, copy(value)));
      return (T) copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(value -> copy.add(copy(value)));
      return (T) copy;
    }
    return node;
  }
}
