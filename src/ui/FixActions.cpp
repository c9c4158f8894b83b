#include "FixActions.h"

#include "fission/Kinds.h"
#include "UiTr.h"

#include <type_traits>

using namespace Qt::StringLiterals;
using fd::ui::detail::translate;
namespace fis = fd::fission;

namespace fd {
namespace ui {

FixRoute fixRoute(const fis::FixAction &action, bool sessionSupports)
{
    if (std::holds_alternative<fis::InspectObjectAction>(action))
        return FixRoute::Inspect;
    return sessionSupports ? FixRoute::Session : FixRoute::Hidden;
}

fis::ObjectRef inspectTarget(const fis::FixAction &action)
{
    if (const auto *inspect = std::get_if<fis::InspectObjectAction>(&action))
        return inspect->object;
    return {};
}

QString RequiredPermission::describe() const
{
    const QString what = group.isEmpty() ? resource : resource + u'.' + group;
    if (namespaceName.isEmpty())
        return translate("fd::ui", "%1 %2 (cluster-wide)").arg(verb, what);
    return translate("fd::ui", "%1 %2 in %3").arg(verb, what, namespaceName);
}

RequiredPermission requiredPermission(const fis::FixAction &action)
{
    return std::visit(
        [](const auto &a) -> RequiredPermission {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, fis::RebuildPackageAction>)
                return {u"update"_s, QStringView(fis::FissionGroup).toString(), u"packages"_s, a.namespaceName};
            else if constexpr (std::is_same_v<T, fis::CreateNamespaceAction>)
                return {u"create"_s, QString(), u"namespaces"_s, QString()};
            else if constexpr (std::is_same_v<T, fis::CreateTenantAction>)
                return {u"create"_s, QStringView(fis::FissionGroup).toString(), u"fissiontenants"_s, QString()};
            else if constexpr (std::is_same_v<T, fis::RemoveFinalizersAction>) {
                const fis::KindInfo *kind = fis::kinds::forKind(a.object.group, a.object.kind);
                return {u"patch"_s, a.object.group, kind ? kind->gr.resource : a.object.kind.toLower() + u's',
                        a.object.namespaceName};
            } else if constexpr (std::is_same_v<T, fis::OnboardAction>) {
                if (a.method == fis::OnboardAction::Method::CreateTenant)
                    return {u"create"_s, QStringView(fis::FissionGroup).toString(), u"fissiontenants"_s, QString()};
                if (a.method == fis::OnboardAction::Method::RemoveOptOutLabel)
                    return {u"patch"_s, QString(), u"namespaces"_s, QString()};
                // A Helm upgrade writes the release's Secret and the Deployments.
                return {u"update"_s, u"apps"_s, u"deployments"_s, a.releaseNamespace};
            } else {
                return {};
            }
        },
        action);
}

} // namespace ui
} // namespace fd
