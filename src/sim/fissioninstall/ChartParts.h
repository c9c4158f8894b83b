#pragma once

// Internal to the chart renderer: the pieces each template family contributes.

#include "sim/fissioninstall/ChartRenderer.h"

#include <QJsonArray>

namespace fd::sim::fissioninstall::detail {

struct RenderContext {
    FissionFlavor flavor = FissionFlavor::V1_20;
    FissionChartValues values;
    ChartIdentity chart;

    bool modern() const { return flavor == FissionFlavor::Modern; }
    // Modern only: the tenant controller runs (tenancy.mode dynamic or cluster).
    bool tenantController() const { return modern() && values.tenancyMode != QLatin1String("static"); }
    QString source(const QString &path) const { return chart.name + QStringLiteral("/templates/") + path; }
};

// Small JSON helpers shared by the parts.
QJsonObject metadata(const QString &name, const QString &namespaceName = {}, const QJsonObject &labels = {},
                     const QJsonObject &annotations = {});
QJsonObject rule(const QStringList &apiGroups, const QStringList &resources, const QStringList &verbs,
                 const QStringList &resourceNames = {});
QJsonObject serviceAccountSubject(const QString &name, const QString &namespaceName);
QJsonObject roleRef(const QString &kind, const QString &name);
// helm.sh/hook annotations; weight omitted when empty.
QJsonObject hookAnnotations(const QString &events, const QString &deletePolicy, const QString &weight = {});

void renderWorkloads(const RenderContext &context, QList<ChartObject> &out);
void renderRbac(const RenderContext &context, QList<ChartObject> &out);
void renderSupport(const RenderContext &context, QList<ChartObject> &out);

} // namespace fd::sim::fissioninstall::detail
