#include "TroubleshootMenu.h"

#include "engine/ClusterSession.h"
#include "ui/troubleshoot/BuildBoard.h"
#include "ui/troubleshoot/BuildTroubleshooter.h"
#include "ui/troubleshoot/CallFunctionDialog.h"

#include <QCoreApplication>
#include <QMenu>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {
QString trMenu(const char *text)
{
    return QCoreApplication::translate("fd::ui::TroubleshootMenu", text);
}
}

void openBuildTroubleshooter(QWidget *parent, fd::engine::ClusterSession *session, const QString &namespaceName,
                             const QString &packageName)
{
    if (session)
        BuildTroubleshooter::open(session, namespaceName, packageName, parent);
}

void addTroubleshootActions(QMenu *menu, QWidget *parent, fd::engine::ClusterSession *session, const QString &namespaceName,
                            const fd::fission::ObjectRef *object, std::function<void(const QString &)> showDiagnostics)
{
    if (!session)
        return;
    QPointer<fd::engine::ClusterSession> guard(session);
    if (!object) {
        QAction *board = menu->addAction(trMenu(QT_TRANSLATE_NOOP("fd::ui::TroubleshootMenu", "Build board…")), menu,
                                         [parent, guard, namespaceName] {
                                             if (guard)
                                                 BuildBoard::open(guard, namespaceName, parent);
                                         });
        board->setObjectName(u"buildBoard"_s);
        return;
    }
    const fd::fission::ObjectRef ref = *object;
    if (ref.kind == u"Package") {
        QAction *why = menu->addAction(trMenu(QT_TRANSLATE_NOOP("fd::ui::TroubleshootMenu", "Why is this build not done?")),
                                       menu, [parent, guard, ref] {
                                           if (guard)
                                               BuildTroubleshooter::open(guard, ref.namespaceName, ref.name, parent);
                                       });
        why->setObjectName(u"buildTroubleshooter"_s);
    } else if (ref.kind == u"Function" || ref.kind == u"HTTPTrigger") {
        QAction *call = menu->addAction(trMenu(QT_TRANSLATE_NOOP("fd::ui::TroubleshootMenu", "Call function…")), menu,
                                        [parent, guard, ref, showDiagnostics] {
                                            if (!guard)
                                                return;
                                            auto *dialog = new CallFunctionDialog(guard, ref, showDiagnostics, parent);
                                            dialog->show();
                                        });
        call->setObjectName(u"callFunction"_s);
    }
}

} // namespace ui
} // namespace fd
