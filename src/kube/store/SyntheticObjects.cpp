#include "kube/store/SyntheticObjects.h"

#include <array>

namespace fd::kube::synthetic {

namespace {

// splitmix64: tiny, deterministic across platforms.
class Rng {
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }

private:
    quint64 m_state;
};

QByteArray hex(Rng &rng, int digits)
{
    static constexpr char alphabet[] = "0123456789abcdef";
    QByteArray out(digits, '0');
    for (int i = 0; i < digits; ++i)
        out[i] = alphabet[rng.below(16)];
    return out;
}

QByteArray alnum(Rng &rng, int digits)
{
    // Kubernetes' rand.String alphabet (no vowels, no 0/1/3).
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QByteArray out(digits, 'b');
    for (int i = 0; i < digits; ++i)
        out[i] = alphabet[rng.below(static_cast<int>(sizeof(alphabet) - 1))];
    return out;
}

QByteArray uid(Rng &rng)
{
    return hex(rng, 8) + '-' + hex(rng, 4) + '-' + hex(rng, 4) + '-' + hex(rng, 4) + '-' + hex(rng, 12);
}

QByteArray timestamp(Rng &rng)
{
    const int day = 1 + rng.below(28);
    const int hour = rng.below(24);
    const int minute = rng.below(60);
    const int second = rng.below(60);
    return QByteArrayLiteral("2025-10-") + QByteArray::number(day).rightJustified(2, '0') + 'T'
        + QByteArray::number(hour).rightJustified(2, '0') + ':' + QByteArray::number(minute).rightJustified(2, '0')
        + ':' + QByteArray::number(second).rightJustified(2, '0') + 'Z';
}

struct Env {
    QByteArray name;
    QByteArray ns;
    QByteArray uid;
    QByteArray image;
    QByteArray rv;
};

Env environment(int envIndex, quint64 seed)
{
    Rng rng(seed * 7919 + static_cast<quint64>(envIndex));
    static constexpr std::array<const char *, 6> runtimes{"nodejs", "python", "go", "jvm", "ruby", "php"};
    const QByteArray runtime = runtimes[static_cast<size_t>(envIndex) % runtimes.size()];
    Env env;
    env.name = runtime + '-' + QByteArray::number(envIndex);
    env.ns = envIndex % 3 == 0 ? QByteArrayLiteral("default") : QByteArrayLiteral("team-") + QByteArray::number(envIndex % 7);
    env.uid = uid(rng);
    env.image = QByteArrayLiteral("ghcr.io/fission/") + runtime + QByteArrayLiteral("-env:1.32.0");
    env.rv = QByteArray::number(100000 + envIndex * 13);
    return env;
}

} // namespace

