#include "engine/ContextSettings.h"

#include "engine/EngineTr.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fd::engine {

using detail::translate;

namespace {

const QString kHiddenKey = u"clusters/hidden"_s;
const QString kContextsGroup = u"contexts"_s;
const QString kExecKey = u"execCommand"_s;
const QString kNamespacesKey = u"namespaces"_s;

// QSettings treats '/' as a group separator and ini files mangle some characters: a context name
// like "arn:aws:eks:eu-west-1:1234:cluster/prod" must stay one key, readable in the file.
QString groupOf(const QString &contextName)
{
    return kContextsGroup + u'/' + QString::fromLatin1(contextName.toUtf8().toPercentEncoding());
}

bool isAlnumLower(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

} // namespace

ContextSettingsStore::ContextSettingsStore(QObject *parent) : QObject(parent) {}

ContextSettingsStore::ContextSettingsStore(const QString &iniFile, QObject *parent) : QObject(parent), m_iniFile(iniFile) {}

ContextSettingsStore::~ContextSettingsStore() = default;

std::unique_ptr<QSettings> ContextSettingsStore::open() const
{
    if (m_iniFile.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_iniFile, QSettings::IniFormat);
}

ContextSettings ContextSettingsStore::settings(const QString &contextName) const
{
    const auto store = open();
    ContextSettings result;
    store->beginGroup(groupOf(contextName));
    result.execCommandOverride = store->value(kExecKey).toString();
    result.namespaces = store->value(kNamespacesKey).toStringList();
    store->endGroup();
    result.hidden = store->value(kHiddenKey).toStringList().contains(contextName);
    return result;
}

Expected<void, QString> ContextSettingsStore::setSettings(const QString &contextName, const ContextSettings &settings)
{
    auto valid = validated(settings);
    if (!valid)
        return Unexpected(valid.error());
    const ContextSettings before = this->settings(contextName);
    if (before == valid.value())
        return {};
    {
        const auto store = open();
        store->beginGroup(groupOf(contextName));
        if (valid->execCommandOverride.isEmpty())
            store->remove(kExecKey);
        else
            store->setValue(kExecKey, valid->execCommandOverride);
        if (valid->namespaces.isEmpty())
            store->remove(kNamespacesKey);
        else
            store->setValue(kNamespacesKey, valid->namespaces);
        const bool empty = store->childKeys().isEmpty();
        store->endGroup();
        if (empty) // a context back to the defaults leaves nothing behind
            store->remove(groupOf(contextName));
    }
    if (before.hidden != valid->hidden)
        setHidden(contextName, valid->hidden); // emits
    else
        Q_EMIT settingsChanged(contextName);
    return {};
}

bool ContextSettingsStore::isHidden(const QString &contextName) const
{
    return hiddenContexts().contains(contextName);
}

void ContextSettingsStore::setHidden(const QString &contextName, bool hidden)
{
    QStringList names = hiddenContexts();
    if (names.contains(contextName) == hidden)
        return;
    if (hidden)
        names.append(contextName);
    else
        names.removeAll(contextName);
    names.sort();
    {
        const auto store = open();
        if (names.isEmpty())
            store->remove(kHiddenKey);
        else
            store->setValue(kHiddenKey, names);
    }
    Q_EMIT settingsChanged(contextName);
}

QStringList ContextSettingsStore::hiddenContexts() const
{
    QStringList names = open()->value(kHiddenKey).toStringList();
    names.sort();
    return names;
}

QHash<QString, QString> ContextSettingsStore::execCommandOverrides() const
{
    QHash<QString, QString> overrides;
    const auto store = open();
    store->beginGroup(kContextsGroup);
    const QStringList groups = store->childGroups();
    for (const QString &group : groups) {
        const QString path = store->value(group + u'/' + kExecKey).toString();
        if (!path.isEmpty())
            overrides.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(group.toLatin1())), path);
    }
    store->endGroup();
    return overrides;
}

std::optional<QString> ContextSettingsStore::namespaceProblem(const QString &name)
{
    if (name.isEmpty())
        return translate("fd::engine", "A namespace name cannot be empty.");
    if (name.size() > 63)
        return translate("fd::engine", "\"%1\" is longer than 63 characters.").arg(name);
    const bool charsOk = std::all_of(name.cbegin(), name.cend(), [](QChar c) { return isAlnumLower(c) || c == u'-'; });
    if (!charsOk || !isAlnumLower(name.front()) || !isAlnumLower(name.back()))
        return translate("fd::engine",
                         "\"%1\" is not a namespace name: use lowercase letters, digits and '-', starting and ending "
                         "with a letter or digit.")
            .arg(name);
    return std::nullopt;
}

Expected<ContextSettings, QString> ContextSettingsStore::validated(ContextSettings settings)
{
    QString path = settings.execCommandOverride.trimmed();
    if (path == u"~" || path.startsWith(u"~/"_s))
        path = QDir::homePath() + path.mid(1);
    if (!path.isEmpty()) {
        if (!QFileInfo(path).isAbsolute())
            return Unexpected(translate("fd::engine", "The exec plugin path must be absolute: %1").arg(path));
        if (!QFileInfo::exists(path))
            return Unexpected(translate("fd::engine", "The exec plugin path does not exist: %1").arg(path));
        path = QDir::cleanPath(path);
    }
    settings.execCommandOverride = path;

    QStringList namespaces;
    for (const QString &entry : std::as_const(settings.namespaces)) {
        const QString name = entry.trimmed();
        if (name.isEmpty() || namespaces.contains(name))
            continue;
        if (const auto problem = namespaceProblem(name))
            return Unexpected(*problem);
        namespaces.append(name);
    }
    settings.namespaces = namespaces;
    return settings;
}

} // namespace fd::engine

#include "moc_ContextSettings.cpp"
