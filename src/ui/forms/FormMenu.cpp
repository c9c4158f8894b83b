#include "ui/forms/FormMenu.h"

#include "engine/ClusterSession.h"
#include "fission/FissionIndex.h"
#include "ui/forms/DeleteObjectDialog.h"
#include "ui/forms/FissionForms.h"
#include "ui/forms/FormBackend.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMenu>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {

QString trMenu(const char *text)
{
    return QCoreApplication::translate("fd::ui::FormMenu", text);
}

void openForm(QWidget *parent, fd::engine::ClusterSession *session, const QString &kind, const QString &ns,
              const QJsonObject &existing)
{
    auto *backend = new SessionFormBackend(session);
    ObjectFormDialog *dialog = createObjectForm(kind, backend, ns, existing, parent);
    if (!dialog) {
        delete backend;
        return;
    }
    backend->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

const fd::fission::FissionObject *findTyped(const fd::fission::FissionIndex &index, const fd::fission::ObjectRef &ref)
{
    if (ref.kind == u"Function")
        return index.functions().get(ref.namespaceName, ref.name);
    if (ref.kind == u"Environment")
        return index.environments().get(ref.namespaceName, ref.name);
    if (ref.kind == u"HTTPTrigger")
        return index.httpTriggers().get(ref.namespaceName, ref.name);
    if (ref.kind == u"TimeTrigger")
        return index.timeTriggers().get(ref.namespaceName, ref.name);
    if (ref.kind == u"Package")
        return index.packages().get(ref.namespaceName, ref.name);
    if (ref.kind == u"MessageQueueTrigger")
        return index.messageQueueTriggers().get(ref.namespaceName, ref.name);
    if (ref.kind == u"KubernetesWatchTrigger")
        return index.watchTriggers().get(ref.namespaceName, ref.name);
    return nullptr;
}

// Asks for the target tenant, then opens the duplicate form there.
void openDuplicate(QWidget *parent, fd::engine::ClusterSession *session, const fd::fission::ObjectRef &ref)
{
    const auto snap = session->snapshot();
    const fd::fission::FissionObject *o = findTyped(snap->index, ref);
    if (!o)
        return;
    QStringList targets;
    for (auto it = snap->tenants.tenants().cbegin(); it != snap->tenants.tenants().cend(); ++it) {
        if (it.key() != ref.namespaceName)
            targets << it.key();
    }
    if (targets.isEmpty())
        return;
    bool ok = false;
    const QString target = QInputDialog::getItem(parent, trMenu(QT_TRANSLATE_NOOP("fd::ui::FormMenu", "Duplicate")),
                                                 trMenu(QT_TRANSLATE_NOOP("fd::ui::FormMenu", "Copy into the tenant:")), targets, 0,
                                                 false, &ok);
    if (!ok || target.isEmpty())
        return;
    auto *backend = new SessionFormBackend(session);
    auto *dialog = new DuplicateObjectForm(backend, o->object.toJsonObject(), target, parent);
    backend->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace

void addObjectFormActions(QMenu *menu, QWidget *parent, fd::engine::ClusterSession *session, const QString &ns,
                          const fd::fission::ObjectRef *object)
{
    if (!session || ns.isEmpty())
        return;
    QPointer<fd::engine::ClusterSession> guard(session);
    menu->addSeparator();
    if (!object) {
        const std::pair<const char *, QString> entries[] = {
            {QT_TRANSLATE_NOOP("fd::ui::FormMenu", "New function…"), u"Function"_s},
            {QT_TRANSLATE_NOOP("fd::ui::FormMenu", "New HTTP trigger…"), u"HTTPTrigger"_s},
            {QT_TRANSLATE_NOOP("fd::ui::FormMenu", "New environment…"), u"Environment"_s},
            {QT_TRANSLATE_NOOP("fd::ui::FormMenu", "New time trigger…"), u"TimeTrigger"_s},
            {QT_TRANSLATE_NOOP("fd::ui::FormMenu", "New package…"), u"Package"_s},
            {QT_TRANSLATE_NOOP("fd::ui::FormMenu", "New message queue trigger…"), u"MessageQueueTrigger"_s},
            {QT_TRANSLATE_NOOP("fd::ui::FormMenu", "New Kubernetes watch trigger…"), u"KubernetesWatchTrigger"_s},
        };
        for (const auto &entry : entries) {
            // A copy, not a structured binding: Clang 14 cannot capture those in a lambda.
            const QString kind = entry.second;
            menu->addAction(trMenu(entry.first), parent, [parent, guard, kind, ns] {
                if (guard)
                    openForm(parent, guard, kind, ns, {});
            });
        }
        return;
    }
    const fd::fission::ObjectRef ref = *object;
    const bool editable = ref.kind == u"Function" || ref.kind == u"Environment" || ref.kind == u"HTTPTrigger" || ref.kind == u"TimeTrigger"
        || ref.kind == u"Package" || ref.kind == u"MessageQueueTrigger" || ref.kind == u"KubernetesWatchTrigger";
    if (editable) {
        menu->addAction(trMenu(QT_TRANSLATE_NOOP("fd::ui::FormMenu", "Edit…")), parent, [parent, guard, ref] {
            if (!guard)
                return;
            const fd::fission::FissionObject *o = findTyped(guard->snapshot()->index, ref);
            if (o)
                openForm(parent, guard, ref.kind, ref.namespaceName, o->object.toJsonObject());
        });
    }
    if (ref.kind == u"Function" || ref.kind == u"Environment") {
        menu->addAction(trMenu(QT_TRANSLATE_NOOP("fd::ui::FormMenu", "Duplicate to another tenant…")), parent, [parent, guard, ref] {
            if (guard)
                openDuplicate(parent, guard, ref);
        });
    }
    if (editable) {
        menu->addAction(trMenu(QT_TRANSLATE_NOOP("fd::ui::FormMenu", "Delete…")), parent, [parent, guard, ref] {
            if (!guard)
                return;
            auto *backend = new SessionFormBackend(guard);
            auto *dialog = new DeleteObjectDialog(backend, ref.kind, ref.namespaceName, ref.name, parent);
            backend->setParent(dialog);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
    }
}

} // namespace ui
} // namespace fd