QByteArray podJson(int index, const Options &options)
{
    Rng rng(options.seed * 1000003ULL + static_cast<quint64>(index));
    const bool full = options.detail == Options::Detail::Full;
    const int envIndex = index % qMax(1, options.environments);
    const Env env = environment(envIndex, options.seed);
    const bool specialized = rng.below(100) < options.specializedPercent;
    // One pool Deployment/ReplicaSet per environment: its pods share the template hash and owner.
    Rng poolRng(options.seed * 31ULL + static_cast<quint64>(envIndex));
    const QByteArray rsHash = hex(poolRng, 9).replace('a', 'b');
    const QByteArray rsUid = uid(poolRng);
    const QByteArray deployName = QByteArrayLiteral("poolmgr-") + env.name + '-' + env.ns + '-' + env.rv;
    const QByteArray rsName = deployName + '-' + rsHash;
    // A unique 5-character suffix (base 27 of the index, like the random ones the RS controller adds).
    QByteArray suffix(5, 'b');
    {
        static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
        quint64 v = static_cast<quint64>(index) * 2654435761ULL % 14348907ULL; // 27^5, bijective
        for (int i = 4; i >= 0; --i) {
            suffix[i] = alphabet[v % 27];
            v /= 27;
        }
    }
    const QByteArray name = rsName + '-' + suffix;
    const QByteArray podUid = uid(rng);
    const QByteArray created = timestamp(rng);
    const QByteArray started = created;
    const QByteArray ip = QByteArrayLiteral("10.244.") + QByteArray::number(rng.below(250)) + '.'
        + QByteArray::number(1 + rng.below(250));
    const QByteArray hostIp = QByteArrayLiteral("172.18.0.") + QByteArray::number(2 + rng.below(20));
    const QByteArray node = QByteArrayLiteral("worker-") + QByteArray::number(rng.below(20));
    const QByteArray tokenVolume = QByteArrayLiteral("kube-api-access-") + alnum(rng, 5);
    // A specialised pod serves one of ~1000 functions.
    const int fnIndex = index % 997;
    const QByteArray fnName = QByteArrayLiteral("fn-") + QByteArray::number(fnIndex);
    Rng fnRng(options.seed * 17ULL + static_cast<quint64>(fnIndex));
    const QByteArray fnUid = uid(fnRng);
    const QByteArray instanceId = alnum(rng, 8);

    QByteArray j;
    j.reserve(full ? 6144 : 3072);
    j += "{\"metadata\":{\"name\":\"" + name + "\",";
    if (full)
        j += "\"generateName\":\"" + rsName + "-\",";
    j += "\"namespace\":\"fission-function\",";
    j += "\"uid\":\"" + podUid + "\",\"resourceVersion\":\"" + QByteArray::number(2000000 + index * 3) + "\",";
    j += "\"creationTimestamp\":\"" + created + "\",\"labels\":{\"environmentName\":\"" + env.name
        + "\",\"environmentNamespace\":\"" + env.ns + "\",\"environmentUid\":\"" + env.uid
        + "\",\"executorType\":\"poolmgr\",";
    if (specialized)
        j += "\"fission.io/function-generation\":\"1\",\"fission.io/served\":\"true\",\"functionName\":\"" + fnName
            + "\",\"functionNamespace\":\"" + env.ns + "\",\"functionUid\":\"" + fnUid + "\",";
    j += "\"managed\":\"" + QByteArray(specialized ? "false" : "true") + "\",\"pod-template-hash\":\"" + rsHash + "\"},";
    if (specialized)
        j += "\"annotations\":{\"executorInstanceId\":\"" + instanceId + "\",\"functionResourceVersion\":\""
            + QByteArray::number(300000 + index) + "\",\"svcHost\":\"" + ip + ":8888\"},";
    j += "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"" + rsName
        + "\",\"uid\":\"" + rsUid + "\",\"controller\":true,\"blockOwnerDeletion\":true}],";
    // managedFields: what kube-controller-manager, the kubelet and the executor record for such a pod.
    j += "\"managedFields\":[";
    if (full)
        j += "{\"manager\":\"kube-controller-manager\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
             "\"time\":\"" + created + "\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:generateName\":{},"
             "\"f:labels\":{\".\":{},\"f:environmentName\":{},\"f:environmentNamespace\":{},\"f:environmentUid\":{},"
             "\"f:executorType\":{},\"f:managed\":{},\"f:pod-template-hash\":{}},\"f:ownerReferences\":{\".\":{},"
             "\"k:{\\\"uid\\\":\\\"" + rsUid + "\\\"}\":{}}},\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"fetcher\\\"}\":"
             "{\".\":{},\"f:command\":{},\"f:env\":{},\"f:image\":{},\"f:imagePullPolicy\":{},\"f:name\":{},"
             "\"f:readinessProbe\":{},\"f:resources\":{},\"f:volumeMounts\":{}},\"k:{\\\"name\\\":\\\"" + env.name + "\\\"}\":"
             "{\".\":{},\"f:image\":{},\"f:imagePullPolicy\":{},\"f:lifecycle\":{},\"f:name\":{},\"f:resources\":{},"
             "\"f:volumeMounts\":{}}},\"f:serviceAccount\":{},\"f:serviceAccountName\":{},\"f:volumes\":{}}}},";
    j += "{\"manager\":\"kubelet\",\"operation\":\"Update\",\"apiVersion\":\"v1\",\"time\":\"" + started
        + "\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:status\":{\"f:conditions\":{\"k:{\\\"type\\\":\\\"Ready\\\"}\":"
          "{\".\":{},\"f:lastProbeTime\":{},\"f:lastTransitionTime\":{},\"f:status\":{},\"f:type\":{}}},"
          "\"f:containerStatuses\":{},\"f:hostIP\":{},\"f:phase\":{},\"f:podIP\":{},\"f:podIPs\":{\".\":{},"
          "\"k:{\\\"ip\\\":\\\"" + ip + "\\\"}\":{\".\":{},\"f:ip\":{}}},\"f:startTime\":{}}},\"subresource\":\"status\"}";
    if (specialized && full)
        j += ",{\"manager\":\"executor\",\"operation\":\"Update\",\"apiVersion\":\"v1\",\"time\":\"" + started
            + "\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:annotations\":{\".\":{},"
              "\"f:executorInstanceId\":{},\"f:svcHost\":{}},\"f:labels\":{\"f:functionName\":{},\"f:functionUid\":{}}}}}";
    j += "]},";
    // spec
    j += "\"spec\":{\"volumes\":[{\"name\":\"userfunc\",\"emptyDir\":{}}";
    if (full)
        j += ",{\"name\":\"secrets\",\"emptyDir\":{}},{\"name\":\"configmaps\",\"emptyDir\":{}},{\"name\":\"" + tokenVolume + "\",\"projected\":{\"sources\":["
             "{\"serviceAccountToken\":{\"expirationSeconds\":3607,\"path\":\"token\"}},{\"configMap\":{\"name\":"
             "\"kube-root-ca.crt\",\"items\":[{\"key\":\"ca.crt\",\"path\":\"ca.crt\"}]}}],\"defaultMode\":420}}";
    j += "],\"containers\":[{\"name\":\"" + env.name + "\",\"image\":\"" + env.image + "\",\"resources\":{},"
         "\"volumeMounts\":[{\"name\":\"userfunc\",\"mountPath\":\"/userfunc\"}";
    if (full)
        j += ",{\"name\":\"" + tokenVolume + "\",\"readOnly\":true,\"mountPath\":\"/var/run/secrets/kubernetes.io/serviceaccount\"}],"
             "\"lifecycle\":{\"preStop\":{\"exec\":{\"command\":[\"/bin/sleep\",\"360\"]}}},"
             "\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\"";
    else
        j += "]";
    j += ",\"imagePullPolicy\":\"IfNotPresent\"},";
    j += "{\"name\":\"fetcher\",\"image\":\"ghcr.io/fission/fetcher:v1.20.5\",";
    if (full)
        j += "\"command\":[\"/fetcher\",\"-secret-dir\",\"/secrets\",\"-cfgmap-dir\",\"/configmaps\",\"/userfunc\"],"
             "\"env\":[{\"name\":\"OTEL_EXPORTER_OTLP_ENDPOINT\"},{\"name\":\"OTEL_TRACES_SAMPLER\",\"value\":"
             "\"parentbased_traceidratio\"},{\"name\":\"OTEL_TRACES_SAMPLER_ARG\",\"value\":\"0.1\"}],";
    j += "\"resources\":{\"requests\":{\"cpu\":\"10m\",\"memory\":\"16Mi\"}},\"volumeMounts\":["
         "{\"name\":\"userfunc\",\"mountPath\":\"/userfunc\"}";
    if (full)
        j += ",{\"name\":\"secrets\",\"mountPath\":\"/secrets\"},{\"name\":\"configmaps\",\"mountPath\":\"/configmaps\"}";
    j += "],";
    if (full)
        j += "\"readinessProbe\":{\"httpGet\":{\"path\":\"/readniness-healthz\",\"port\":8000,\"scheme\":\"HTTP\"},"
             "\"initialDelaySeconds\":1,\"timeoutSeconds\":1,\"periodSeconds\":1,\"successThreshold\":1,\"failureThreshold\":30},";
    j += "\"imagePullPolicy\":\"IfNotPresent\"}],";
    j += "\"restartPolicy\":\"Always\",\"terminationGracePeriodSeconds\":360,\"dnsPolicy\":\"ClusterFirst\","
         "\"serviceAccountName\":\"fission-fetcher\",\"serviceAccount\":\"fission-fetcher\",\"nodeName\":\"" + node
        + "\",";
    if (full)
        j += "\"securityContext\":{},\"schedulerName\":\"default-scheduler\",";
    if (full)
        j += "\"tolerations\":[{\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",\"effect\":\"NoExecute\","
             "\"tolerationSeconds\":300},{\"key\":\"node.kubernetes.io/unreachable\",\"operator\":\"Exists\","
             "\"effect\":\"NoExecute\",\"tolerationSeconds\":300}],";
    if (full)
        j += "\"priority\":0,\"preemptionPolicy\":\"PreemptLowerPriority\",";
    j += "\"enableServiceLinks\":true},";
    // status
    j += "\"status\":{\"phase\":\"Running\",\"conditions\":[";
    if (full)
        j += "{\"type\":\"Initialized\",\"status\":\"True\",\"lastProbeTime\":null,\"lastTransitionTime\":\"" + created
            + "\"},";
    j += "{\"type\":\"Ready\",\"status\":\"True\",\"lastProbeTime\":null,\"lastTransitionTime\":\"" + started + "\"}";
    if (full)
        j += ",{\"type\":\"PodScheduled\",\"status\":\"True\",\"lastProbeTime\":null,\"lastTransitionTime\":\"" + created
            + "\"}";
    j += "],\"hostIP\":\"" + hostIp + "\",\"podIP\":\"" + ip + "\",\"podIPs\":[{\"ip\":\"" + ip + "\"}],\"startTime\":\""
        + started + "\",\"containerStatuses\":[";
    const QByteArray images[2] = {QByteArrayLiteral("ghcr.io/fission/fetcher:v1.20.5"), env.image};
    const QByteArray names[2] = {QByteArrayLiteral("fetcher"), env.name};
    for (int c = 0; c < 2; ++c) {
        if (c > 0)
            j += ',';
        j += "{\"name\":\"" + names[c] + "\",\"state\":{\"running\":{\"startedAt\":\"" + started
            + "\"}},\"lastState\":{},\"ready\":true,\"restartCount\":" + QByteArray::number(rng.below(10) == 0 ? 1 : 0)
            + ",\"image\":\"" + images[c] + "\"";
        if (full)
            j += ",\"imageID\":\"" + images[c] + "@sha256:" + hex(rng, 64) + "\",\"containerID\":\"containerd://"
                + hex(rng, 64) + "\"";
        j += ",\"started\":true}";
    }
    j += "],\"qosClass\":\"Burstable\"}}";
    return j;
}

