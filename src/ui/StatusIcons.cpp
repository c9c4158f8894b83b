#include "StatusIcons.h"

#include <QHash>

using namespace Qt::StringLiterals;

// The resources live in the static fd_ui library: they must be registered explicitly.
static void initUiResources()
{
    Q_INIT_RESOURCE(fission_desk);
}

namespace fd {
namespace ui {

namespace {
QIcon cachedIcon(const QString &path)
{
    static bool initialised = false;
    if (!initialised) {
        initUiResources();
        initialised = true;
    }
    static QHash<QString, QIcon> cache;
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.insert(path, QIcon(path));
    return *it;
}
} // namespace

QIcon statusIcon(const QString &iconId)
{
    if (iconId.isEmpty())
        return {};
    return cachedIcon(u":/icons/status-%1.svg"_s.arg(iconId));
}

QIcon actionIcon(const QString &name)
{
    return cachedIcon(u":/icons/action-%1.svg"_s.arg(name));
}

} // namespace ui
} // namespace fd
