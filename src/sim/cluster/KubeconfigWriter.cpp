#include "sim/cluster/KubeconfigWriter.h"

#include <yaml-cpp/yaml.h>

namespace fd::sim {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

std::string base64(const QByteArray &data)
{
    return data.toBase64().toStdString();
}

} // namespace

QByteArray writeKubeconfig(const QList<KubeconfigCluster> &clusters)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "apiVersion" << YAML::Value << "v1";
    out << YAML::Key << "kind" << YAML::Value << "Config";
    out << YAML::Key << "clusters" << YAML::Value << YAML::BeginSeq;
    for (const KubeconfigCluster &cluster : clusters) {
        out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << utf8(cluster.name);
        out << YAML::Key << "cluster" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "server" << YAML::Value << utf8(cluster.url.toString());
        if (!cluster.caPem.isEmpty())
            out << YAML::Key << "certificate-authority-data" << YAML::Value << base64(cluster.caPem);
        out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq;

    out << YAML::Key << "users" << YAML::Value << YAML::BeginSeq;
    for (const KubeconfigCluster &cluster : clusters) {
        for (const SimUser &user : cluster.users) {
            out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << utf8(cluster.name + QLatin1Char('-') + user.name);
            out << YAML::Key << "user" << YAML::Value << YAML::BeginMap;
            if (!user.clientCertificatePem.isEmpty()) {
                out << YAML::Key << "client-certificate-data" << YAML::Value << base64(user.clientCertificatePem);
                out << YAML::Key << "client-key-data" << YAML::Value << base64(user.clientKeyPem);
            }
            if (!user.token.isEmpty())
                out << YAML::Key << "token" << YAML::Value << utf8(user.token);
            out << YAML::EndMap << YAML::EndMap;
        }
    }
    out << YAML::EndSeq;

    out << YAML::Key << "contexts" << YAML::Value << YAML::BeginSeq;
    for (const KubeconfigCluster &cluster : clusters) {
        for (const SimUser &user : cluster.users) {
            const bool admin = user.name == QLatin1String("admin");
            out << YAML::BeginMap << YAML::Key << "name" << YAML::Value
                << utf8(admin ? cluster.name : cluster.name + QLatin1Char('-') + user.name);
            out << YAML::Key << "context" << YAML::Value << YAML::BeginMap;
            out << YAML::Key << "cluster" << YAML::Value << utf8(cluster.name);
            out << YAML::Key << "user" << YAML::Value << utf8(cluster.name + QLatin1Char('-') + user.name);
            out << YAML::Key << "namespace" << YAML::Value << "default";
            out << YAML::EndMap << YAML::EndMap;
        }
    }
    out << YAML::EndSeq;
    out << YAML::Key << "current-context" << YAML::Value << (clusters.isEmpty() ? std::string() : utf8(clusters.first().name));
    out << YAML::Key << "preferences" << YAML::Value << YAML::BeginMap << YAML::EndMap;
    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

} // namespace fd::sim