QByteArray functionJson(int index, const Options &options)
{
    Rng rng(options.seed * 2000003ULL + static_cast<quint64>(index));
    const Env env = environment(index % qMax(1, options.environments), options.seed);
    const QByteArray name = QByteArrayLiteral("fn-") + QByteArray::number(index);
    const QByteArray pkg = name + '-' + uid(rng).left(8);
    const QByteArray created = timestamp(rng);
    QByteArray j;
    j.reserve(2048);
    j += "{\"apiVersion\":\"fission.io/v1\",\"kind\":\"Function\",\"metadata\":{\"creationTimestamp\":\"" + created
        + "\",\"generation\":" + QByteArray::number(1 + rng.below(4)) + ",\"managedFields\":[{\"apiVersion\":\"fission.io/v1\","
          "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:spec\":{\".\":{},\"f:InvokeStrategy\":{\".\":{},\"f:ExecutionStrategy\":"
          "{\".\":{},\"f:ExecutorType\":{},\"f:MaxScale\":{},\"f:MinScale\":{},\"f:SpecializationTimeout\":{},"
          "\"f:TargetCPUPercent\":{}},\"f:StrategyType\":{}},\"f:concurrency\":{},\"f:environment\":{\".\":{},\"f:name\":{},"
          "\"f:namespace\":{}},\"f:functionTimeout\":{},\"f:idletimeout\":{},\"f:package\":{\".\":{},\"f:functionName\":{},"
          "\"f:packageref\":{\".\":{},\"f:name\":{},\"f:namespace\":{},\"f:resourceversion\":{}}},\"f:requestsPerPod\":{},"
          "\"f:resources\":{}}},\"manager\":\"fission-cli\",\"operation\":\"Update\",\"time\":\"" + created + "\"}],"
          "\"name\":\"" + name + "\",\"namespace\":\"" + env.ns + "\",\"resourceVersion\":\""
        + QByteArray::number(500000 + index * 2) + "\",\"uid\":\"" + uid(rng) + "\"},";
    j += "\"spec\":{\"InvokeStrategy\":{\"ExecutionStrategy\":{\"ExecutorType\":\"poolmgr\",\"MaxScale\":0,\"MinScale\":0,"
         "\"SpecializationTimeout\":120,\"TargetCPUPercent\":0},\"StrategyType\":\"execution\"},\"concurrency\":500,"
         "\"environment\":{\"name\":\"" + env.name + "\",\"namespace\":\"" + env.ns + "\"},\"functionTimeout\":60,"
         "\"idletimeout\":120,\"package\":{\"functionName\":\"handler.main\",\"packageref\":{\"name\":\"" + pkg
        + "\",\"namespace\":\"" + env.ns + "\",\"resourceversion\":\"" + QByteArray::number(400000 + index)
        + "\"}},\"requestsPerPod\":1,\"resources\":{}}}";
    return j;
}

