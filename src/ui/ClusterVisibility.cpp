#include "ClusterVisibility.h"

#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd {
namespace ui {

namespace {
const QString kHiddenKey = u"clusters/hidden"_s;
}

ClusterVisibility::ClusterVisibility()
{
    const QStringList hidden = QSettings().value(kHiddenKey).toStringList();
    m_hidden = QSet<QString>(hidden.cbegin(), hidden.cend());
}

void ClusterVisibility::setHidden(const QString &contextName, bool hidden)
{
    if (hidden == isHidden(contextName))
        return;
    if (hidden)
        m_hidden.insert(contextName);
    else
        m_hidden.remove(contextName);
    QSettings settings;
    if (m_hidden.isEmpty())
        settings.remove(kHiddenKey);
    else
        settings.setValue(kHiddenKey, this->hidden());
}

QStringList ClusterVisibility::hidden() const
{
    QStringList names(m_hidden.cbegin(), m_hidden.cend());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace ui
} // namespace fd
