#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace fd {
namespace ui {

// Which kubeconfig contexts the user chose to hide (View → Clusters), kept in QSettings under
// "clusters/hidden" by context name only: never a server, user or credential. A context that is
// not listed is shown, so new contexts of a kubeconfig appear without asking.
class ClusterVisibility
{
public:
    ClusterVisibility(); // reads the settings
    bool isHidden(const QString &contextName) const { return m_hidden.contains(contextName); }
    // Changes and saves at once (a crash must not forget the choice).
    void setHidden(const QString &contextName, bool hidden);
    QStringList hidden() const;

private:
    QSet<QString> m_hidden;
};

} // namespace ui
} // namespace fd