namespace {

template<typename Gen>
QByteArray listPage(const char *kind, const char *apiVersion, int first, int count, int total, const Options &options,
                    Gen gen)
{
    QByteArray page;
    page.reserve(count * 2600 + 256);
    page += QByteArrayLiteral("{\"kind\":\"") + kind + QByteArrayLiteral("\",\"apiVersion\":\"") + apiVersion
        + QByteArrayLiteral("\",\"metadata\":{\"resourceVersion\":\"") + QByteArray::number(9000000 + total)
        + '"';
    const int remaining = total - first - count;
    if (remaining > 0) {
        page += ",\"continue\":\"eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6OTAwMDAwMCwic3RhcnQiOiJ" + QByteArray::number(first + count)
            + "\",\"remainingItemCount\":" + QByteArray::number(remaining);
    }
    page += "},\"items\":[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            page += ',';
        page += gen(first + i, options);
    }
    page += "]}";
    return page;
}

} // namespace

QByteArray podListPage(int first, int count, int total, const Options &options)
{
    return listPage("PodList", "v1", first, count, total, options, &podJson);
}

QByteArray functionListPage(int first, int count, int total, const Options &options)
{
    return listPage("FunctionList", "fission.io/v1", first, count, total, options, &functionJson);
}

QByteArray watchEventLine(const QByteArray &type, const QByteArray &objectJson)
{
    return QByteArrayLiteral("{\"type\":\"") + type + QByteArrayLiteral("\",\"object\":") + objectJson + QByteArrayLiteral("}\n");
}

} // namespace fd::kube::synthetic
